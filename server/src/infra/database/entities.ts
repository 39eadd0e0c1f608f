import { AuditLog } from '../../audit/entities/audit-log.entity';
import { BoardRollupSeen } from '../../boards/entities/board-rollup-seen.entity';
import { BoardRollup } from '../../boards/entities/board-rollup.entity';
import { WechatUser } from '../../auth/entities/wechat-user.entity';
import { Card } from '../../cards/entities/card.entity';
import { FollowUp } from '../../leads/entities/follow-up.entity';
import { Lead } from '../../leads/entities/lead.entity';
import { LeadSignal } from '../../leads/entities/lead-signal.entity';
import { HandoffSettingsRow } from '../../leads/entities/handoff-settings.entity';
import { ScoringSettings } from '../../leads/entities/scoring-settings.entity';
import { Material } from '../../materials/entities/material.entity';
import { LeadStageChange } from '../../leads/entities/lead-stage-change.entity';
import { Department } from '../../org/entities/department.entity';
import { EmployeeImport } from '../../org/entities/employee-import.entity';
import { Employee } from '../../org/entities/employee.entity';
import { Invitation } from '../../org/entities/invitation.entity';
import { Organization } from '../../org/entities/organization.entity';
import { Consent } from '../../privacy/entities/consent.entity';
import { Share } from '../../shares/entities/share.entity';
import { SitePage } from '../../site/entities/site-page.entity';
import { SharingTaskAssignee } from '../../tasks/entities/sharing-task-assignee.entity';
import { SharingTask } from '../../tasks/entities/sharing-task.entity';
import { TrackedEvent } from '../../tracking/entities/tracked-event.entity';
import { RetentionSettingsRow } from '../../personal-data/entities/retention-settings.entity';
import { VisitorIdentity } from '../../visitors/entities/visitor-identity.entity';
import { Visitor } from '../../visitors/entities/visitor.entity';

/** Every table of the model (domain.md). Migrations are generated from this list. */
export const ENTITIES = [
  Organization,
  Department,
  Employee,
  Invitation,
  EmployeeImport,
  WechatUser,
  Card,
  Material,
  Share,
  SitePage,
  Visitor,
  VisitorIdentity,
  TrackedEvent,
  Lead,
  LeadStageChange,
  FollowUp,
  LeadSignal,
  ScoringSettings,
  HandoffSettingsRow,
  Consent,
  SharingTask,
  SharingTaskAssignee,
  AuditLog,
  RetentionSettingsRow,
  BoardRollup,
  BoardRollupSeen,
];
