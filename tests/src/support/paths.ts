import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
/** Screenshots and server logs of the journeys (gitignored). */
export const ARTIFACTS_DIR = join(REPO_ROOT, 'artifacts');
