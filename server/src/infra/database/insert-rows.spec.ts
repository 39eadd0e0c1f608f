import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestApp, describeEachDatabase, type TestApp } from '../../test-support';
import { TrackedEvent } from '../../tracking/entities/tracked-event.entity';
import { countedViewOf } from '../../tracking/tracked-events.testing';
import { insertRows } from './insert-rows';

describeEachDatabase('insertRows', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url, seed: false });
  });
  afterAll(() => t.close());

  it('stores every kind of column exactly as save does: strings, nulls, booleans, JSON and times', async () => {
    const events = t.get(DataSource).getRepository(TrackedEvent);
    const organizationId = randomUUID();
    const at = new Date('2026-12-06T08:15:30.125Z');
    const variants: Partial<TrackedEvent>[] = [
      { props: { action: 'call', seconds: 12, first: true, note: null }, counted: true },
      { props: null, counted: false, verdict: null, userAgent: null, shareId: null },
      { props: { text: '单引号\' 和 "双引号" 与 \\ 反斜杠' }, userAgent: "Mozilla/5.0 (it's quoted)" },
    ];
    const [viaInsert, viaSave] = [0, 1].map(() =>
      variants.map((variant) => ({
        ...countedViewOf(organizationId, randomUUID(), randomUUID(), at),
        ...variant,
      })),
    );
    await insertRows(events.manager, TrackedEvent, viaInsert!);
    await events.save(viaSave!);

    const stored = async (rows: TrackedEvent[]) =>
      Promise.all(
        rows.map(async (row) => {
          const { id, visitorId, targetId, ...rest } = await events.findOneByOrFail({ id: row.id });
          expect([id, visitorId, targetId]).toEqual([row.id, row.visitorId, row.targetId]);
          return rest;
        }),
      );
    const inserted = await stored(viaInsert!);
    expect(inserted).toEqual(await stored(viaSave!));
    expect(inserted[0]).toMatchObject({ counted: true, occurredAt: at, props: variants[0]!.props });
    expect(inserted[2]!.props).toEqual(variants[2]!.props);
  });
});
