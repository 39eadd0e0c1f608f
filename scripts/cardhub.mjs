#!/usr/bin/env node
/**
 * The project's front door: `npm start`, `npm test`, `npm run build|lint|bench` all land here.
 * Plain Node (20+) with no dependencies, so it works on a fresh clone before anything is installed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const PACKAGES = ['shared', 'server', 'miniapp', 'tests'];
// Pinned here rather than in a `packageManager` field, which made pnpm fetch a binary that does not exist.
const PNPM = ['npx', '-y', 'pnpm@12.21.0'];
const JEST_REPORT_DIR = join(ROOT, 'artifacts', 'jest');

class StepFailed extends Error {}

const commands = { start, test, build, lint, bench, 'rebuild-rollups': rebuildRollups };

async function main() {
  const name = process.argv[2];
  const command = commands[name];
  if (!command) {
    console.error(`usage: node scripts/cardhub.mjs <${Object.keys(commands).join('|')}>`);
    process.exit(2);
  }
  try {
    await command();
  } catch (error) {
    if (!(error instanceof StepFailed)) throw error;
    console.error(`\n✗ ${error.message}`);
    process.exit(1);
  }
}

// ---------- steps ----------

function formatSeconds(milliseconds) {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}

/** Runs one named command with inherited output; throws StepFailed (naming the step) when it fails. */
async function step(label, argv, { cwd = ROOT, env = {} } = {}) {
  console.log(`\n▶ ${label}  (${relative(ROOT, cwd) || '.'}$ ${argv.join(' ')})`);
  const started = Date.now();
  const code = await new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { cwd, env: { ...process.env, ...env }, stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`cannot run ${argv[0]}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
  });
  const elapsed = formatSeconds(Date.now() - started);
  if (code !== 0) throw new StepFailed(`${label} failed (exit ${code}) after ${elapsed}`);
  console.log(`✓ ${label} (${elapsed})`);
}

/** `pnpm run <script>` (in the step's working directory); extra arguments go to the script. */
function pnpmRun(script, extraArgs = []) {
  return [...PNPM, 'run', script, ...extraArgs];
}

function packageDir(pkg) {
  return join(ROOT, pkg);
}

function packageScripts(pkg) {
  return JSON.parse(readFileSync(join(packageDir(pkg), 'package.json'), 'utf8')).scripts ?? {};
}

function requireScript(pkg, script) {
  if (!packageScripts(pkg)[script]) {
    throw new StepFailed(`${pkg}/package.json has no "${script}" script, which this step needs`);
  }
}

// ---------- install ----------

/** better-sqlite3 compiles against Node's headers; pnpm reads the location only from the environment. */
function nodeHeadersDir() {
  if (existsSync('/usr/include/node')) return '/usr';
  return dirname(dirname(process.execPath));
}

function installIsCurrent() {
  const marker = join(ROOT, 'node_modules', '.modules.yaml');
  if (!existsSync(marker)) return false;
  const installedAt = statSync(marker).mtimeMs;
  const inputs = ['pnpm-lock.yaml', 'package.json', ...PACKAGES.map((pkg) => join(pkg, 'package.json'))];
  return inputs.every(
    (file) => !existsSync(join(ROOT, file)) || statSync(join(ROOT, file)).mtimeMs <= installedAt,
  );
}

async function ensureInstalled() {
  if (installIsCurrent()) return;
  console.log('installing dependencies (first run takes ~3 minutes)…');
  await step('install dependencies', [...PNPM, 'install', '--frozen-lockfile'], {
    env: { npm_config_nodedir: nodeHeadersDir() },
  });
  // pnpm leaves the marker untouched when nothing changed; stamp it so the next run skips the check.
  const now = new Date();
  utimesSync(join(ROOT, 'node_modules', '.modules.yaml'), now, now);
}

// ---------- build ----------

async function build() {
  await ensureInstalled();
  const started = Date.now();
  requireScript('tests', 'build');
  await step('build shared', pnpmRun('build'), { cwd: packageDir('shared') });
  await step('build server', pnpmRun('build'), { cwd: packageDir('server') });
  await step('build tests (fake WeChat server, demo site)', pnpmRun('build'), { cwd: packageDir('tests') });
  await step('build miniapp for H5', pnpmRun('build:h5'), { cwd: packageDir('miniapp') });
  await step('build miniapp for WeChat', pnpmRun('build:weapp'), { cwd: packageDir('miniapp') });
  console.log(`\nbuild done in ${formatSeconds(Date.now() - started)}`);
}

// ---------- lint ----------

async function lint() {
  await ensureInstalled();
  await runLint();
}

async function runLint() {
  const bin = (name) => join(ROOT, 'node_modules', '.bin', name);
  await step('eslint', [bin('eslint'), '.', '--max-warnings=0']);
  await step('prettier --check', [bin('prettier'), '--check', '--log-level=warn', '.']);
  for (const pkg of PACKAGES) {
    await step(`typecheck ${pkg}`, [bin('tsc'), '-p', join(pkg, 'tsconfig.json'), '--noEmit']);
  }
  // The site tracker runs in browsers: it has its own compiler settings (DOM, ES2017).
  await step('typecheck the site tracker', [bin('tsc'), '-p', join('server', 'tracker', 'tsconfig.json')]);
}

// ---------- test ----------

/**
 * Every Jest run, in order. Each writes its results as JSON, so the totals below are Jest's own counts; that is
 * also why these are listed here rather than run through the packages' `test` scripts, which may chain runs.
 */
const JEST_RUNS = [
  { name: 'shared', pkg: 'shared', label: 'shared unit tests', args: [] },
  { name: 'server', pkg: 'server', label: 'server tests', args: ['--runInBand'] },
  { name: 'miniapp-h5', pkg: 'miniapp', label: 'miniapp tests (H5 pages in jsdom)', args: [] },
  {
    name: 'miniapp-weapp',
    pkg: 'miniapp',
    label: 'miniapp tests (WeChat build in miniprogram-simulate)',
    args: ['-c', 'jest.weapp.config.js'],
  },
  {
    name: 'tests',
    pkg: 'tests',
    label: 'end-to-end tests (fake WeChat, browser journeys)',
    args: ['--runInBand'],
  },
];

async function test() {
  const started = Date.now();
  await build();
  console.log(
    process.env.MYSQL_URL
      ? `\ndatabases under test: SQLite and MySQL (${redactPassword(process.env.MYSQL_URL)})`
      : '\ndatabases under test: SQLite (set MYSQL_URL=mysql://root@127.0.0.1:3306/test to add MySQL)',
  );
  rmSync(JEST_REPORT_DIR, { recursive: true, force: true });
  mkdirSync(JEST_REPORT_DIR, { recursive: true });
  const totals = { passed: 0, failed: 0 };
  let failure;
  try {
    await runLint();
    for (const { name, pkg, label, args } of JEST_RUNS) {
      const report = join(JEST_REPORT_DIR, `${name}.json`);
      try {
        await step(label, [...PNPM, 'exec', 'jest', ...args, '--json', `--outputFile=${report}`], {
          cwd: packageDir(pkg),
        });
      } finally {
        addJestCounts(totals, report, name);
      }
    }
    await step('WeChat main package size', pnpmRun('size:weapp'), { cwd: packageDir('miniapp') });
  } catch (error) {
    if (!(error instanceof StepFailed)) throw error;
    failure = error;
  }
  console.log(`\ntests finished in ${formatSeconds(Date.now() - started)}`);
  if (failure) console.error(`✗ ${failure.message}`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(failure || totals.failed > 0 ? 1 : 0);
}

function addJestCounts(totals, reportFile, runName) {
  if (!existsSync(reportFile)) {
    console.error(`(no Jest report from ${runName}: it stopped before reporting)`);
    return;
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
}

function redactPassword(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

// ---------- start ----------

async function start() {
  await build();
  const port = Number(process.env.PORT ?? 3000);
  const fakeWechatPort = Number(process.env.FAKE_WECHAT_PORT ?? 3100);
  const demoSitePort = Number(process.env.DEMO_SITE_PORT ?? 3200);
  const baseUrl = `http://localhost:${port}`;
  const demoSiteUrl = `http://localhost:${demoSitePort}/`;
  const children = new Map();
  let stopping = false;

  const stopAll = (exitCode) => {
    if (stopping) return;
    stopping = true;
    const running = [...children.values()].filter(isRunning);
    for (const child of running) child.kill('SIGTERM');
    const deadline = setTimeout(
      () => running.filter(isRunning).forEach((child) => child.kill('SIGKILL')),
      5000,
    );
    Promise.all(running.map(exited)).then(() => {
      clearTimeout(deadline);
      process.exit(exitCode);
    });
  };

  const launch = (name, argv, { cwd, env }) => {
    // Each child gets its own process group, so a Ctrl-C reaches only this script, which then stops the children
    // in order; otherwise a child dying from the same Ctrl-C would look like a crash.
    const child = spawn(argv[0], argv.slice(1), { cwd, env, stdio: 'inherit', detached: true });
    children.set(name, child);
    child.on('exit', (code, signal) => {
      if (stopping) return;
      console.error(`\n✗ ${name} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping the rest.`);
      stopAll(1);
    });
  };

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      console.log('\nstopping cardhub…');
      stopAll(0);
    });
  }

  launch('fake WeChat server', ['node', 'dist/fake-wechat/main.js'], {
    cwd: packageDir('tests'),
    env: { ...process.env, FAKE_WECHAT_PORT: String(fakeWechatPort) },
  });
  // The server runs from server/ so its documented relative defaults hold: ./data for SQLite and uploads,
  // ../miniapp/dist/h5 for the app it hosts. DATABASE_URL is dropped so a stray one cannot point the demo elsewhere.
  const serverEnv = {
    ...process.env,
    PORT: String(port),
    DEMO_MODE: '1',
    WECHAT_API_BASE_URL: `http://127.0.0.1:${fakeWechatPort}`,
    // The demo organization's official site: the demo site below (its origin is the one allowed to send beacons).
    DEMO_SITE_URL: demoSiteUrl,
    // Keeps the banner on screen; LOG_LEVEL=info shows every request.
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  delete serverEnv.DATABASE_URL;
  launch('server', ['node', 'dist/main.js'], { cwd: packageDir('server'), env: serverEnv });
  // 星辰科技's own website, with the cardhub tracker installed: where shared links and cards lead.
  launch('demo official site', ['node', 'dist/demo-site/main.js'], {
    cwd: packageDir('tests'),
    env: { ...process.env, DEMO_SITE_PORT: String(demoSitePort), CARDHUB_URL: baseUrl },
  });

  try {
    await waitForHealth(`http://127.0.0.1:${port}/health`, 60_000, () => stopping);
    if (stopping) return;
    const accounts = await fetchJson(`http://127.0.0.1:${port}/api/auth/demo-accounts`);
    printBanner(baseUrl, demoSiteUrl, accounts);
  } catch (error) {
    console.error(`\n✗ ${error instanceof Error ? error.message : error}; stopping.`);
    stopAll(1);
  }
}

