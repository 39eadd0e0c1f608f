import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { databasesUnderTest } from './databases';

/**
 * Says once per run which databases the suites run on, so nobody mistakes a SQLite-only run for MySQL; and
 * builds the site tracker from its source, so the script the tests load is the current one.
 */
export default function globalSetup(): void {
  const mysql = databasesUnderTest().includes('mysql')
    ? `MySQL at ${new URL(process.env.MYSQL_URL!).host}`
    : 'MySQL skipped (set MYSQL_URL=mysql://root@127.0.0.1:3306/cardhub_test to include it)';
  process.stdout.write(`\n[cardhub] databases under test: SQLite; ${mysql}\n`);
  execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'build-tracker.mjs')], {
    stdio: 'inherit',
  });
}
