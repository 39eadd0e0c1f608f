import { type EntityManager, QueryFailedError } from 'typeorm';

/**
 * Prepared statements a pooled MySQL connection keeps (mysql2 closes the least recently used beyond it). The
 * server's own bound, `max_prepared_stmt_count` (16,382 by default), is shared by every connection of every
 * server: 10 pooled connections × 100 leave room for 16 servers (docs/scaling.md).
 */
export const PREPARED_STATEMENTS_PER_CONNECTION = 100;

/** The part of a pooled mysql2 connection (callback API, as TypeORM holds it) used here. */
interface PreparingConnection {
  execute(sql: string, values: unknown[], callback: (error: Error | null, result: unknown) => void): void;
}

/**
 * A statement the hot paths run over and over (the events' INSERT, a rescore's read). On MySQL it is prepared once
 * per connection and then sent as binary values: MariaDB no longer parses the SQL text and every value in it,
 * ≈ 6 µs of its CPU per event row (docs/benchmarks.md). On SQLite it is `manager.query`, which better-sqlite3
 * prepares anyway. Runs on the manager's transaction when it has one; fails as `manager.query` would.
 */
export async function preparedQuery<Result>(
  manager: EntityManager,
  sql: string,
  values: unknown[],
): Promise<Result> {
  if (manager.connection.options.type === 'better-sqlite3') return manager.query<Result>(sql, values);
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const connection = (await runner.connect()) as PreparingConnection;
    return await new Promise<Result>((resolve, reject) =>
      connection.execute(sql, values, (error, result) =>
        error ? reject(new QueryFailedError(sql, values, error)) : resolve(result as Result),
      ),
    );
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}
