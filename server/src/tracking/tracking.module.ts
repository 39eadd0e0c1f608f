import { Module } from '@nestjs/common';
import { CardsModule } from '../cards/cards.module';
import { MaterialsModule } from '../materials/materials.module';
import { SharesModule } from '../shares/shares.module';
import { VisitorsModule } from '../visitors/visitors.module';
import { EventLogModule } from './event-log.module';
import { TrackingController } from './tracking.controller';
import { TrackingService } from './tracking.service';

/** The ingest routes. The event log itself is EventLogModule, which other features import. */
@Module({
  imports: [CardsModule, MaterialsModule, SharesModule, VisitorsModule, EventLogModule],
  controllers: [TrackingController],
  providers: [TrackingService],
})
export class TrackingModule {}