function isRunning(child) {
  return child.exitCode === null && child.signalCode === null;
}

function exited(child) {
  if (!isRunning(child)) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', resolve));
}

async function waitForHealth(url, timeoutMs, gaveUp) {
  const deadline = Date.now() + timeoutMs;
  while (!gaveUp()) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new StepFailed(`the server did not answer ${url} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new StepFailed(`${url} answered ${response.status}`);
  return response.json();
}

function printBanner(baseUrl, demoSiteUrl, accounts) {
  const roleNames = { admin: '管理员 admin', manager: '经理 manager', employee: '员工 employee' };
  const lines = [
    '',
    '════════════════════════════════════════════════════════════════',
    '  cardhub is running (demo mode, SQLite in server/data/)',
    '',
    `  Open:  ${baseUrl}/#/pages/console/login/index`,
    `  API docs: ${baseUrl}/docs    Health: ${baseUrl}/health`,
    `  星辰科技 official site (tracker installed): ${demoSiteUrl}`,
    '',
    '  Demo accounts (one click on the login page):',
    ...accounts.map(
      (account) =>
        `    ${account.name}  ${account.title}  [${roleNames[account.role] ?? account.role}]` +
        (account.departmentName ? `  ${account.departmentName}` : ''),
    ),
    '',
    '  Stop: Ctrl-C',
    '════════════════════════════════════════════════════════════════',
  ];
  console.log(lines.join('\n'));
}

