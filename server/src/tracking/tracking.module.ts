import { Module } from '@nestjs/common';
import { CardsModule } from '../cards/cards.module';
import { MaterialsModule } from '../materials/materials.module';
import { SharesModule } from '../shares/shares.module';
import { OrgModule } from '../org/org.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { VisitorsModule } from '../visitors/visitors.module';
import { WechatModule } from '../wechat/wechat.module';
import { ContactService } from './contact.service';
import { EventLogModule } from './event-log.module';
import { TrackingController } from './tracking.controller';
import { TrackActionsRoute } from './track-actions.route';
import { TrackingService } from './tracking.service';
import { ViewClaims } from './view-claims';

/** The ingest routes. The event log itself is EventLogModule, which other features import. */
@Module({
  imports: [
    CardsModule,
    MaterialsModule,
    SharesModule,
    VisitorsModule,
    EventLogModule,
    PrivacyModule,
    OrgModule,
    WechatModule,
  ],
  controllers: [TrackingController],
  providers: [TrackingService, ContactService, ViewClaims, TrackActionsRoute],
})
export class TrackingModule {}
