import { InitialSchema1795421450240 } from './1795421450240-InitialSchema';
import { Materials1795425923942 } from './1795425923942-Materials';
import { ProductFields1795429665588 } from './1795429665588-ProductFields';
import { SharingTasks1795430432448 } from './1795430432448-SharingTasks';
import { Roster1795430570619 } from './1795430570619-Roster';
import { LeadPool1795431835430 } from './1795431835430-LeadPool';
import { SitePages1795432214875 } from './1795432214875-SitePages';
import { HandoffDeadlines1795433853969 } from './1795433853969-HandoffDeadlines';
import { AuditLog1795434037973 } from './1795434037973-AuditLog';
import { PersonalDataRights1795440576319 } from './1795440576319-PersonalDataRights';
import { BoardRollups1795440638058 } from './1795440638058-BoardRollups';
import { DropDailyRollups1795450000000 } from './1795450000000-DropDailyRollups';
import { VisitorHistoryIndex1795474970314 } from './1795474970314-VisitorHistoryIndex';

/** Applied in this order; new ones come from `scripts/generate-migration.sh`. */
export const MYSQL_MIGRATIONS = [
  InitialSchema1795421450240,
  Materials1795425923942,
  ProductFields1795429665588,
  SharingTasks1795430432448,
  Roster1795430570619,
  LeadPool1795431835430,
  SitePages1795432214875,
  HandoffDeadlines1795433853969,
  AuditLog1795434037973,
  PersonalDataRights1795440576319,
  BoardRollups1795440638058,
  DropDailyRollups1795450000000,
  VisitorHistoryIndex1795474970314,
];
