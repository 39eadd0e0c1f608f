/**
 * The reference ceiling of the benches that store events: a bare Fastify server that stores each request's
 * events with a group commit to the same MySQL database, and nothing else (no rate limit, visit token, dedupe,
 * attribution, rollups, scoring, security headers or request id). It shows what storing an event costs on the
 * machine the bench runs on, so the real server can be read against it as well as against the bare baseline.
 * `POST /ingest` answers once its events are committed (the ingest); `GET /s/:code` redirects to REDIRECT_TO at
 * once and logs a click row with the next batch (the short link, as the real one does).
 *
 * Its rows go to a table of its own shaped like `events` (same columns and indexes), so the real server's stored
 * events are never mixed with them; the table is dropped when the process is stopped. Run as its own process by
 * the ingest and public benches, told the database in DATABASE_URL.
 */
import Fastify from 'fastify';
import { randomUUID } from 'node:crypto';
import { createPool } from 'mysql2/promise';
import { createEventId } from '../../src/tracking/event-ids';
// As the real event log: how long a batch waits to fill, how many commit at once, and past how many queued rows a
// background write waits for its batch.
import { BACKGROUND_QUEUE_LIMIT, BATCHES_IN_FLIGHT, BATCH_WAIT_MS } from '../../src/tracking/group-commit';

const TABLE = 'minimal_group_commit_events';
const COLUMNS =
  'id, organizationId, type, targetType, targetId, shareId, visitId, visitorId, actorEmployeeId, ' +
  'creditedEmployeeId, touchpoint, verdict, counted, props, userAgent, occurredAt, receivedAt';

interface Action {
  eventId: string;
  type: string;
  action?: string;
}

interface PendingRows {
  rows: unknown[][];
  done: (error?: unknown) => void;
}

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is required');
const pool = createPool({ uri: databaseUrl, connectionLimit: BATCHES_IN_FLIGHT + 1 });
const organizationId = randomUUID();
const targetId = randomUUID();
/** As many visitors as the bench's, so the visitor index takes the same spread of keys. */
const visitors = Array.from({ length: 100 }, () => ({ visitId: randomUUID(), visitorId: randomUUID() }));

let queue: PendingRows[] = [];
let queuedRows = 0;
let inFlight = 0;
let timer: NodeJS.Timeout | null = null;

function scheduleBatch(): void {
  if (timer || inFlight >= BATCHES_IN_FLIGHT || queue.length === 0) return;
  timer = setTimeout(() => {
    timer = null;
    void commitBatch();
  }, BATCH_WAIT_MS);
}

async function commitBatch(): Promise<void> {
  const batch = queue;
  queue = [];
  queuedRows = 0;
  inFlight += 1;
  try {
    // One autocommit INSERT: durable once it returns (innodb_flush_log_at_trx_commit as configured).
    await pool.query(`INSERT INTO ${TABLE} (${COLUMNS}) VALUES ?`, [
      batch.flatMap((pending) => pending.rows),
    ]);
    for (const pending of batch) pending.done();
  } catch (error) {
    for (const pending of batch) pending.done(error);
  } finally {
    inFlight -= 1;
    scheduleBatch();
  }
}

function store(rows: unknown[][]): Promise<void> {
  return new Promise((resolve, reject) => {
    queue.push({ rows, done: (error) => (error === undefined ? resolve() : reject(error)) });
    queuedRows += rows.length;
    scheduleBatch();
  });
}

function isActions(value: unknown): value is Action[] {
  return (
    Array.isArray(value) &&
    value.every(
      (action: Partial<Action>) => typeof action?.eventId === 'string' && typeof action.type === 'string',
    )
  );
}

/** Who a row is about: the ingest's visitor, or the share and employee a short link credits. */
interface RowSubjects {
  visitId?: string;
  visitorId?: string;
  shareId?: string;
  creditedEmployeeId?: string;
}

/** A row of `events` as the ingest and the short link fill it. */
function eventRow(id: string, type: string, subjects: RowSubjects, props: object, now: Date): unknown[] {
  const { visitId = null, visitorId = null, shareId = null, creditedEmployeeId = null } = subjects;
  return [
    id,
    organizationId,
    type,
    'card',
    targetId,
    shareId,
    visitId,
    visitorId,
    null,
    creditedEmployeeId,
    'h5',
    null,
    true,
    JSON.stringify(props),
    null,
    now,
    now,
  ];
}
const share: RowSubjects = { shareId: randomUUID(), creditedEmployeeId: randomUUID() };

const app = Fastify({ bodyLimit: 64 * 1024 });
const redirectTo = process.env.REDIRECT_TO ?? 'http://127.0.0.1/';
app.get('/health', async () => ({ status: 'ok' }));
app.get('/s/:code', async (_request, reply) => {
  const logged = store([eventRow(createEventId(), 'click', share, { action: 'open_site' }, new Date())]);
  if (queuedRows > BACKGROUND_QUEUE_LIMIT) await logged;
  else logged.catch((error: unknown) => console.error(error));
  return reply.header('cache-control', 'no-store').redirect(redirectTo, 302);
});
app.post('/ingest', async (request, reply) => {
  const actions = (request.body as { actions?: unknown } | null)?.actions;
  if (!isActions(actions)) return reply.status(400).send({ message: 'actions is required' });
  const now = new Date();
  const visitor = visitors[Math.floor(Math.random() * visitors.length)]!;
  const rows = actions.map((action) =>
    eventRow(action.eventId, action.type, visitor, { action: action.action ?? null }, now),
  );
  await store(rows);
  return reply.send({ stored: rows.length, duplicates: 0 });
});

pool
  .query(`CREATE TABLE IF NOT EXISTS ${TABLE} LIKE events`)
  .then(() => app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
// The bench stops its scripts with SIGINT. The table goes too: its pages would otherwise take the buffer pool
// the real server's later runs (p99, sustained ingest) need.
process.once('SIGINT', () => {
  void pool
    .query(`DROP TABLE IF EXISTS ${TABLE}`)
    .finally(() => pool.end())
    .finally(() => process.exit(0));
});
