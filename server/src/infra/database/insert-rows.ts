import type { Driver, EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

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
  const { into, row, encode } = rowEncoderOf(metadata, driver);
  const mysql = manager.connection.options.type !== 'better-sqlite3';
  const insert = options.ignoreDuplicates ? (mysql ? 'INSERT IGNORE' : 'INSERT OR IGNORE') : 'INSERT';
  for (let start = 0; start < rows.length; start += INSERT_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + INSERT_ROWS_PER_STATEMENT);
    const values: unknown[] = [];
    for (const entity of chunk) encode(entity, values);
    await manager.query(`${insert} ${into} VALUES ${chunk.map(() => row).join(', ')}`, values);
  }
}

interface RowEncoder {
  /** `INTO <table> (<columns>)`. */
  into: string;
  /** One row's placeholders, `(?, ?, …)`. */
  row: string;
  /** Appends an entity's values, as the driver stores them, in column order. */
  encode(entity: ObjectLiteral, values: unknown[]): void;
}

const rowEncoders = new WeakMap<EntityMetadata, RowEncoder>();

/**
 * How each column's value is read and converted, worked out once per entity: the ingest writes every event
 * through here, and TypeORM's generic per-value path (embedded entities, relations, every column type checked in
 * turn) was a visible share of its profile. A plain string column is stored as it is on both databases.
 */
function rowEncoderOf(metadata: EntityMetadata, driver: Driver): RowEncoder {
  let encoder = rowEncoders.get(metadata);
  if (encoder) return encoder;
  const columns = metadata.columns.filter((column) => column.isInsert);
  const converters = columns.map((column): ((entity: ObjectLiteral) => unknown) => {
    const plain = !column.embeddedMetadata && !column.relationMetadata;
    const read = plain
      ? (entity: ObjectLiteral): unknown => entity[column.propertyName]
      : (entity: ObjectLiteral): unknown => column.getEntityValue(entity);
    if (plain && !column.transformer && STORED_AS_IS.has(String(column.type))) {
      return (entity) => read(entity) ?? null;
    }
    return (entity) => driver.preparePersistentValue(read(entity) ?? null, column);
  });
  const names = columns.map((column) => driver.escape(column.databaseName)).join(', ');
  encoder = {
    into: `INTO ${driver.escape(metadata.tableName)} (${names})`,
    row: `(${columns.map(() => '?').join(', ')})`,
    encode: (entity, values) => {
      for (const convert of converters) values.push(convert(entity));
    },
  };
  rowEncoders.set(metadata, encoder);
  return encoder;
}

const STORED_AS_IS = new Set(['varchar', 'char', 'text']);
