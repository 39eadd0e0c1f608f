/**
 * Leaderboards and dashboard bench (issue 5): an organization of 10,000 employees with 100 thousand and with
 * 10 million events in a scratch MySQL database, rollups derived from the raw events, then the p50/p95 latency
 * of the top-50 monthly leaderboard and of the dashboard through the real server's HTTP endpoints.
 * Target: p95 < 50 ms at 10 million events, and a 10M/100k p95 ratio under 1.5.
 *
 *   node --import tsx bench/boards/index.ts [--quick]     (from server/, after `npm run build`)
 *   MYSQL_URL=mysql://root@127.0.0.1:3306 selects the server (a scratch database is created and dropped).
 *
 * The rollups of 10 million events are derived in memory from the generated events (sorting keys, one pass per
 * period and subject); a sample organization is derived both ways, and the bench fails unless that path equals
 * the real rebuild there.
 */
import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Pool, createConnection, createPool } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { hashPassword } from '../../src/auth/password-hasher';
import { RollupRebuild } from '../../src/boards/rollup-rebuild';
import { RollupWriter } from '../../src/boards/rollup-writer';
import { parseDatabaseUrl } from '../../src/common/config/app-config';
import { resolveDataSourceOptions } from '../../src/infra/database/data-source-options';

/** The harness runs every suite from its package's folder (server/), where `dist/main.js` is built. */
const SERVER_DIR = process.cwd();
const quick = process.argv.includes('--quick');
const EMPLOYEES = quick ? 1_000 : 10_000;
/** Event counts of the two organizations; BENCH_BOARDS_SIZES=100000,1000000 overrides them. */
const SIZES = process.env.BENCH_BOARDS_SIZES
  ? process.env.BENCH_BOARDS_SIZES.split(',').map(Number)
  : quick
    ? [20_000, 200_000]
    : [100_000, 10_000_000];
const DEPARTMENTS = 100;
const MATERIALS = 200;
const DAYS = 60;
const REQUESTS = quick ? 60 : 300;
const WARM_UP = 30;
const ROWS_PER_INSERT = 4_000;
const WRITERS = 4;
const PASSWORD = 'bench-password-123';
const BULK_LOAD_BUFFER_POOL = 6 * 1024 ** 3;

