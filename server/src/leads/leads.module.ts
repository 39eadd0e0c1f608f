import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { WechatUser } from '../auth/entities/wechat-user.entity';
import { Card } from '../cards/entities/card.entity';
import { SitePage } from '../site/entities/site-page.entity';
import { Material } from '../materials/entities/material.entity';
import { Department } from '../org/entities/department.entity';
import { Employee } from '../org/entities/employee.entity';
import { OrgModule } from '../org/org.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { SharesModule } from '../shares/shares.module';
import { EventLogModule } from '../tracking/event-log.module';
import { VisitorsModule } from '../visitors/visitors.module';
import { WechatModule } from '../wechat/wechat.module';
import { FollowUp } from './entities/follow-up.entity';
import { HandoffSettingsRow } from './entities/handoff-settings.entity';
import { LeadSignal } from './entities/lead-signal.entity';
import { LeadStageChange } from './entities/lead-stage-change.entity';
import { Lead } from './entities/lead.entity';
import { ScoringSettings } from './entities/scoring-settings.entity';
import { HandoffDeadlines } from './handoff-deadlines';
import { HandoffSettingsController } from './handoff-settings.controller';
import { HandoffSettingsService } from './handoff-settings.service';
import { LeadAlerts } from './lead-alerts';
import { LeadScope } from './lead-scope';
import { LeadScorer } from './lead-scorer';
import { LeadsController } from './leads.controller';
import { LeadExport } from './lead-export';
import { LeadsService } from './leads.service';
import { RescoreJobs } from './rescore-jobs';
import { ScoringConfigController } from './scoring-config.controller';
import { ScoringSettingsService } from './scoring-settings.service';

/** The lead pool: leads derived from behaviour (scores, signals), the staff's work on them, hand-off deadlines. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Lead,
      LeadStageChange,
      LeadSignal,
      FollowUp,
      ScoringSettings,
      HandoffSettingsRow,
      Employee,
      Department,
      Material,
      Card,
      SitePage,
      WechatUser,
    ]),
    AuditModule,
    EventLogModule,
    VisitorsModule,
    SharesModule,
    OrgModule,
    PrivacyModule,
    WechatModule,
  ],
  controllers: [LeadsController, ScoringConfigController, HandoffSettingsController],
  providers: [
    ScoringSettingsService,
    HandoffSettingsService,
    LeadScorer,
    LeadAlerts,
    LeadScope,
    LeadsService,
    LeadExport,
    RescoreJobs,
    HandoffDeadlines,
  ],
  exports: [LeadScorer, LeadsService],
})
export class LeadsModule {}
