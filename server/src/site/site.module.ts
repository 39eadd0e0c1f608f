import { Module } from '@nestjs/common';
import { CardsModule } from '../cards/cards.module';
import { OrgModule } from '../org/org.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { SharesModule } from '../shares/shares.module';
import { EventLogModule } from '../tracking/event-log.module';
import { VisitorsModule } from '../visitors/visitors.module';
import { SiteIngestController } from './site-ingest.controller';
import { SiteIngestService } from './site-ingest.service';
import { SiteLinksController } from './site-links.controller';
import { SiteLinksService } from './site-links.service';
import { SiteOriginGuard } from './site-origin.guard';
import { SitePagesModule } from './site-pages.module';
import { ShortLinkRoute } from './short-link.route';
import { TrackerScript } from './tracker-script';
import { TrackerScriptController } from './tracker-script.controller';

/** The official site as the hub: the tracker script, its ingest, and short attributed links. */
@Module({
  imports: [
    OrgModule,
    CardsModule,
    SharesModule,
    VisitorsModule,
    PrivacyModule,
    EventLogModule,
    SitePagesModule,
  ],
  controllers: [TrackerScriptController, SiteIngestController, SiteLinksController],
  providers: [TrackerScript, SiteIngestService, SiteLinksService, SiteOriginGuard, ShortLinkRoute],
})
export class SiteModule {}
