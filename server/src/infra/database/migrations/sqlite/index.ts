import { InitialSchema1795421451933 } from './1795421451933-InitialSchema';

/** Applied in this order; new ones come from `scripts/generate-migration.sh`. */
export const SQLITE_MIGRATIONS = [InitialSchema1795421451933];
