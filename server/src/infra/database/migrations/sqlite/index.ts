import { InitialSchema1795421451933 } from './1795421451933-InitialSchema';
import { Materials1795425926093 } from './1795425926093-Materials';
import { ProductFields1795429668045 } from './1795429668045-ProductFields';
import { SitePages1795432220264 } from './1795432220264-SitePages';

/** Applied in this order; new ones come from `scripts/generate-migration.sh`. */
export const SQLITE_MIGRATIONS = [
  InitialSchema1795421451933,
  Materials1795425926093,
  ProductFields1795429668045,
  SitePages1795432220264,
];
