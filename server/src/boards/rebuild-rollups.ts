/**
 * Rebuilds the board rollups from the raw events and lead stage changes, with a progress bar:
 *
 *   DATABASE_URL=mysql://… node server/dist/boards/rebuild-rollups.js [organizationId…]
 *   npm run rollups:rebuild [-- organizationId…]      (every organization when none is named)
 *
 * Without DATABASE_URL it works on the demo's SQLite database (server/data/cardhub.sqlite).
 */
import 'reflect-metadata';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../common/config/app-config';
import { resolveDataSourceOptions } from '../infra/database/data-source-options';
import { Organization } from '../org/entities/organization.entity';
import { RollupRebuild } from './rollup-rebuild';
import { RollupWriter } from './rollup-writer';

function bar(label: string, processed: number, total: number): void {
  const width = 30;
  const share = total === 0 ? 1 : processed / total;
  const filled = Math.round(share * width);
  process.stdout.write(
    `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${processed}/${total} (${Math.round(share * 100)}%)`,
  );
}

async function main(): Promise<void> {
  const serverDir = resolve(__dirname, '..', '..');
  const database = parseDatabaseUrl(
    process.env.DATABASE_URL || undefined,
    resolve(serverDir, 'data'),
    serverDir,
  );
  const dataSource = await new DataSource(await resolveDataSourceOptions(database)).initialize();
  try {
    const named = process.argv.slice(2);
    const organizations = await dataSource
      .getRepository(Organization)
      .find({ select: { id: true, name: true } });
    const chosen = named.length > 0 ? organizations.filter((org) => named.includes(org.id)) : organizations;
    const unknown = named.filter((id) => !organizations.some((org) => org.id === id));
    if (unknown.length > 0) throw new Error(`no organization ${unknown.join(', ')}`);
    const rebuild = new RollupRebuild(dataSource, new RollupWriter(dataSource));
    for (const organization of chosen) {
      const started = Date.now();
      await rebuild.run(organization.id, (processed, total) => bar(organization.name, processed, total));
      process.stdout.write(` ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(`\nrebuilding the rollups failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
