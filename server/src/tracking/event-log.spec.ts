import { randomUUID } from 'node:crypto';
import { createTestApp, describeEachDatabase, type TestApp } from '../test-support';
import type { TrackedEvent } from './entities/tracked-event.entity';
import { EventLog } from './event-log';
import { countedViewOf } from './tracked-events.testing';

function clickIn(view: TrackedEvent): TrackedEvent {
  return {
    ...view,
    id: randomUUID(),
    type: 'click',
    verdict: null,
    visitId: view.id,
    props: { action: 'call' },
  };
}

const ORGANIZATION_ID = randomUUID();
const countedView = (visitorId: string, targetId: string, receivedAt?: Date) =>
  countedViewOf(ORGANIZATION_ID, visitorId, targetId, receivedAt);

describeEachDatabase('event log group commit', (database) => {
  let t: TestApp;
  let log: EventLog;
  /** What the commit planner's writes committed, batch by batch. */
  const committed: string[][] = [];
  let failOn: string | null = null;
  /** While set, a batch's write waits for it (it stays in flight); `writing` resolves when one starts waiting. */
  let writeGate: Promise<void> | null = null;
  let writing: () => void = () => undefined;
  /** What the listener saw, pass by pass; it waits for `listenerGate` before looking. */
  const derivedPasses: string[][] = [];
  let listenerGate: Promise<void> = Promise.resolve();

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url, seed: false });
    log = t.get(EventLog);
    log.onCommit(async (events) => ({
      write: async () => {
        if (events.some((event) => event.id === failOn))
          throw new Error('a commit writer refused this event');
        const gate = writeGate;
        writeGate = null;
        writing();
        await gate;
      },
      committed: () => committed.push(events.map((event) => event.id)),
    }));
    log.onAppend(async (events) => {
      await listenerGate;
      derivedPasses.push(events.map((event) => event.id));
    });
  });
  afterAll(() => t.close());
  beforeEach(() => {
    committed.length = 0;
    failOn = null;
  });

  it('stores concurrent appends in shared transactions and answers each caller with its own counts', async () => {
    const appends = Array.from({ length: 40 }, () => [countedView(randomUUID(), randomUUID())]);
    const results = await Promise.all(appends.map((events) => log.append(events)));
    results.forEach((result, index) => {
      expect(result).toMatchObject({ stored: 1, duplicates: 0 });
      expect(result.events.map((event) => event.id)).toEqual([appends[index]![0]!.id]);
    });
    // Forty requests did not take forty transactions; the writers saw every event exactly once.
    expect(committed.length).toBeLessThan(10);
    expect(committed.flat().sort()).toEqual(appends.map(([event]) => event!.id).sort());
  });

  it('stores an id sent by racing retries once, and answers the retries with the stored event', async () => {
    const view = countedView(randomUUID(), randomUUID());
    const results = await Promise.all([
      log.append([view]),
      log.append([{ ...view }]),
      log.append([{ ...view }]),
    ]);
    expect(results.map((result) => result.stored).sort()).toEqual([0, 0, 1]);
    expect(results.every((result) => result.events[0]!.id === view.id)).toBe(true);
    const later = await log.append([{ ...view, verdict: 'bot', counted: false }]);
    expect(later).toMatchObject({ stored: 0, duplicates: 1 });
    expect(later.events[0]).toMatchObject({ verdict: 'counted' });
    expect(committed.flat()).toEqual([view.id]);
  });

  it('counts one of two views racing in from the same visitor, and not the actions of the other', async () => {
    const [visitorId, targetId] = [randomUUID(), randomUUID()];
    const [first, second] = [countedView(visitorId, targetId), countedView(visitorId, targetId)];
    const secondClick = clickIn(second);
    const [a, b] = await Promise.all([log.append([first]), log.append([second, secondClick])]);
    expect([a.events[0]!.verdict, b.events[0]!.verdict]).toEqual(['counted', 'repeat']);
    expect(b.events[1]).toMatchObject({ id: secondClick.id, counted: false });
    // And a view of the same target by the same visitor in a later batch is a repeat too.
    const third = await log.append([countedView(visitorId, targetId)]);
    expect(third.events[0]).toMatchObject({ verdict: 'repeat', counted: false });
  });

  it('counts one view of a visitor whose views land in two batches committing at the same time', async () => {
    const [visitorId, targetId] = [randomUUID(), randomUUID()];
    let release: () => void = () => undefined;
    writeGate = new Promise((resolve) => (release = resolve));
    const firstWriting = new Promise<void>((resolve) => (writing = resolve));
    const first = log.append([countedView(visitorId, targetId)]);
    // The first batch is written and waits for its COMMIT; the second is built meanwhile.
    await firstWriting;
    const second = log.append([countedView(visitorId, targetId)]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    const verdicts = (await Promise.all([first, second])).map((result) => result.events[0]!.verdict);
    expect(verdicts).toEqual(['counted', 'repeat']);
  });

  it('fails only the append whose batch cannot commit; the others in its batch and the next batch succeed', async () => {
    const bad = countedView(randomUUID(), randomUUID());
    failOn = bad.id;
    const good = Array.from({ length: 5 }, () => countedView(randomUUID(), randomUUID()));
    const outcomes = await Promise.allSettled([bad, ...good].map((event) => log.append([event])));
    expect(outcomes[0]!.status).toBe('rejected');
    expect(outcomes.slice(1).every((outcome) => outcome.status === 'fulfilled')).toBe(true);
    expect(await log.findById(bad.id)).toBeNull();
    failOn = null;
    expect(await log.append([bad])).toMatchObject({ stored: 1, duplicates: 0 });
  });

  it('hands the listeners everything stored while they were busy in one pass, each event once', async () => {
    await log.settled();
    derivedPasses.length = 0;
    let openGate!: () => void;
    listenerGate = new Promise((open) => (openGate = open));
    const first = countedView(randomUUID(), randomUUID());
    await log.append([first]);
    // Thirty batches commit while the listener is still on the first one.
    const later = Array.from({ length: 30 }, () => countedView(randomUUID(), randomUUID()));
    for (const view of later) await log.append([view]);
    openGate();
    await log.settled();
    expect(derivedPasses).toEqual([[first.id], later.map((view) => view.id)]);
  });

  it("reads a visitor's events oldest first", async () => {
    const visitorId = randomUUID();
    const start = Date.now() - 60_000;
    const views = Array.from({ length: 5 }, (_, n) =>
      countedView(visitorId, randomUUID(), new Date(start + n * 1_000)),
    );
    await log.append([...views].reverse());
    const ids = (events: TrackedEvent[]) => events.map((event) => event.id);
    const since = new Date(start - 1_000);
    expect(ids(await log.eventsOfVisitor(ORGANIZATION_ID, visitorId, since))).toEqual(ids(views));
  });

  it('stores an append larger than a batch, and the appends after it', async () => {
    const large = Array.from({ length: 600 }, () => countedView(randomUUID(), randomUUID()));
    expect(await log.append(large)).toMatchObject({ stored: 600, duplicates: 0 });
    expect(await log.append([countedView(randomUUID(), randomUUID())])).toMatchObject({ stored: 1 });
  });

  it('reads a long history whole and in order, many events sharing a moment included', async () => {
    const visitorId = randomUUID();
    const start = Date.now() - 600_000;
    // 640 clicks, four to a second, so pages end in the middle of a moment.
    const clicks = Array.from({ length: 640 }, (_, n) => ({
      ...clickIn(countedView(visitorId, randomUUID())),
      occurredAt: new Date(start + Math.floor(n / 4) * 1_000),
    }));
    await log.append(clicks);
    const inOrder = [...clicks]
      .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : 1))
      .map((event) => event.id);
    const ids = (events: TrackedEvent[]) => events.map((event) => event.id);
    const since = new Date(start - 1_000);
    expect(ids(await log.eventsOfVisitor(ORGANIZATION_ID, visitorId, since))).toEqual(inOrder);
  });

  it('reads the newest events of several visitors in one go, each oldest first, as the entity holds them', async () => {
    const [flooding, browsing, idle, older] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const start = Date.now() - 120_000;
    const view = countedView(browsing, randomUUID(), new Date(start));
    const browsingEvents = [view, { ...clickIn(view), occurredAt: new Date(start + 500) }];
    // Two clicks to a moment: the newest 7 end in the middle of one.
    const flood = Array.from({ length: 12 }, (_, n) => ({
      ...clickIn(countedView(flooding, randomUUID())),
      occurredAt: new Date(start + Math.floor(n / 2) * 1_000),
    }));
    const beforeSince = countedView(older, randomUUID(), new Date(start - 10_000));
    await log.append([...flood].reverse().concat(browsingEvents, [beforeSince]));

    const histories = await log.latestEventsOfVisitors(
      ORGANIZATION_ID,
      [flooding, browsing, idle, older],
      new Date(start - 1_000),
      7,
      ['type', 'props', 'verdict', 'occurredAt'],
    );
    const ids = (events: readonly TrackedEvent[]) => events.map((event) => event.id);
    const inOrder = [...flood]
      .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : 1))
      .map((event) => event.id);
    expect(ids(histories.get(flooding)!)).toEqual(inOrder.slice(-7));
    expect(ids(histories.get(browsing)!)).toEqual(ids(browsingEvents));
    expect(histories.get(idle)).toEqual([]);
    expect(histories.get(older)).toEqual([]);
    const [seen, clicked] = histories.get(browsing)!;
    expect(seen).toEqual({
      id: view.id,
      visitorId: browsing,
      type: 'view',
      props: null,
      verdict: 'counted',
      occurredAt: new Date(start),
    });
    expect(clicked).toMatchObject({ type: 'click', props: { action: 'call' }, verdict: null });
    expect(clicked!.occurredAt).toEqual(new Date(start + 500));

    // Every column, when none is named (a lead's page): the events as they were appended.
    const whole = await log.latestEventsOfVisitors(ORGANIZATION_ID, [browsing], new Date(start - 1_000), 7);
    expect(whole.get(browsing)).toEqual(browsingEvents);
  });

  it('stores an id once when two servers on the same database insert it at the same moment', async () => {
    const other = await createTestApp({ databaseUrl: database.url, seed: false });
    try {
      const otherCommitted: string[] = [];
      other.get(EventLog).onCommit(async (events) => ({
        write: async () => undefined,
        committed: () => otherCommitted.push(...events.map((event) => event.id)),
      }));
      const views = Array.from({ length: 60 }, () => countedView(randomUUID(), randomUUID()));
      const results = await Promise.all(
        views.flatMap((view) => [log.append([view]), other.get(EventLog).append([{ ...view }])]),
      );
      expect(results.reduce((total, result) => total + result.stored, 0)).toBe(views.length);
      // Each event was derived by exactly one of the two servers' transactions.
      expect([...committed.flat(), ...otherCommitted].sort()).toEqual(views.map((view) => view.id).sort());
    } finally {
      await other.close();
    }
  });
});
