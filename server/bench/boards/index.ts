/**
 * Leaderboards and dashboard bench (issue 5): an organization of 10,000 employees with 100 thousand and with
 * 10 million events in a scratch MySQL database, rollups derived from the raw events, then the p50/p95 latency
 * of the top-50 monthly leaderboard and of the dashboard through the real server's HTTP endpoints.
 * Target: p95 < 50 ms at 10 million events, and a 10M/100k p95 ratio under 1.5.
 *
 *   node --import tsx bench/boards/index.ts [--quick]     (from server/, after `npm run build`)
 *   MYSQL_URL=mysql://root@127.0.0.1:3306 selects the server (a scratch database is created and dropped).
 *
 * The rollups of 10 million events are derived set-based in SQL (INSERT … SELECT … GROUP BY); a sample
 * organization is derived both ways, and the bench fails unless the SQL path equals the real rebuild there.
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

/**
 * Events spread over the last DAYS days up to now: views (15% of them not counted: self, colleague, bot,
 * repeat), shares by employees, clicks; a few employees are far busier than the rest (a long tail, as in life).
 */
async function seedEvents(pool: Pool, shape: OrgShape, organizationId: string): Promise<void> {
  const now = Date.now();
  const span = DAYS * 86_400_000;
  const visitors = Math.max(100, Math.floor(shape.events / 5));
  let seed = 42 + shape.org;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  let written = 0;
  const batches: number[] = [];
  for (let start = 0; start < shape.events; start += ROWS_PER_INSERT) batches.push(start);
  const label = `events ${shape.events.toLocaleString()}`;
  const writeBatch = async (start: number) => {
    const rows: string[] = [];
    for (let n = start; n < Math.min(shape.events, start + ROWS_PER_INSERT); n++) {
      const employee = Math.floor(next() ** 2 * shape.employees);
      const roll = next();
      const type = roll < 0.9 ? 'view' : roll < 0.95 ? 'share' : 'click';
      const verdictRoll = next();
      const verdict =
        type !== 'view'
          ? null
          : verdictRoll < 0.85
            ? 'counted'
            : (['self', 'colleague', 'bot', 'repeat'] as const)[Math.floor((verdictRoll - 0.85) / 0.0375)]!;
      const counted = type === 'view' ? verdict === 'counted' : true;
      const material = Math.floor(next() * MATERIALS);
      const visitor = Math.floor(next() * visitors);
      const at = sqlTime(new Date(now - Math.floor(next() * span)));
      const employeeId = quote(id('e', shape.org, employee));
      rows.push(
        `(${quote(id('b', shape.org, n))}, ${quote(organizationId)}, '${type}', 'material', ${quote(id('f', shape.org, material))}, NULL, NULL, ${type === 'share' ? 'NULL' : quote(id('c', shape.org, visitor))}, ${type === 'share' ? employeeId : 'NULL'}, ${employeeId}, 'h5', ${verdict ? quote(verdict) : 'NULL'}, ${counted ? 1 : 0}, NULL, NULL, '${at}', '${at}')`,
      );
    }
    await pool.query(
      `INSERT INTO events (id, organizationId, type, targetType, targetId, shareId, visitId, visitorId, actorEmployeeId, creditedEmployeeId, touchpoint, verdict, counted, props, userAgent, occurredAt, receivedAt) VALUES ${rows.join(',')}`,
    );
    written += rows.length;
    progress(label, written, shape.events);
  };
  // Row generation is sequential (one seeded stream); the inserts overlap on several connections.
  const inFlight = new Set<Promise<void>>();
  for (const start of batches) {
    const write = writeBatch(start).finally(() => inFlight.delete(write));
    inFlight.add(write);
    if (inFlight.size >= WRITERS) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
}

/**
 * The rollups of the organization's events, set-based: what RollupWriter derives for events without shares
 * (views and visitors credited to the credited employee, shares to the sharer, clicks as active visitors),
 * per day, week and month of Asia/Shanghai (UTC+8, no daylight saving), for the organization, employees,
 * their departments and materials.
 */
async function deriveRollups(pool: Pool, organizationId: string): Promise<void> {
  const day = 'DATE(DATE_ADD(e.occurredAt, INTERVAL 8 HOUR))';
  const periods = {
    day: `DATE_FORMAT(${day}, '%Y-%m-%d')`,
    week: `DATE_FORMAT(DATE_SUB(${day}, INTERVAL WEEKDAY(${day}) DAY), '%Y-%m-%d')`,
    month: `DATE_FORMAT(${day}, '%Y-%m')`,
  };
  const subjects = {
    organization: 'e.organizationId',
    employee: 'e.creditedEmployeeId',
    department: 'staff.departmentId',
    material: 'e.targetId',
  };
  // One scan per period and subject sums every metric into a scratch table; the rows are then unpivoted.
  const counted = 'e.counted = 1';
  const figures = {
    views: `SUM(e.type = 'view' AND ${counted})`,
    visitors: `COUNT(DISTINCT CASE WHEN e.type = 'view' AND ${counted} THEN e.visitorId END)`,
    shares: `SUM(e.type = 'share' AND ${counted})`,
    act: `COUNT(DISTINCT CASE WHEN e.type = 'click' AND ${counted} THEN e.visitorId END)`,
  };
  await pool.query('DROP TABLE IF EXISTS bench_figures');
  await pool.query(
    `CREATE TABLE bench_figures (period varchar(5), periodKey varchar(10), subjectKind varchar(12), subjectId varchar(36), ${Object.keys(
      figures,
    )
      .map((metric) => `${metric} double`)
      .join(', ')})`,
  );
  const total = Object.keys(periods).length * Object.keys(subjects).length;
  let done = 0;
  for (const [period, key] of Object.entries(periods)) {
    for (const [kind, subject] of Object.entries(subjects)) {
      await pool.query(
        `INSERT INTO bench_figures SELECT '${period}', ${key}, '${kind}', ${subject}, ${Object.values(figures).join(', ')}
         FROM events e JOIN employees staff ON staff.id = e.creditedEmployeeId
         WHERE e.organizationId = ? GROUP BY ${key}, ${subject}`,
        [organizationId],
      );
      progress('rollups (set-based)', ++done, total);
    }
  }
  for (const metric of Object.keys(figures)) {
    await pool.query(
      `INSERT INTO board_rollups (organizationId, period, periodKey, subjectKind, subjectId, metric, value)
       SELECT ?, period, periodKey, subjectKind, subjectId, '${metric}', ${metric} FROM bench_figures WHERE ${metric} > 0`,
      [organizationId],
    );
  }
  await pool.query('DROP TABLE bench_figures');
}

async function rollupRows(pool: Pool, organizationId: string): Promise<string[]> {
  const [rows] = await pool.query(
    'SELECT period, periodKey, subjectKind, subjectId, metric, value FROM board_rollups WHERE organizationId = ? ORDER BY period, periodKey, subjectKind, subjectId, metric',
    [organizationId],
  );
  return (rows as Record<string, unknown>[]).map((row) => Object.values(row).map(String).join('|'));
}

/** The set-based path must equal the real rebuild: checked on a sample organization. */
async function checkAgainstRebuild(pool: Pool): Promise<boolean> {
  const shape: OrgShape = { org: 9, employees: 40, events: 5_000, adminAccount: `sample-${process.pid}` };
  const organizationId = await seedOrganization(pool, shape);
  await seedEvents(pool, shape, organizationId);
  await deriveRollups(pool, organizationId);
  const setBased = await rollupRows(pool, organizationId);
  const options = await resolveDataSourceOptions(parseDatabaseUrl(databaseUrl, tmpdir(), tmpdir()));
  const dataSource = await new DataSource({ ...options, migrationsRun: false }).initialize();
  try {
    await new RollupRebuild(dataSource, new RollupWriter()).run(organizationId, (done, all) =>
      progress('sample rebuild', done, all),
    );
  } finally {
    await dataSource.destroy();
  }
  const rebuilt = await rollupRows(pool, organizationId);
  const same = JSON.stringify(setBased) === JSON.stringify(rebuilt);
  log(
    `sample organization: set-based ${setBased.length} rows, rebuild ${rebuilt.length} rows, ${same ? 'identical' : 'DIFFERENT'}`,
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
  const organizationId = await seedOrganization(pool, shape);
  await seedEvents(pool, shape, organizationId);
  const seedSeconds = (Date.now() - seeding) / 1000;
  const deriving = Date.now();
  await deriveRollups(pool, organizationId);
  const rollupSeconds = (Date.now() - deriving) / 1000;
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
    { check: 'set-based rollups equal the rebuild (sample)', ok: sampleMatches },
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
