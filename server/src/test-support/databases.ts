import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

export type DatabaseKind = 'sqlite' | 'mysql';

/** A fresh, empty database for one suite; `url` is set once the suite's first `beforeAll` has run. */
export interface TestDatabase {
  readonly kind: DatabaseKind;
  readonly url: string;
}

/** SQLite always; MySQL too when MYSQL_URL names a server (its database part is ignored). */
export function databasesUnderTest(): DatabaseKind[] {
  return process.env.MYSQL_URL ? ['sqlite', 'mysql'] : ['sqlite'];
}

/**
 * Runs `suite` once per database under test, each time against a database created for it and dropped after.
 * The suite reads `database.url` inside its hooks and tests (not while declaring them).
 */
export function describeEachDatabase(name: string, suite: (database: TestDatabase) => void): void {
  for (const kind of databasesUnderTest()) {
    describe(`[${kind}]`, () => {
      const database = { kind, url: '' };
      let drop: () => Promise<void> = async () => {};
      beforeAll(async () => {
        const scratch = await createScratchDatabase(kind);
        database.url = scratch.url;
        drop = scratch.drop;
      });
      // The suite sits one level down so that its own afterAll (closing the app) runs before the drop.
      afterAll(() => drop());
      describe(name, () => suite(database));
    });
  }
}

export async function createScratchDatabase(
  kind: DatabaseKind,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `cardhub_t_${randomBytes(6).toString('hex')}`;
  if (kind === 'sqlite') {
    const file = join(tmpdir(), `${name}.sqlite`);
    return {
      url: `sqlite:${file}`,
      drop: async () => {
        for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
      },
    };
  }
  const server = mysqlServerUrl();
  await runOnMysqlServer(
    server,
    `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => runOnMysqlServer(server, `DROP DATABASE IF EXISTS \`${name}\``) };
}

function mysqlServerUrl(): string {
  const url = process.env.MYSQL_URL;
  if (!url) throw new Error('MYSQL_URL is not set');
  const server = new URL(url);
  server.pathname = '/';
  return server.toString();
}

async function runOnMysqlServer(serverUrl: string, sql: string): Promise<void> {
  const connection = await createConnection(serverUrl);
  try {
    await connection.query(sql);
  } finally {
    await connection.end();
  }
}
