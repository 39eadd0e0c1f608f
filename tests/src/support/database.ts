import Database from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';

/**
 * Reads rows from the database a running server writes (`sqlite:` or `mysql://` URL, as DATABASE_URL), to
 * check what a journey stored beyond what the pages show. Read-only on SQLite; `?` placeholders on both.
 */
export async function queryRows<Row>(
  databaseUrl: string,
  sql: string,
  params: unknown[] = [],
): Promise<Row[]> {
  if (databaseUrl.startsWith('sqlite:')) {
    const database = new Database(databaseUrl.slice('sqlite:'.length), { readonly: true });
    try {
      return database.prepare(sql).all(...params) as Row[];
    } finally {
      database.close();
    }
  }
  const connection = await createConnection(databaseUrl);
  try {
    const [rows] = await connection.query(sql, params);
    return rows as Row[];
  } finally {
    await connection.end();
  }
}
