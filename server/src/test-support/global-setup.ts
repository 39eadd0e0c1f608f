import { databasesUnderTest } from './databases';

/** Says once per run which databases the suites run on, so nobody mistakes a SQLite-only run for MySQL. */
export default function announceDatabases(): void {
  const mysql = databasesUnderTest().includes('mysql')
    ? `MySQL at ${new URL(process.env.MYSQL_URL!).host}`
    : 'MySQL skipped (set MYSQL_URL=mysql://root@127.0.0.1:3306/cardhub_test to include it)';
  process.stdout.write(`\n[cardhub] databases under test: SQLite; ${mysql}\n`);
}