// ---------- rollups ----------

/**
 * `npm run rollups:rebuild [-- organizationId…]`: recomputes the leaderboard rollups from the raw events (all
 * organizations unless named), on DATABASE_URL or the demo's SQLite database, with a progress bar.
 */
async function rebuildRollups() {
  await build();
  await step(
    'rebuild rollups',
    ['node', join('dist', 'boards', 'rebuild-rollups.js'), ...process.argv.slice(3)],
    {
      cwd: packageDir('server'),
    },
  );
}

// ---------- bench ----------

/**
 * `npm run bench [-- [--quick] [suite…]]`: every suite found at `<package>/bench/<suite>/index.ts` (docs/benchmarks.md),
 * each run with tsx in its own process from its package's folder. Suites print ratio tables against a baseline
 * measured in the same run and exit non-zero when a target is missed; every suite runs either way.
 */
async function bench() {
  const args = process.argv.slice(3);
  const wanted = args.filter((arg) => !arg.startsWith('--'));
  const suites = findBenchSuites().filter(({ name }) => wanted.length === 0 || wanted.includes(name));
  if (suites.length === 0) throw new StepFailed(`no bench suite named ${wanted.join(', ')}`);
  await build();
  const missed = [];
  for (const { pkg, name } of suites) {
    try {
      await step(
        `bench ${name}`,
        [
          'node',
          '--import',
          'tsx',
          join('bench', name, 'index.ts'),
          ...args.filter((arg) => arg.startsWith('--')),
        ],
        {
          cwd: packageDir(pkg),
        },
      );
    } catch (error) {
      if (!(error instanceof StepFailed)) throw error;
      missed.push(name);
    }
  }
  console.log(`
results in ${relative(ROOT, join(ROOT, 'artifacts', 'bench'))}/`);
  if (missed.length > 0) throw new StepFailed(`targets missed or bench failed: ${missed.join(', ')}`);
}

function findBenchSuites() {
  return PACKAGES.flatMap((pkg) => {
    const dir = join(packageDir(pkg), 'bench');
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => existsSync(join(dir, name, 'index.ts')))
      .sort()
      .map((name) => ({ pkg, name }));
  });
}

await main();
