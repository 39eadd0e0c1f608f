import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const SERVER_DIR = resolve(__dirname, '..', '..');

/** A process under load: its base URL, resident memory and a way to stop it. */
export interface RunningServer {
  readonly url: string;
  readonly pid: number;
  /** Resident set size in MiB, from /proc (Linux). */
  rssMiB(): number;
  stop(): Promise<void>;
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });
}

/**
 * The real server, as production runs it (`node dist/main.js`, built by `pnpm build`), in demo mode so it
 * seeds an organization with staff and cards. `cpuProfileDir` turns on V8's `--cpu-prof`.
 */
export async function startCardhub(options: {
  databaseUrl: string;
  env?: Record<string, string>;
  cpuProfileDir?: string;
}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'cardhub-bench-'));
  const flags = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const child = spawn(process.execPath, [...flags, 'dist/main.js'], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      UPLOAD_DIR: dataDir,
      TOKEN_SECRET: randomBytes(32).toString('hex'),
      DEMO_MODE: '1',
      // Nothing answers here: a bench must not depend on WeChat.
      WECHAT_API_BASE_URL: 'http://127.0.0.1:9',
      LOG_LEVEL: 'warn',
      // The load comes from one address: the limits are counted (that work is measured) but never reached.
      RATE_LIMIT_PER_IP: '1000000000',
      RATE_LIMIT_PER_VISITOR: '1000000000',
      ...options.env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const server = await running(child, `http://127.0.0.1:${port}`, '/health', 120_000);
  return {
    ...server,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A TypeScript file of the benches run as its own process (through tsx), told its port in PORT. */
export async function startScript(file: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', file], {
    cwd: SERVER_DIR,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return running(child, `http://127.0.0.1:${port}`, '/health', 30_000);
}

async function running(
  child: ChildProcess,
  url: string,
  healthPath: string,
  timeoutMs: number,
): Promise<RunningServer> {
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      if ((await fetch(url + healthPath)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${url}${healthPath} did not answer within ${timeoutMs / 1000} s`);
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
  return {
    url,
    pid: child.pid!,
    rssMiB: () => residentMiB(child.pid!),
    stop: async () => {
      if (child.exitCode !== null) return;
      // SIGINT lets Node write the --cpu-prof profile and Nest close its database pool.
      child.kill('SIGINT');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

function residentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kib / 1024;
}
