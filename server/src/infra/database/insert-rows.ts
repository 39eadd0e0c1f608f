import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Rows per statement: well under SQLite's 32,766 bound variables for the widest table written this way. */
export const INSERT_ROWS_PER_STATEMENT = 500;

/**
 * A multi-row INSERT of whole entities, written as one parameterized statement per chunk. TypeORM's insert
 * builder tracks every value as a named parameter and checks each new one against all the others, which made
 * the ingest's batches cost time quadratic in their size (docs/benchmarks.md); values still go through the
 * driver's own conversion (dates, JSON, booleans), so what is stored is what `save` would store.
 * `ignoreDuplicates` skips rows whose key exists; otherwise a duplicate fails the statement.
 */
export async function insertRows<Entity extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<Entity>,
  rows: readonly Entity[],
  options: { ignoreDuplicates?: boolean } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(target);
  const columns = metadata.columns.filter((column) => column.isInsert);
  const names = columns.map((column) => driver.escape(column.databaseName)).join(', ');
  const mysql = manager.connection.options.type !== 'better-sqlite3';
  const insert = options.ignoreDuplicates ? (mysql ? 'INSERT IGNORE' : 'INSERT OR IGNORE') : 'INSERT';
  const row = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += INSERT_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + INSERT_ROWS_PER_STATEMENT);
    const values = chunk.flatMap((entity) =>
      columns.map((column) => driver.preparePersistentValue(column.getEntityValue(entity) ?? null, column)),
    );
    await manager.query(
      `${insert} INTO ${driver.escape(metadata.tableName)} (${names}) VALUES ${chunk.map(() => row).join(', ')}`,
      values,
    );
  }
}
