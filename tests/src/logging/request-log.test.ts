/**
 * The built server's request log (stdout, JSON lines): one line per request with the request's own id and no
 * credentials; the bare public routes (redirects, card reads, the ingest) are left out of it.
 */
import { createScratchDatabase } from '@cardhub/server/src/test-support/databases';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS_DIR } from '../support/paths';
import { startStack } from '../support/server-process';

interface LogLine {
  context?: string;
  req?: { id: string; method: string; url: string; headers: Record<string, string> };
  res?: { statusCode: number };
}

it('logs a request once with its id and without its token, and leaves the bare routes out', async () => {
  const database = await createScratchDatabase('sqlite');
  const logName = 'request-log';
  const stack = await startStack({ databaseUrl: database.url, logName, env: { LOG_LEVEL: 'info' } });
  try {
    const requestId = 'request-log-0001';
    const signedIn = await fetch(`${stack.baseUrl}/api/me/card`, {
      headers: { 'x-request-id': requestId, authorization: 'Bearer not-a-real-token-1234' },
    });
    expect(signedIn.status).toBe(401);
    expect(signedIn.headers.get('x-request-id')).toBe(requestId);
    const ingest = await fetch(`${stack.baseUrl}/api/track/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ visitToken: 'x', actions: [] }),
    });
    expect(ingest.status).toBe(400);
    expect((await fetch(`${stack.baseUrl}/s/ZZZZZZZZZZ`)).status).toBe(404);
  } finally {
    await stack.stop();
    await database.drop();
  }
  const lines = readFileSync(join(ARTIFACTS_DIR, 'logs', `${logName}.log`), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
  const requests = lines.filter((line) => line.context === 'HTTP' && line.req);
  const mine = requests.filter((line) => line.req!.id === 'request-log-0001');
  expect(mine).toHaveLength(1);
  expect(mine[0]).toMatchObject({
    req: { method: 'GET', url: '/api/me/card', headers: { authorization: '[redacted]' } },
    res: { statusCode: 401 },
  });
  expect(JSON.stringify(lines)).not.toContain('not-a-real-token-1234');
  const urls = requests.map((line) => line.req!.url);
  expect(urls).not.toContain('/api/track/actions');
  expect(urls).not.toContain('/s/ZZZZZZZZZZ');
});
