import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { createTestApp, describeEachDatabase, type TestApp } from '../../test-support';
import { TrackedEvent } from '../../tracking/entities/tracked-event.entity';
import { countedViewOf } from '../../tracking/tracked-events.testing';
import { isDuplicateKey } from './database-errors';
import { insertRows } from './insert-rows';
import { PREPARED_STATEMENTS_PER_CONNECTION, preparedQuery } from './prepared-query';

describeEachDatabase('preparedQuery', (database) => {
  let t: TestApp;
  let dataSource: DataSource;
  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url, seed: false });
    dataSource = t.get(DataSource);
  });
  afterAll(() => t.close());

  const eventsOf = (organizationId: string, count: number) =>
    Array.from({ length: count }, () =>
      countedViewOf(organizationId, randomUUID(), randomUUID(), new Date()),
    );
  const storedCount = (organizationId: string) =>
    dataSource.getRepository(TrackedEvent).countBy({ organizationId });

  it('refuses a batch holding a stored id as a duplicate key, storing none of its rows', async () => {
    const organizationId = randomUUID();
    const [first, ...rest] = eventsOf(organizationId, 3);
    await insertRows(dataSource.manager, TrackedEvent, [first!]);

    const refused = await insertRows(dataSource.manager, TrackedEvent, [...rest, first!]).catch(
      (error: unknown) => error,
    );
    // The event log's retry path tells a retried id from an outage by this.
    expect(isDuplicateKey(refused)).toBe(true);
    expect(await storedCount(organizationId)).toBe(1);
  });

  it("runs on the transaction's connection: rolled back, nothing is stored", async () => {
    const organizationId = randomUUID();
    const rolledBack = new Error('rolled back on purpose');
    await expect(
      dataSource.transaction(async (manager) => {
        await insertRows(manager, TrackedEvent, eventsOf(organizationId, 2));
        expect(await manager.getRepository(TrackedEvent).countBy({ organizationId })).toBe(2);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect(await storedCount(organizationId)).toBe(0);
  });

  it('answers every statement right past the number a connection keeps prepared, reusing the kept ones', async () => {
    const distinct = PREPARED_STATEMENTS_PER_CONNECTION + 20;
    const sqlOf = (index: number) => `SELECT ? + ${index} AS total`;
    const run = async (manager: EntityManager, index: number) => {
      const [row] = await preparedQuery<{ total: number | string }[]>(manager, sqlOf(index), [1]);
      return Number(row!.total);
    };

    await dataSource.transaction(async (manager) => {
      // One transaction holds one connection, so its session counters are this test's alone.
      const counters = () => statementCounters(manager);
      const before = await counters();
      for (let index = 0; index < distinct; index += 1) expect(await run(manager, index)).toBe(index + 1);
      // The most recent ones are still prepared: running them again prepares nothing.
      for (let index = distinct - 10; index < distinct; index += 1) {
        expect(await run(manager, index)).toBe(index + 1);
      }
      const after = await counters();
      if (before && after) {
        expect(after.prepared - before.prepared).toBe(distinct);
        // What the connection holds now: the least recently used beyond the bound were closed.
        expect(after.prepared - after.closed).toBe(PREPARED_STATEMENTS_PER_CONNECTION);
      }
    });
  });
});

/** MySQL's per-session count of statements prepared and closed (SQLite keeps none: null). */
async function statementCounters(
  manager: EntityManager,
): Promise<{ prepared: number; closed: number } | null> {
  if (manager.connection.options.type === 'better-sqlite3') return null;
  const rows = await manager.query<{ Variable_name: string; Value: string }[]>(
    "SHOW SESSION STATUS WHERE Variable_name IN ('Com_stmt_prepare', 'Com_stmt_close')",
  );
  const value = (name: string) => Number(rows.find((row) => row.Variable_name === name)!.Value);
  return { prepared: value('Com_stmt_prepare'), closed: value('Com_stmt_close') };
}
