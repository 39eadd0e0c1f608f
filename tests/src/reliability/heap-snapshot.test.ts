/**
 * Diagnosing a running server (docs/reliability.md, "Stopping"): the signal Node is told to answer with a heap
 * snapshot writes one, and the server goes on serving instead of shutting down.
 */
import { createScratchDatabase } from '@cardhub/server/src/test-support/databases';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningStack, startStack } from '../support/server-process';

let stack: RunningStack | undefined;
let database: Awaited<ReturnType<typeof createScratchDatabase>> | undefined;

afterEach(async () => {
  await stack?.stop();
  await database?.drop();
  stack = undefined;
  database = undefined;
});

/** The snapshot's size once Node has finished writing it (the size stops changing). */
async function writtenSnapshot(dir: string): Promise<number> {
  let lastSize = -1;
  for (let attempt = 0; attempt < 120; attempt++) {
    const file = readdirSync(dir).find((name) => name.endsWith('.heapsnapshot'));
    const size = file ? statSync(join(dir, file)).size : -1;
    if (size > 0 && size === lastSize) return size;
    lastSize = size;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no heap snapshot written in ${dir}`);
}

// Node takes the option in either form.
it.each(['--heapsnapshot-signal=SIGUSR2', '--heapsnapshot-signal SIGUSR2'])(
  'writes a heap snapshot on SIGUSR2 when started with %s, and keeps serving',
  async (nodeOptions) => {
    database = await createScratchDatabase('sqlite');
    stack = await startStack({
      databaseUrl: database.url,
      logName: 'heap-snapshot',
      env: { NODE_OPTIONS: nodeOptions },
    });
    stack.signal('SIGUSR2');

    expect(await writtenSnapshot(stack.workDir)).toBeGreaterThan(1_000_000);
    const health = await fetch(`${stack.baseUrl}/health`);
    expect(health.status).toBe(200);
    const accounts = await fetch(`${stack.baseUrl}/api/auth/demo-accounts`);
    expect(accounts.status).toBe(200);
  },
);
