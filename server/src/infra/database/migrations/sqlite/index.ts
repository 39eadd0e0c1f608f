import { InitialSchema1795421451933 } from './1795421451933-InitialSchema';
import { Materials1795425926093 } from './1795425926093-Materials';
import { ProductFields1795429668045 } from './1795429668045-ProductFields';
import { SharingTasks1795430434340 } from './1795430434340-SharingTasks';
import { Roster1795430574489 } from './1795430574489-Roster';
import { LeadPool1795431838048 } from './1795431838048-LeadPool';
import { SitePages1795432220264 } from './1795432220264-SitePages';
import { HandoffDeadlines1795433856066 } from './1795433856066-HandoffDeadlines';
import { AuditLog1795434040298 } from './1795434040298-AuditLog';
import { PersonalDataRights1795440584734 } from './1795440584734-PersonalDataRights';
import { BoardRollups1795440646932 } from './1795440646932-BoardRollups';
import { DropDailyRollups1795450000000 } from './1795450000000-DropDailyRollups';
import { VisitorHistoryIndex1795474972241 } from './1795474972241-VisitorHistoryIndex';

/** Applied in this order; new ones come from `scripts/generate-migration.sh`. */
export const SQLITE_MIGRATIONS = [
  InitialSchema1795421451933,
  Materials1795425926093,
  ProductFields1795429668045,
  SharingTasks1795430434340,
  Roster1795430574489,
  LeadPool1795431838048,
  SitePages1795432220264,
  HandoffDeadlines1795433856066,
  AuditLog1795434040298,
  PersonalDataRights1795440584734,
  BoardRollups1795440646932,
  DropDailyRollups1795450000000,
  VisitorHistoryIndex1795474972241,
];
