import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Lead } from '../leads/entities/lead.entity';
import { MaterialsModule } from '../materials/materials.module';
import { OrgModule } from '../org/org.module';
import { Share } from '../shares/entities/share.entity';
import { TrackedEvent } from '../tracking/entities/tracked-event.entity';
import { VisitorsModule } from '../visitors/visitors.module';
import { MaterialStatsController } from './material-stats.controller';
import { MaterialStatsService } from './material-stats.service';
import { ShareActivity } from './share-activity';

/** Statistics for managers and admins; ShareActivity is also what task progress is measured with. */
@Module({
  imports: [
    TypeOrmModule.forFeature([TrackedEvent, Share, Lead]),
    MaterialsModule,
    OrgModule,
    VisitorsModule,
  ],
  controllers: [MaterialStatsController],
  providers: [ShareActivity, MaterialStatsService],
  exports: [ShareActivity],
})
export class StatsModule {}
