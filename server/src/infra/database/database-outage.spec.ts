import type { LoginResponse } from '@cardhub/shared';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { cardLoop } from '../../tracking/card-loop.testing';
import { EventLog } from '../../tracking/event-log';
import { type TestApp, bearer, createTestApp, describeEachDatabase } from '../../test-support';
import { TcpProxy } from '../../test-support/tcp-proxy';

/** The database going away and coming back, as each kind can: MySQL behind a proxy, SQLite locked by another process. */
interface Outage {
  databaseUrl: string;
  begin(): Promise<void>;
  end(): Promise<void>;
  close(): Promise<void>;
}

async function outageOf(kind: 'sqlite' | 'mysql', url: string): Promise<Outage> {
  if (kind === 'mysql') {
    const target = new URL(url);
    const proxy = new TcpProxy(target.hostname, Number(target.port || 3306));
    await proxy.start();
    const throughProxy = new URL(url);
    throughProxy.hostname = '127.0.0.1';
    throughProxy.port = String(proxy.port);
    return {
      databaseUrl: throughProxy.toString(),
      begin: () => proxy.stop(),
      end: () => proxy.start(),
      close: () => proxy.stop(),
    };
  }
  let holder: Database.Database | null = null;
  return {
    databaseUrl: url,
    // Another process holding the write lock: the server's writes wait out their busy timeout, then fail.
    begin: async () => {
      holder = new Database(url.slice('sqlite:'.length));
      holder.exec('BEGIN EXCLUSIVE');
    },
    end: async () => {
      holder?.exec('ROLLBACK');
      holder?.close();
      holder = null;
    },
    close: async () => undefined,
  };
}

describeEachDatabase('database outage', (database) => {
  let t: TestApp;
  let outage: Outage;
  let loop: ReturnType<typeof cardLoop>;
  let zhang: LoginResponse;
  let cardId: string;
  let visitToken: string;

  beforeAll(async () => {
    outage = await outageOf(database.kind, database.url);
    t = await createTestApp({ databaseUrl: outage.databaseUrl });
    loop = cardLoop(t);
    zhang = await t.loginAs(t.demo.employeeIds[0]!);
    cardId = await loop.cardIdOf(t.demo.employeeIds[0]!);
    visitToken = (await loop.viewOk({ targetId: cardId, visitorKey: loop.newVisitorKey() })).visitToken;
  });
  afterAll(async () => {
    await outage.end();
    await t.close();
    await outage.close();
  });

  const view = (eventId: string, visitorKey: string) => loop.view({ eventId, targetId: cardId, visitorKey });

  it('answers writes with 503, Retry-After and a Chinese message while the database is away, then recovers without a restart', async () => {
    const visitorKey = loop.newVisitorKey();
    const eventId = randomUUID();
    const actionId = randomUUID();
    await outage.begin();
    const started = Date.now();
    const during = await Promise.all([
      view(eventId, visitorKey),
      loop.actions(visitToken, [{ eventId: actionId, type: 'click', action: 'call' }]),
      loop.share(zhang, { targetId: cardId }),
      t.http.post('/api/track/contact').send({
        eventId: randomUUID(),
        visitToken,
        consent: { granted: true },
        name: '李女士',
        phone: '13800138000',
      }),
    ]);
    const outageSeconds = (Date.now() - started) / 1000;
    for (const response of during) {
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toMatch(/^\d+$/);
      expect(response.body.message).toMatch(/暂时.*请 \d+ 秒后重试/);
    }
    if (database.kind === 'mysql') {
      // Reads cannot reach MySQL either: an answer, not a hang or a 500; and the health check says so.
      expect((await t.http.get('/api/me/card').set(bearer(zhang))).status).toBe(503);
      expect((await t.http.get('/health')).body).toEqual({ status: 'error', database: 'down' });
    }

    await outage.end();
    // The same ids, sent again by the client that got 503, are stored once and counted.
    const retried = await view(eventId, visitorKey);
    expect(retried.status).toBe(200);
    expect(retried.body.verdict).toBe('counted');
    expect(
      (await loop.actions(visitToken, [{ eventId: actionId, type: 'click', action: 'call' }])).body,
    ).toEqual({ stored: 1, duplicates: 0 });
    expect((await loop.share(zhang, { targetId: cardId })).status).toBe(201);
    expect((await t.http.get('/health')).body).toEqual({ status: 'ok', database: 'up' });
    await t.get(EventLog).settled();
    expect(await loop.events().countBy({ id: eventId })).toBe(1);
    process.stdout.write(`[${database.kind}] outage: 4 writes answered 503 within ${outageSeconds} s\n`);
  }, 60_000);
});
