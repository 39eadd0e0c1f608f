/**
 * Issue 6, "nothing lost": the real server (`node server/dist/main.js`) is killed with SIGKILL in the middle of a
 * load of tracking clients, then started again on the same database. Every event it acknowledged must be there;
 * the clients that got no answer send again with the same ids, and nothing is counted twice.
 */
import { describeEachDatabase } from '@cardhub/server/src/test-support/databases';
import { IngestLedger, runIngestLoad, send } from '@cardhub/server/src/test-support/ingest-load';
import { randomBytes } from 'node:crypto';
import { queryRows } from '../support/database';
import { type RunningStack, startStack } from '../support/server-process';

/** Acknowledged events before the plug is pulled. */
const CRASH_AFTER_ACKNOWLEDGED = 400;
const SITE = { key: 'demo', origin: 'http://localhost:3200' };

interface StoredEvent {
  id: string;
  type: string;
  targetType: string;
  visitorId: string | null;
  counted: number | boolean;
}

/** The stored events among these ids, read straight from the database. */
async function storedEvents(databaseUrl: string, ids: Iterable<string>): Promise<StoredEvent[]> {
  const all = [...ids];
  const rows: StoredEvent[] = [];
  for (let start = 0; start < all.length; start += 500) {
    const slice = all.slice(start, start + 500);
    rows.push(
      ...(await queryRows<StoredEvent>(
        databaseUrl,
        `SELECT id, type, targetType, visitorId, counted FROM events WHERE id IN (${slice.map(() => '?').join(',')})`,
        slice,
      )),
    );
  }
  return rows;
}

describeEachDatabase('crash under load', (database) => {
  // Visit tokens handed out before the crash must still be accepted after it.
  const env = { TOKEN_SECRET: randomBytes(32).toString('hex') };
  let stack: RunningStack | undefined;

  afterAll(async () => {
    await stack?.stop();
  });

  it('keeps every acknowledged event through a SIGKILL and takes the resent ones without double counting', async () => {
    stack = await startStack({ databaseUrl: database.url, logName: `crash-${database.kind}-1`, env });
    const [card] = await queryRows<{ id: string }>(
      database.url,
      "SELECT cards.id FROM cards JOIN employees ON employees.id = cards.employeeId WHERE employees.status = 'active' LIMIT 1",
    );
    const ledger = new IngestLedger();
    let crashed = false;
    const load = runIngestLoad(
      {
        baseUrl: stack.baseUrl,
        cardId: card!.id,
        clients: 40,
        visitsPerClient: 50,
        retryRate: 0.2,
        site: SITE,
        stopWhen: () => crashed,
      },
      ledger,
    );
    while (ledger.acknowledged.size < CRASH_AFTER_ACKNOWLEDGED)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await stack.crash();
    crashed = true;
    await load;
    const atCrash = { ...ledger.summary(), unansweredRequests: ledger.unanswered.length };

    await stack.stop();
    stack = await startStack({ databaseUrl: database.url, logName: `crash-${database.kind}-2`, env });
    const survived = new Set((await storedEvents(database.url, ledger.sent)).map((event) => event.id));
    const lostAcknowledged = [...ledger.acknowledged].filter((id) => !survived.has(id));
    expect(lostAcknowledged).toEqual([]);
    expect(ledger.unanswered.length).toBeGreaterThan(0);

    // Every client that got no answer sends again, and some that did send again too.
    const resent = new IngestLedger();
    for (const request of [...ledger.unanswered, ...ledger.answered.slice(0, 50)]) {
      await send(stack.baseUrl, resent, request);
    }
    expect([...resent.statuses.keys()]).toEqual(['200']);

    const stored = await storedEvents(database.url, ledger.sent);
    expect(stored).toHaveLength(ledger.sent.size);
    // However often a view was sent, each visitor counts once per card and once per page.
    for (const targetType of ['card', 'site_page']) {
      const counted = stored.filter(
        (event) => event.type === 'view' && event.targetType === targetType && Boolean(Number(event.counted)),
      );
      const visitors = new Set(
        stored
          .filter((event) => event.type === 'view' && event.targetType === targetType)
          .map((event) => event.visitorId),
      );
      expect(counted).toHaveLength(visitors.size);
    }
    process.stdout.write(
      `[${database.kind}] crash: ${JSON.stringify({ ...atCrash, acknowledgedStoredAfterRestart: ledger.acknowledged.size, storedBeforeResend: survived.size, resentRequests: resent.requests, storedAfterResend: stored.length })}\n`,
    );
  }, 180_000);
});
