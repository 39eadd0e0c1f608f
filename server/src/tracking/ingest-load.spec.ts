import type { AddressInfo } from 'node:net';
import { DataSource, In } from 'typeorm';
import { DEMO_KEY, DEMO_SITE } from '../site/site.testing';
import { type TestApp, createTestApp, describeEachDatabase } from '../test-support';
import { type IngestLedger, runIngestLoad, send } from '../test-support/ingest-load';
import { cardLoop } from './card-loop.testing';
import { TrackedEvent } from './entities/tracked-event.entity';
import { EventLog } from './event-log';

const CLIENTS = 50;
const VISITS_PER_CLIENT = 6;

/** The stored events among these ids (queried in slices: an IN list has limits). */
export async function storedEvents(dataSource: DataSource, ids: Iterable<string>): Promise<TrackedEvent[]> {
  const all = [...ids];
  const stored: TrackedEvent[] = [];
  for (let start = 0; start < all.length; start += 500) {
    stored.push(
      ...(await dataSource.getRepository(TrackedEvent).findBy({ id: In(all.slice(start, start + 500)) })),
    );
  }
  return stored;
}

describeEachDatabase('ingest under load', (database) => {
  let t: TestApp;
  let ledger: IngestLedger;
  let stored: TrackedEvent[];
  let cardId: string;

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url });
    cardId = await cardLoop(t).cardIdOf(t.demo.employeeIds[0]!);
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const started = Date.now();
    ledger = await runIngestLoad({
      baseUrl: `http://127.0.0.1:${port}`,
      cardId,
      clients: CLIENTS,
      visitsPerClient: VISITS_PER_CLIENT,
      retryRate: 0.2,
      site: { key: DEMO_KEY, origin: DEMO_SITE },
    });
    // A client that timed out sends again with the same ids, as the mini-program's tracker does; on a busy
    // machine a request can outlast the client's patience, and its events may already be stored.
    const timedOut = ledger.unanswered.splice(0);
    for (const request of timedOut) await send(`http://127.0.0.1:${port}`, ledger, request);
    await t.get(EventLog).settled();
    stored = await storedEvents(t.get(DataSource), ledger.sent);
    // The figures docs/reliability.md quotes.
    process.stdout.write(
      `[${database.kind}] ingest load: ${JSON.stringify({ ...ledger.summary(), eventsStored: stored.length, seconds: (Date.now() - started) / 1000 })}\n`,
    );
  }, 120_000);
  afterAll(() => t.close());

  it('acknowledges every request of a healthy server, retries included', () => {
    // Never refused or failed; at most some answers came after the client stopped waiting (then resent).
    expect([...ledger.statuses.keys()].filter((status) => status !== 'no answer')).toEqual(['200']);
    expect(ledger.unanswered).toEqual([]);
    expect(ledger.retries).toBeGreaterThan(0);
    expect(ledger.sent.size).toBe(CLIENTS * VISITS_PER_CLIENT * 5);
  });

  it('stores exactly the acknowledged events, each once', () => {
    expect(stored.length).toBe(ledger.acknowledged.size);
    expect(new Set(stored.map((event) => event.id))).toEqual(ledger.acknowledged);
  });

  it('counts one card view and one site page view per visitor however the views and retries raced', () => {
    const counted = (targetType: string) =>
      stored.filter((event) => event.type === 'view' && event.targetType === targetType && event.counted);
    expect(new Set(counted('card').map((view) => view.visitorId)).size).toBe(CLIENTS);
    expect(counted('card')).toHaveLength(CLIENTS);
    expect(counted('site_page')).toHaveLength(CLIENTS);
    // The actions of the counted visits count, those of the repeats do not.
    const countedClicks = stored.filter((event) => event.type === 'click' && event.counted);
    expect(countedClicks).toHaveLength(CLIENTS);
  });
});