/** The MySQL server (without a database): MYSQL_URL's, or the local one. */
const server = (() => {
  const url = new URL(process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306');
  url.pathname = '';
  return url.toString().replace(/\/$/, '');
})();
const scratch = `cardhub_bench_boards_${process.pid}`;
const databaseUrl = `${server}/${scratch}`;

const quote = (value: string) => `'${value}'`;
const pad = (value: number) => value.toString(16).padStart(12, '0');
/** Deterministic UUID-shaped ids: a prefix per kind, a counter, and the organization number. */
const id = (kind: string, org: number, n: number) => `${kind}000000${org}-0000-4000-8000-${pad(n)}`;
const sqlTime = (at: Date) => at.toISOString().replace('T', ' ').replace('Z', '');

function log(message: string) {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
}

/** A progress bar on one terminal line. */
function progress(label: string, done: number, total: number) {
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stdout.write(
    `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString()}/${total.toLocaleString()}`,
  );
  if (done >= total) process.stdout.write('\n');
}

interface OrgShape {
  org: number;
  employees: number;
  events: number;
  adminAccount: string;
}

/** The organization, its departments, staff (one admin who logs in with a password) and materials. */
async function seedOrganization(pool: Pool, shape: OrgShape): Promise<string> {
  const organizationId = id('a', shape.org, 0);
  const departments = Math.min(DEPARTMENTS, shape.employees);
  await pool.query(
    `INSERT INTO organizations (id, name, slug, timezone, siteUrl, siteOrigins, creditSplit) VALUES (?, ?, ?, 'Asia/Shanghai', 'https://example.com', '[]', 'root')`,
    [organizationId, `压测企业 ${shape.org}`, `bench-${shape.org}-${process.pid}`],
  );
  const deptRows = Array.from(
    { length: departments },
    (_, n) => `(${quote(id('d', shape.org, n))}, ${quote(organizationId)}, NULL, '部门 ${n}', ${n})`,
  );
  await pool.query(
    `INSERT INTO departments (id, organizationId, parentId, name, sortOrder) VALUES ${deptRows.join(',')}`,
  );
  const passwordHash = await hashPassword(PASSWORD);
  for (let start = 0; start < shape.employees; start += ROWS_PER_INSERT) {
    const rows: string[] = [];
    for (let n = start; n < Math.min(shape.employees, start + ROWS_PER_INSERT); n++) {
      const admin = n === 0;
      rows.push(
        `(${quote(id('e', shape.org, n))}, ${quote(organizationId)}, ${quote(id('d', shape.org, n % departments))}, '员工${n}', '销售', '${admin ? 'admin' : 'employee'}', 'active', ${admin ? quote(shape.adminAccount) : 'NULL'}, ${admin ? quote(passwordHash) : 'NULL'})`,
      );
    }
    await pool.query(
      `INSERT INTO employees (id, organizationId, departmentId, name, title, role, status, account, passwordHash) VALUES ${rows.join(',')}`,
    );
  }
  const materialRows = Array.from(
    { length: MATERIALS },
    (_, n) =>
      `(${quote(id('f', shape.org, n))}, ${quote(organizationId)}, 'article', '物料 ${n}', '', '', '[]', 'published', '', ${quote(id('e', shape.org, 0))})`,
  );
  await pool.query(
    `INSERT INTO materials (id, organizationId, type, title, summary, category, tags, status, priceText, createdByEmployeeId) VALUES ${materialRows.join(',')}`,
  );
  return organizationId;
}

const EVENT_TYPES = ['view', 'share', 'click'] as const;
const VERDICTS = ['counted', 'self', 'colleague', 'bot', 'repeat'] as const;
const VIEW = 0;
const SHARE = 1;
const CLICK = 2;
const COUNTED = 0;

/** The generated events as columns: what both the INSERTs and the in-memory rollups read. */
interface EventColumns {
  count: number;
  employee: Uint16Array;
  material: Uint8Array;
  visitor: Uint32Array;
  /** Milliseconds since the epoch. */
  at: Float64Array;
  /** Index into EVENT_TYPES. */
  type: Uint8Array;
  /** Index into VERDICTS; only views have one. */
  verdict: Uint8Array;
}

const visitorsOf = (shape: OrgShape) => Math.max(100, Math.floor(shape.events / 5));

/**
 * Events spread over the last DAYS days up to now: views (15% of them not counted: self, colleague, bot,
 * repeat), shares by employees, clicks; a few employees are far busier than the rest (a long tail, as in life).
 */
function generateEvents(shape: OrgShape): EventColumns {
  const now = Date.now();
  const span = DAYS * 86_400_000;
  const visitors = visitorsOf(shape);
  let seed = 42 + shape.org;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const columns: EventColumns = {
    count: shape.events,
    employee: new Uint16Array(shape.events),
    material: new Uint8Array(shape.events),
    visitor: new Uint32Array(shape.events),
    at: new Float64Array(shape.events),
    type: new Uint8Array(shape.events),
    verdict: new Uint8Array(shape.events),
  };
  for (let n = 0; n < shape.events; n++) {
    columns.employee[n] = Math.floor(next() ** 2 * shape.employees);
    const roll = next();
    const type = roll < 0.9 ? VIEW : roll < 0.95 ? SHARE : CLICK;
    columns.type[n] = type;
    const verdictRoll = next();
    columns.verdict[n] =
      type !== VIEW || verdictRoll < 0.85 ? COUNTED : 1 + Math.floor((verdictRoll - 0.85) / 0.0375);
    columns.material[n] = Math.floor(next() * MATERIALS);
    columns.visitor[n] = Math.floor(next() * visitors);
    columns.at[n] = now - Math.floor(next() * span);
  }
  return columns;
}

/** The events as 4,000-row INSERTs on several connections at once, with a progress bar. */
async function insertEvents(pool: Pool, shape: OrgShape, organizationId: string, events: EventColumns) {
  let written = 0;
  const label = `events ${events.count.toLocaleString()}`;
  const writeBatch = async (start: number) => {
    const rows: string[] = [];
    for (let n = start; n < Math.min(events.count, start + ROWS_PER_INSERT); n++) {
      const type = events.type[n]!;
      const at = sqlTime(new Date(events.at[n]!));
      const employeeId = quote(id('e', shape.org, events.employee[n]!));
      const visitorId = type === SHARE ? 'NULL' : quote(id('c', shape.org, events.visitor[n]!));
      const verdict = type === VIEW ? quote(VERDICTS[events.verdict[n]!]!) : 'NULL';
      rows.push(
        `(${quote(id('b', shape.org, n))}, ${quote(organizationId)}, '${EVENT_TYPES[type]}', 'material', ${quote(id('f', shape.org, events.material[n]!))}, NULL, NULL, ${visitorId}, ${type === SHARE ? employeeId : 'NULL'}, ${employeeId}, 'h5', ${verdict}, ${events.verdict[n] === COUNTED ? 1 : 0}, NULL, NULL, '${at}', '${at}')`,
      );
    }
    await pool.query(
      `INSERT INTO events (id, organizationId, type, targetType, targetId, shareId, visitId, visitorId, actorEmployeeId, creditedEmployeeId, touchpoint, verdict, counted, props, userAgent, occurredAt, receivedAt) VALUES ${rows.join(',')}`,
    );
    written += rows.length;
    progress(label, written, events.count);
  };
  // Row generation is sequential; the inserts overlap on several connections.
  const inFlight = new Set<Promise<void>>();
  for (let start = 0; start < events.count; start += ROWS_PER_INSERT) {
    const write = writeBatch(start).finally(() => inFlight.delete(write));
    inFlight.add(write);
    if (inFlight.size >= WRITERS) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
}

/**
 * MariaDB's bulk-load settings while the events go in: a buffer pool that holds the events' indexes (the
 * default 128 MiB makes every insert into the visitor index a disk read) and the log flushed once a second
 * rather than at each commit. Returns what puts the server's own settings back, before anything is measured.
 */
async function bulkLoadSettings(pool: Pool): Promise<() => Promise<void>> {
  const [[before]] = (await pool.query(
    'SELECT @@innodb_buffer_pool_size AS bufferPool, @@innodb_flush_log_at_trx_commit AS flushLog',
  )) as unknown as [[{ bufferPool: number; flushLog: number }]];
  try {
    await pool.query(
      `SET GLOBAL innodb_buffer_pool_size = ${Math.max(before.bufferPool, BULK_LOAD_BUFFER_POOL)}`,
    );
    await pool.query('SET GLOBAL innodb_flush_log_at_trx_commit = 2');
  } catch (error) {
    log(`bulk-load settings refused (${(error as Error).message}): seeding at the server's own pace`);
  }
  return async () => {
    await pool.query(`SET GLOBAL innodb_buffer_pool_size = ${before.bufferPool}`);
    await pool.query(`SET GLOBAL innodb_flush_log_at_trx_commit = ${before.flushLog}`);
  };
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The day, week (its Monday) and month keys of Asia/Shanghai (UTC+8, no daylight saving) for each local day. */
function periodKeysOf(events: EventColumns) {
  const localDay = new Uint32Array(events.count);
  for (let n = 0; n < events.count; n++) {
    localDay[n] = Math.floor((events.at[n]! + SHANGHAI_OFFSET_MS) / 86_400_000);
  }
  const keysOf = (day: number) => {
    const date = new Date(day * 86_400_000);
    const monday = new Date((day - ((date.getUTCDay() + 6) % 7)) * 86_400_000);
    return {
      day: date.toISOString().slice(0, 10),
      week: monday.toISOString().slice(0, 10),
      month: date.toISOString().slice(0, 7),
    };
  };
  return { localDay, keysOf };
}

/**
 * The rollups of the organization's events, derived in memory from the generated columns: what RollupWriter
 * derives for events without shares (views and visitors credited to the credited employee, shares to the
 * sharer, clicks as active visitors), per day, week and month of Asia/Shanghai, for the organization,
 * employees, their departments and materials. Distinct visitors per period come from sorting
 * (period, subject, visitor) keys and counting the runs, so memory stays a few arrays of the event count.
 */
async function deriveRollups(pool: Pool, shape: OrgShape, organizationId: string, events: EventColumns) {
  const departments = Math.min(DEPARTMENTS, shape.employees);
  const subjects = {
    organization: { of: () => 0, id: () => organizationId },
    employee: { of: (n: number) => events.employee[n]!, id: (s: number) => id('e', shape.org, s) },
    department: {
      of: (n: number) => events.employee[n]! % departments,
      id: (s: number) => id('d', shape.org, s),
    },
    material: { of: (n: number) => events.material[n]!, id: (s: number) => id('f', shape.org, s) },
  };
  const { localDay, keysOf } = periodKeysOf(events);
  const SUBJECT_SPAN = 2 ** 14;
  const VISITOR_SPAN = 2 ** 23;
  // Keys are exact doubles: period × subject × visitor must stay under 2^53.
  if (shape.employees > SUBJECT_SPAN || visitorsOf(shape) >= VISITOR_SPAN) {
    throw new Error('the bench organization is too large for its rollup keys');
  }
  const periods = ['day', 'week', 'month'] as const;
  const total = periods.length * Object.keys(subjects).length;
  let done = 0;
  const rows: string[] = [];
  const flush = async (force: boolean) => {
    if (rows.length < ROWS_PER_INSERT && !(force && rows.length > 0)) return;
    const batch = rows.splice(0, rows.length);
    await pool.query(
      `INSERT INTO board_rollups (organizationId, period, periodKey, subjectKind, subjectId, metric, value) VALUES ${batch.join(',')}`,
    );
  };
  for (const period of periods) {
    // Period keys are numbered in order of first appearance: the number is only a sort key.
    const periodNumber = new Map<string, number>();
    const periodKeys: string[] = [];
    const dayToPeriod = new Map<number, number>();
    const periodOf = (n: number) => {
      const day = localDay[n]!;
      let number = dayToPeriod.get(day);
      if (number === undefined) {
        const key = keysOf(day)[period];
        number = periodNumber.get(key) ?? periodKeys.push(key) - 1;
        periodNumber.set(key, number);
        dayToPeriod.set(day, number);
      }
      return number;
    };
    for (const [kind, subject] of Object.entries(subjects)) {
      const groups = new Map<number, Record<string, number>>();
      const figure = (group: number, metric: string, amount: number) => {
        const figures = groups.get(group) ?? {};
        figures[metric] = (figures[metric] ?? 0) + amount;
        groups.set(group, figures);
      };
      const viewKeys: number[] = [];
      const clickKeys: number[] = [];
      for (let n = 0; n < events.count; n++) {
        if (events.verdict[n] !== COUNTED) continue;
        const group = periodOf(n) * SUBJECT_SPAN + subject.of(n);
        const type = events.type[n];
        if (type === SHARE) figure(group, 'shares', 1);
        else (type === VIEW ? viewKeys : clickKeys).push(group * VISITOR_SPAN + events.visitor[n]!);
      }
      for (const [keys, count, distinct] of [
        [viewKeys, 'views', 'visitors'],
        [clickKeys, null, 'act'],
      ] as const) {
        const sorted = Float64Array.from(keys).sort();
        for (let n = 0; n < sorted.length; n++) {
          const group = Math.floor(sorted[n]! / VISITOR_SPAN);
          if (count) figure(group, count, 1);
          if (n === 0 || sorted[n] !== sorted[n - 1]) figure(group, distinct, 1);
        }
      }
      for (const [group, figures] of groups) {
        const periodKey = periodKeys[Math.floor(group / SUBJECT_SPAN)]!;
        const subjectId = subject.id(group % SUBJECT_SPAN);
        for (const [metric, value] of Object.entries(figures)) {
          rows.push(
            `(${quote(organizationId)}, '${period}', '${periodKey}', '${kind}', ${quote(subjectId)}, '${metric}', ${value})`,
          );
        }
        await flush(false);
      }
      progress('rollups (in memory)', ++done, total);
    }
  }
  await flush(true);
}

async function rollupRows(pool: Pool, organizationId: string): Promise<string[]> {
  const [rows] = await pool.query(
    'SELECT period, periodKey, subjectKind, subjectId, metric, value FROM board_rollups WHERE organizationId = ? ORDER BY period, periodKey, subjectKind, subjectId, metric',
    [organizationId],
  );
  return (rows as Record<string, unknown>[]).map((row) => Object.values(row).map(String).join('|'));
}

/** The in-memory path must equal the real rebuild: checked on a sample organization. */
async function checkAgainstRebuild(pool: Pool): Promise<boolean> {
  const shape: OrgShape = { org: 9, employees: 40, events: 5_000, adminAccount: `sample-${process.pid}` };
  const organizationId = await seedOrganization(pool, shape);
  const events = generateEvents(shape);
  await insertEvents(pool, shape, organizationId, events);
  await deriveRollups(pool, shape, organizationId, events);
  const inMemory = await rollupRows(pool, organizationId);
  const options = await resolveDataSourceOptions(parseDatabaseUrl(databaseUrl, tmpdir(), tmpdir()));
  const dataSource = await new DataSource({ ...options, migrationsRun: false }).initialize();
  try {
    await new RollupRebuild(dataSource, new RollupWriter(dataSource)).run(organizationId, (done, all) =>
      progress('sample rebuild', done, all),
    );
  } finally {
    await dataSource.destroy();
  }
  const rebuilt = await rollupRows(pool, organizationId);
  const same = JSON.stringify(inMemory) === JSON.stringify(rebuilt);
  log(
    `sample organization: in-memory ${inMemory.length} rows, rebuild ${rebuilt.length} rows, ${same ? 'identical' : 'DIFFERENT'}`,
  );
  return same;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });
}

/** The real server (`node dist/main.js`) against the scratch database. */
async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      UPLOAD_DIR: mkdtempSync(join(tmpdir(), 'cardhub-bench-')),
      TOKEN_SECRET: randomBytes(32).toString('hex'),
      DEMO_MODE: '0',
      WECHAT_API_BASE_URL: 'http://127.0.0.1:9',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let waited = 0; waited < 120_000; waited += 250) {
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, child };
    } catch {
      // not up yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  child.kill();
  throw new Error('the server did not start');
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

/** Sequential requests (one user waiting for each), after a warm-up: p50 and p95 in milliseconds. */
async function measure(url: string, token: string): Promise<{ p50: number; p95: number }> {
  const timings: number[] = [];
  for (let n = 0; n < WARM_UP + REQUESTS; n++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    if (n >= WARM_UP) timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  return { p50: percentile(timings, 0.5), p95: percentile(timings, 0.95) };
}

interface SizeResult {
  events: number;
  board: { p50: number; p95: number };
  dashboard: { p50: number; p95: number };
  seedSeconds: number;
  rollupSeconds: number;
}

async function runSize(pool: Pool, events: number, index: number): Promise<SizeResult> {
  const shape: OrgShape = {
    org: index + 1,
    employees: EMPLOYEES,
    events,
    adminAccount: `bench-admin-${index}-${process.pid}`,
  };
  const seeding = Date.now();
  log(
    `organization ${shape.org}: ${EMPLOYEES.toLocaleString()} employees, ${events.toLocaleString()} events`,
  );
  const restoreSettings = await bulkLoadSettings(pool);
  let seedSeconds: number;
  let rollupSeconds: number;
  try {
    const organizationId = await seedOrganization(pool, shape);
    const generated = generateEvents(shape);
    await insertEvents(pool, shape, organizationId, generated);
    seedSeconds = (Date.now() - seeding) / 1000;
    const deriving = Date.now();
    await deriveRollups(pool, shape, organizationId, generated);
    rollupSeconds = (Date.now() - deriving) / 1000;
  } finally {
    await restoreSettings();
  }
  await pool.query('ANALYZE TABLE board_rollups, events, employees');
  const { url, child } = await startServer();
  try {
    const login = await fetch(`${url}/api/auth/password-login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ account: shape.adminAccount, password: PASSWORD }),
    });
    if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const { token } = (await login.json()) as { token: string };
    const board = await measure(`${url}/api/boards/employees?metric=views&period=month&limit=50`, token);
    const dashboard = await measure(`${url}/api/dashboard?period=month`, token);
    log(
      `board p50 ${board.p50.toFixed(1)} ms p95 ${board.p95.toFixed(1)} ms; dashboard p50 ${dashboard.p50.toFixed(1)} ms p95 ${dashboard.p95.toFixed(1)} ms`,
    );
    return { events, board, dashboard, seedSeconds, rollupSeconds };
  } finally {
    await stopServer(child);
  }
}

async function main(): Promise<boolean> {
  const admin = await createConnection(server);
  await admin.query(`CREATE DATABASE ${scratch} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  try {
    // The server's own migrations make the schema.
    const options = await resolveDataSourceOptions(parseDatabaseUrl(databaseUrl, tmpdir(), tmpdir()));
    const migrating = await new DataSource(options).initialize();
    await migrating.destroy();
    const pool = createPool({ uri: databaseUrl, connectionLimit: WRITERS + 1, timezone: 'Z' });
    try {
      const sampleMatches = await checkAgainstRebuild(pool);
      const results: SizeResult[] = [];
      for (const [index, events] of SIZES.entries()) results.push(await runSize(pool, events, index));
      return reportResults(results, sampleMatches);
    } finally {
      await pool.end();
    }
  } finally {
    const cleanup = await createConnection(server);
    await cleanup.query(`DROP DATABASE IF EXISTS ${scratch}`);
    await cleanup.end();
  }
}

function reportResults(results: SizeResult[], sampleMatches: boolean): boolean {
  // One size (BENCH_BOARDS_SIZES=100000) is a quick look: its ratio to itself is 1.
  const small = results[0]!;
  const large = results[results.length - 1]!;
  const row = (name: string, pick: (result: SizeResult) => { p50: number; p95: number }) => ({
    measure: name,
    ...Object.fromEntries(
      results.flatMap((result) => [
        [`p50 @${result.events.toLocaleString()}`, `${pick(result).p50.toFixed(1)} ms`],
        [`p95 @${result.events.toLocaleString()}`, `${pick(result).p95.toFixed(1)} ms`],
      ]),
    ),
    'p95 ratio': (pick(large).p95 / pick(small).p95).toFixed(2),
  });
  console.log(`\n== boards (${EMPLOYEES.toLocaleString()} employees, MySQL) ==`);
  console.table([
    row('top-50 monthly leaderboard', (r) => r.board),
    row('dashboard (month)', (r) => r.dashboard),
  ]);
  console.table(
    results.map((r) => ({
      events: r.events.toLocaleString(),
      'seed s': r.seedSeconds.toFixed(0),
      'rollups s': r.rollupSeconds.toFixed(0),
    })),
  );
  const checks = [
    { check: 'in-memory rollups equal the rebuild (sample)', ok: sampleMatches },
    { check: `board p95 < 50 ms at ${large.events.toLocaleString()}`, ok: large.board.p95 < 50 },
    { check: `dashboard p95 < 50 ms at ${large.events.toLocaleString()}`, ok: large.dashboard.p95 < 50 },
    { check: 'board p95 ratio < 1.5', ok: large.board.p95 / small.board.p95 < 1.5 },
    { check: 'dashboard p95 ratio < 1.5', ok: large.dashboard.p95 / small.dashboard.p95 < 1.5 },
  ];
  console.table(checks.map((c) => ({ ...c, ok: c.ok ? '✓' : '✗' })));
  const artifacts = resolve(SERVER_DIR, '..', 'artifacts', 'bench');
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(
    join(artifacts, 'boards.json'),
    JSON.stringify({ at: new Date().toISOString(), employees: EMPLOYEES, results, checks }, null, 2),
  );
  return checks.every((c) => c.ok);
}

main().then(
  (met) => process.exit(met ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
