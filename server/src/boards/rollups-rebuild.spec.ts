import { EVENT_TYPES, type EventType, type LeadStage, SHARE_CHANNELS, VIEW_VERDICTS } from '@cardhub/shared';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { LeadStageChange } from '../leads/entities/lead-stage-change.entity';
import { Lead } from '../leads/entities/lead.entity';
import { Organization } from '../org/entities/organization.entity';
import { Share } from '../shares/entities/share.entity';
import { type TestApp, createTestApp, describeEachDatabase } from '../test-support';
import { TrackedEvent } from '../tracking/entities/tracked-event.entity';
import { EventLog } from '../tracking/event-log';
import { rollupSnapshot } from './rollup-snapshot.testing';
import { BoardRollup } from './entities/board-rollup.entity';
import { RollupRebuild } from './rollup-rebuild';
import { RollupWriter } from './rollup-writer';

/** A small seeded generator (mulberry32): a failing stream can be replayed from its seed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const shuffle = <T>(items: T[]): T[] => {
    for (let index = items.length - 1; index > 0; index--) {
      const other = int(index + 1);
      [items[index], items[other]] = [items[other]!, items[index]!];
    }
    return items;
  };
  return { next, int, pick, shuffle };
}

/** Midnight in Shanghai (16:00 UTC) at the turn of a week and of a month, and the instants just around it. */
const BOUNDARIES = ['2026-11-29T16:00:00.000Z', '2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'].map(
  Date.parse,
);
const NUDGES = [-1, 0, 1, -3_600_000, 5_400_000, -86_400_000];

