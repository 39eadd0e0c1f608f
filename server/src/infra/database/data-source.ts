/**
 * The DataSource for the TypeORM CLI (`typeorm migration:generate -d dist/infra/database/data-source.js …`).
 * Only DATABASE_URL matters here, so no token secret is needed to generate migrations.
 */
import 'reflect-metadata';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../../common/config/app-config';
import { resolveDataSourceOptions } from './data-source-options';

const workingDir = process.cwd();
const database = parseDatabaseUrl(
  process.env.DATABASE_URL || undefined,
  resolve(workingDir, 'data'),
  workingDir,
);

export default resolveDataSourceOptions(database).then(
  (options) => new DataSource({ ...options, migrationsRun: false }),
);
