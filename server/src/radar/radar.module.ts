import { Module } from '@nestjs/common';
import { LeadsModule } from '../leads/leads.module';
import { MaterialsModule } from '../materials/materials.module';
import { SharesModule } from '../shares/shares.module';
import { EventLogModule } from '../tracking/event-log.module';
import { VisitorsModule } from '../visitors/visitors.module';
import { RadarController } from './radar.controller';
import { RadarService } from './radar.service';

@Module({
  imports: [EventLogModule, MaterialsModule, SharesModule, VisitorsModule, LeadsModule],
  controllers: [RadarController],
  providers: [RadarService],
})
export class RadarModule {}