describeEachDatabase('rollups: incremental ingest equals a rebuild from the raw events', (database) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url });
  });
  afterAll(() => t.close());

  /** Share trees of employees, re-shared by colleagues and customers, a few levels deep. */
  async function shareTrees(rng: ReturnType<typeof random>): Promise<Share[]> {
    const { organizationId, employeeIds, managerId, materialIds } = t.demo;
    const staff = [...employeeIds, managerId];
    const shares: Share[] = [];
    for (let tree = 0; tree < 6; tree++) {
      const rootId = randomUUID();
      const root: Omit<Share, 'creditedEmployeeId'> = {
        id: rootId,
        code: randomUUID().slice(0, 12),
        organizationId,
        targetType: 'material',
        targetId: rng.pick(materialIds),
        channel: rng.pick(SHARE_CHANNELS),
        parentShareId: null,
        rootShareId: rootId,
        depth: 0,
        sharerEmployeeId: rng.pick(staff),
        sharerVisitorId: null,
        createdAt: new Date(BOUNDARIES[0]! - 86_400_000),
      };
      const tree = [root];
      for (let child = 0; child < 4; child++) {
        const parent = rng.pick(tree);
        const byEmployee = rng.next() < 0.4;
        tree.push({
          ...root,
          id: randomUUID(),
          code: randomUUID().slice(0, 12),
          channel: rng.pick(SHARE_CHANNELS),
          parentShareId: parent.id,
          depth: parent.depth + 1,
          sharerEmployeeId: byEmployee ? rng.pick(staff) : null,
          sharerVisitorId: byEmployee ? null : randomUUID(),
        });
      }
      for (const share of tree) shares.push({ ...share, creditedEmployeeId: root.sharerEmployeeId! });
    }
    await t.get(DataSource).getRepository(Share).insert(shares);
    return shares;
  }

  function eventStream(rng: ReturnType<typeof random>, shares: Share[], count: number): TrackedEvent[] {
    const visitors = Array.from({ length: 25 }, () => randomUUID());
    const staff = [...t.demo.employeeIds, t.demo.managerId];
    return Array.from({ length: count }, () => {
      const share = rng.next() < 0.85 ? rng.pick(shares) : null;
      const type: EventType = rng.next() < 0.55 ? 'view' : rng.pick(EVENT_TYPES);
      const verdict = type === 'view' ? (rng.next() < 0.7 ? 'counted' : rng.pick(VIEW_VERDICTS)) : null;
      const at = new Date(
        rng.pick(BOUNDARIES) + rng.pick(NUDGES) + (rng.next() < 0.3 ? rng.int(7 * 86_400_000) : 0),
      );
      return {
        id: randomUUID(),
        organizationId: t.demo.organizationId,
        type,
        targetType: share?.targetType ?? 'material',
        targetId: share?.targetId ?? rng.pick(t.demo.materialIds),
        shareId: share?.id ?? null,
        visitId: null,
        visitorId: type === 'share' && share?.sharerEmployeeId ? null : rng.pick(visitors),
        actorEmployeeId:
          type === 'share' ? (share?.sharerEmployeeId ?? null) : rng.next() < 0.1 ? rng.pick(staff) : null,
        creditedEmployeeId: share?.creditedEmployeeId ?? null,
        touchpoint: rng.pick(['miniapp', 'h5', 'site', 'poster'] as const),
        verdict,
        counted: verdict ? verdict === 'counted' : rng.next() < 0.85,
        props: null,
        userAgent: null,
        occurredAt: at,
        receivedAt: new Date(),
      };
    });
  }

  /** Appends in random batches, out of order, with retries of stored events and repeats within a batch. */
  async function ingest(rng: ReturnType<typeof random>, events: TrackedEvent[]): Promise<void> {
    const eventLog = t.get(EventLog);
    const pending = rng.shuffle([...events]);
    // Late events: the oldest arrive last.
    pending.sort((a, b) => (rng.next() < 0.1 ? a.occurredAt.getTime() - b.occurredAt.getTime() : 0));
    const sent: TrackedEvent[] = [];
    while (pending.length > 0) {
      const batch = pending.splice(0, 1 + rng.int(25));
      if (sent.length > 0 && rng.next() < 0.4) batch.push(rng.pick(sent), rng.pick(sent));
      if (rng.next() < 0.2) batch.push(batch[0]!);
      await eventLog.append(batch.map((event) => ({ ...event })));
      sent.push(...batch);
    }
  }

  /** Leads moving through stages (sometimes back and forth), their changes inserted as the lead pool does. */
  async function leadJourneys(rng: ReturnType<typeof random>, shares: Share[]): Promise<void> {
    const dataSource = t.get(DataSource);
    for (let index = 0; index < 8; index++) {
      const lead = await dataSource.getRepository(Lead).save({
        organizationId: t.demo.organizationId,
        visitorId: randomUUID(),
        ownerEmployeeId: null,
        stage: 'visitor',
        score: 0,
        tags: [],
        source: 'material',
        firstShareId: rng.next() < 0.8 ? rng.pick(shares).id : null,
        lastActivityAt: null,
        assignedAt: null,
      });
      const path: LeadStage[] = rng.pick([
        ['visitor'],
        ['visitor', 'mql'],
        ['visitor', 'mql', 'sql', 'mql', 'sql', 'customer'],
        ['visitor', 'sql', 'lost'],
        ['visitor', 'customer', 'customer'],
      ]);
      let at = rng.pick(BOUNDARIES) + rng.pick(NUDGES);
      let from: LeadStage | null = null;
      for (const toStage of path) {
        await dataSource.getRepository(LeadStageChange).insert({
          organizationId: t.demo.organizationId,
          leadId: lead.id,
          fromStage: from,
          toStage,
          byEmployeeId: null,
          reason: 'test',
          createdAt: new Date(at),
        });
        from = toStage;
        at += rng.pick([1, 3_600_000, 86_400_000]);
      }
    }
  }

  async function expectRebuildToMatch(): Promise<void> {
    const dataSource = t.get(DataSource);
    const incremental = await rollupSnapshot(dataSource, t.demo.organizationId);
    await new RollupRebuild(dataSource, t.get(RollupWriter)).run(t.demo.organizationId, () => undefined, 37);
    expect(await rollupSnapshot(dataSource, t.demo.organizationId)).toEqual(incremental);
  }

  it.each([
    ['root', 20261123],
    ['chain', 20261124],
  ] as const)('with credit split %s (seed %d)', async (split, seed) => {
    const dataSource = t.get(DataSource);
    await dataSource
      .getRepository(Organization)
      .update({ id: t.demo.organizationId }, { creditSplit: split });
    await new RollupRebuild(dataSource, t.get(RollupWriter)).run(t.demo.organizationId, () => undefined);
    const rng = random(seed);
    const shares = await shareTrees(rng);
    const events = eventStream(rng, shares, 300);
    await ingest(rng, events);
    await leadJourneys(rng, shares);

    // An independent count: the organization's day rows of views add up to the counted views stored.
    const counted = await dataSource
      .getRepository(TrackedEvent)
      .countBy({ organizationId: t.demo.organizationId, type: 'view', counted: true });
    // The event log turns some of these views into repeats (same visitor and target within 30 minutes).
    expect(counted).toBeGreaterThan(0);
    const perDay = await dataSource.getRepository(BoardRollup).find({
      where: {
        organizationId: t.demo.organizationId,
        period: 'day',
        subjectKind: 'organization',
        metric: 'views',
      },
    });
    expect(perDay.reduce((sum, row) => sum + row.value, 0)).toBe(counted);
    await expectRebuildToMatch();
  });
});
