import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../../common/config/app-config';
import { ENTITIES } from './entities';
import { MYSQL_MIGRATIONS } from './migrations/mysql';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';

export type MysqlFlavor = 'mysql' | 'mariadb';

/**
 * TypeORM options for either database. The schema always comes from the migrations of that dialect
 * (never `synchronize`), run at startup; `migrations.spec.ts` proves they match the entities.
 * A `mysql://` URL may point at MySQL or MariaDB: TypeORM must know which, or it misreads MariaDB's column
 * defaults, so the server is asked once.
 */
export async function resolveDataSourceOptions(database: DatabaseConfig): Promise<DataSourceOptions> {
  return buildDataSourceOptions(
    database,
    database.type === 'mysql' ? await detectMysqlFlavor(database.url) : 'mysql',
  );
}

export function buildDataSourceOptions(database: DatabaseConfig, flavor: MysqlFlavor): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    synchronize: false,
    migrationsRun: true,
    migrationsTableName: 'schema_migrations',
  } as const;

  if (database.type === 'mysql') {
    return {
      ...common,
      type: flavor,
      url: database.url,
      migrations: MYSQL_MIGRATIONS,
      // Dates are stored and read as UTC whatever the server's time zone.
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      // An unreachable database fails a request within seconds (answered 503), instead of holding it for long.
      connectTimeout: 5_000,
      // mysql2 captures a stack trace for every query, to show the caller if it fails: a microsecond per event
      // on the ingest and the redirect (docs/benchmarks.md). A failed query's error still names the query.
      extra: { trace: false },
    };
  }

  if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: database.path,
    migrations: SQLITE_MIGRATIONS,
    // WAL lets readers proceed while the tracker writes; a busy writer is waited for, not failed.
    enableWAL: database.path !== ':memory:',
    timeout: 5_000,
  };
}

async function detectMysqlFlavor(url: string): Promise<MysqlFlavor> {
  const connection = await createConnection(url);
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    const [{ version }] = rows as { version: string }[];
    return /mariadb/i.test(version) ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}
