/** Driver error codes meaning the database cannot be reached right now (not that the request is wrong). */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'SQLITE_BUSY',
]);

/** mysql2 reports a few connection states only in words. */
const UNAVAILABLE_MESSAGES = [/closed state/i, /pool is closed/i, /connection lost/i, /timed? ?out/i];

/** A row with the same primary or unique key is stored already. */
const DUPLICATE_KEY_CODES = new Set(['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/** Codes of a transaction that lost a race with another one (same id inserted, deadlock): rerunning it is safe. */
const CONFLICT_CODES = new Set([...DUPLICATE_KEY_CODES, 'ER_LOCK_DEADLOCK']);

/** The codes on an error, on what TypeORM wrapped (`driverError`) and on its cause. */
function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 4; depth += 1) {
    const { code, driverError, cause } = current as {
      code?: unknown;
      driverError?: unknown;
      cause?: unknown;
    };
    if (typeof code === 'string') codes.push(code);
    current = driverError ?? cause;
  }
  return codes;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  if (codesOf(error).some((code) => UNAVAILABLE_CODES.has(code))) return true;
  return error instanceof Error && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(error.message));
}

export function isDuplicateKey(error: unknown): boolean {
  return codesOf(error).some((code) => DUPLICATE_KEY_CODES.has(code));
}

export function isWriteConflict(error: unknown): boolean {
  return codesOf(error).some((code) => CONFLICT_CODES.has(code));
}
