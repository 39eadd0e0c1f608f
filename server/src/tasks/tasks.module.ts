import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MaterialsModule } from '../materials/materials.module';
import { OrgModule } from '../org/org.module';
import { StatsModule } from '../stats/stats.module';
import { WechatModule } from '../wechat/wechat.module';
import { SharingTaskAssignee } from './entities/sharing-task-assignee.entity';
import { SharingTask } from './entities/sharing-task.entity';
import { TaskNotifier } from './task-notifier';
import { MyTasksController, TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([SharingTask, SharingTaskAssignee]),
    MaterialsModule,
    OrgModule,
    StatsModule,
    WechatModule,
  ],
  controllers: [TasksController, MyTasksController],
  providers: [TasksService, TaskNotifier],
})
export class TasksModule {}
