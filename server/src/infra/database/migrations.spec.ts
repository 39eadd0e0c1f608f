import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../../common/config/app-config';
import { describeEachDatabase } from '../../test-support/databases';
import { resolveDataSourceOptions } from './data-source-options';

/**
 * The migrations of each dialect must build exactly the schema the entities describe. When this fails after
 * an entity change, generate a migration for BOTH dialects:
 *   npm run build && DATABASE_URL=mysql://root@127.0.0.1:3306/<scratch> npx typeorm migration:generate \
 *     -d dist/infra/database/data-source.js src/infra/database/migrations/mysql/<Name>
 *   (and the same with DATABASE_URL=sqlite:/tmp/<scratch>.sqlite into migrations/sqlite), then list it in index.ts.
 */
describeEachDatabase('migrations', (database) => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = new DataSource(
      await resolveDataSourceOptions(parseDatabaseUrl(database.url, '/unused', process.cwd())),
    );
    await dataSource.initialize();
  });
  afterAll(() => dataSource.destroy());

  it('runs every migration on a fresh database', async () => {
    const applied = await dataSource.query('SELECT name FROM schema_migrations');
    expect(applied.map((row: { name: string }) => row.name).sort()).toEqual(
      dataSource.migrations.map((migration) => migration.name).sort(),
    );
  });

  it('leaves nothing for the entities to change', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('can be reverted to an empty schema', async () => {
    for (let i = 0; i < dataSource.migrations.length; i++) await dataSource.undoLastMigration();
    const tables = dataSource.entityMetadatas.map((metadata) => metadata.tableName);
    const runner = dataSource.createQueryRunner();
    try {
      for (const table of tables) expect(await runner.hasTable(table)).toBe(false);
    } finally {
      await runner.release();
    }
    await dataSource.runMigrations();
  });
});
