import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FakeWechat, startFakeWechat } from '../fake-wechat';
import { ARTIFACTS_DIR, REPO_ROOT } from './paths';

export interface RunningStack {
  /** Where the browser reaches the server (also its PUBLIC_URL, so every link it hands out works here). */
  baseUrl: string;
  wechat: FakeWechat;
  /** The server's working directory (where Node writes a heap snapshot). */
  workDir: string;
  /** Sends the server process a signal. */
  signal(signal: NodeJS.Signals): void;
  /** Kills the server process with SIGKILL (no shutdown hook runs), as a power cut or the OOM killer would. */
  crash(): Promise<void>;
  stop(): Promise<void>;
}

const SERVER_ENTRY = join(REPO_ROOT, 'server', 'dist', 'main.js');
const H5_BUILD = join(REPO_ROOT, 'miniapp', 'dist', 'h5');
const STARTUP_TIMEOUT_MS = 60_000;
// The server and the fake WeChat API only have to agree with each other.
export const WECHAT_APP = { appId: 'wx00000000journeys', appSecret: 'journeys-app-secret' };

/**
 * Starts the fake WeChat server and the real, built server (`node server/dist/main.js`, as `npm start` runs it)
 * in demo mode on `databaseUrl`, and waits until /health answers. The server's output goes to
 * artifacts/logs/<logName>.log; a server that dies while starting fails with the end of that log.
 */
export async function startStack(options: {
  databaseUrl: string;
  logName: string;
  /** More environment for the server (e.g. DEMO_SITE_URL). */
  env?: Record<string, string>;
  /** A fake WeChat another stack already runs (several instances of the server); it is left running on stop. */
  wechat?: FakeWechat;
}): Promise<RunningStack> {
  const wechat = options.wechat ?? (await startFakeWechat({ port: 0, ...WECHAT_APP }));
  const workDir = mkdtempSync(join(tmpdir(), 'cardhub-journey-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  mkdirSync(join(ARTIFACTS_DIR, 'logs'), { recursive: true });
  const logFile = join(ARTIFACTS_DIR, 'logs', `${options.logName}.log`);
  const log = createWriteStream(logFile);

  const server = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: workDir,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      DATABASE_URL: options.databaseUrl,
      DEMO_MODE: '1',
      TOKEN_SECRET: randomBytes(32).toString('hex'),
      WECHAT_APP_ID: WECHAT_APP.appId,
      WECHAT_APP_SECRET: WECHAT_APP.appSecret,
      WECHAT_API_BASE_URL: wechat.url,
      UPLOAD_DIR: join(workDir, 'uploads'),
      H5_DIST_DIR: H5_BUILD,
      // One browser plays every visitor and employee, and the load tests dozens of visitors, all from
      // 127.0.0.1 and faster than people: limits stay on, set well above what they send.
      RATE_LIMIT_PER_IP: '100000',
      RATE_LIMIT_PER_VISITOR: '10000',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.pipe(log);
  server.stderr.pipe(log);

  const stop = async () => {
    await stopProcess(server);
    log.end();
    if (!options.wechat) await wechat.close();
    rmSync(workDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(`${baseUrl}/health`, server);
  } catch (error) {
    await stop();
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
    throw new Error(`${(error as Error).message}\n--- ${logFile} (end) ---\n${tail}`, { cause: error });
  }
  const crash = async () => {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGKILL');
    await exited;
  };
  return { baseUrl, wechat, workDir, signal: (signal) => server.kill(signal), crash, stop };
}

async function waitForHealth(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`the server exited with code ${server.exitCode} while starting`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer ${url} within ${STARTUP_TIMEOUT_MS / 1000} s`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const forceKill = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(forceKill);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
