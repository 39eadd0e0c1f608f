import { Module } from '@nestjs/common';
import { VisitorsModule } from '../visitors/visitors.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Card } from '../cards/entities/card.entity';
import { LeadStageChange } from '../leads/entities/lead-stage-change.entity';
import { Material } from '../materials/entities/material.entity';
import { Department } from '../org/entities/department.entity';
import { Employee } from '../org/entities/employee.entity';
import { Organization } from '../org/entities/organization.entity';
import { Share } from '../shares/entities/share.entity';
import { SitePage } from '../site/entities/site-page.entity';
import { TrackedEvent } from '../tracking/entities/tracked-event.entity';
import { EventLogModule } from '../tracking/event-log.module';
import { Visitor } from '../visitors/entities/visitor.entity';
import { BoardEventsService } from './board-events.service';
import { BoardExport } from './board-export';
import { BoardScope } from './board-scope';
import { BoardSettingsService } from './board-settings.service';
import { BoardsController } from './boards.controller';
import { BoardsService } from './boards.service';
import { DashboardController } from './dashboard.controller';
import { BoardRollupSeen } from './entities/board-rollup-seen.entity';
import { BoardRollup } from './entities/board-rollup.entity';
import { RebuildJobs } from './rebuild-jobs';
import { RollupHooks } from './rollup-hooks';
import { RollupReader } from './rollup-reader';
import { RollupWriter } from './rollup-writer';

/** Leaderboards and the dashboard (issue 5): rollups kept on ingest, boards read from them. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      BoardRollup,
      BoardRollupSeen,
      Organization,
      Department,
      Employee,
      Card,
      Material,
      Share,
      SitePage,
      Visitor,
      TrackedEvent,
      LeadStageChange,
    ]),
    VisitorsModule,
    EventLogModule,
  ],
  controllers: [BoardsController, DashboardController],
  providers: [
    RollupWriter,
    RollupHooks,
    RollupReader,
    RebuildJobs,
    BoardScope,
    BoardsService,
    BoardEventsService,
    BoardExport,
    BoardSettingsService,
  ],
  exports: [RebuildJobs],
})
export class BoardsModule {}
