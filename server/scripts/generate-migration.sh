#!/usr/bin/env bash
# Generates one migration per dialect from the entities: compares each against a scratch database that has
# every existing migration applied. Usage: scripts/generate-migration.sh Name [mysql-server-url]
set -euo pipefail
name=${1:?usage: scripts/generate-migration.sh MigrationName [mysql://root@127.0.0.1:3306]}
mysql_server=${2:-mysql://root@127.0.0.1:3306}
cd "$(dirname "$0")/.."
npm run build --silent
scratch=cardhub_gen_$$
node -e "require('mysql2/promise').createConnection('$mysql_server').then(async c => { await c.query('CREATE DATABASE $scratch CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci'); await c.end(); })"
trap "node -e \"require('mysql2/promise').createConnection('$mysql_server').then(async c => { await c.query('DROP DATABASE IF EXISTS $scratch'); await c.end(); })\"; rm -f /tmp/$scratch.sqlite*" EXIT
for dialect in mysql sqlite; do
  if [ $dialect = mysql ]; then url="$mysql_server/$scratch"; else url="sqlite:/tmp/$scratch.sqlite"; fi
  DATABASE_URL=$url node -e "require('./dist/infra/database/data-source.js').default.then(ds => ds.initialize()).then(ds => ds.runMigrations().then(() => ds.destroy()))"
  DATABASE_URL=$url npx typeorm migration:generate -d dist/infra/database/data-source.js "src/infra/database/migrations/$dialect/$name"
done
echo "Now list the new classes in src/infra/database/migrations/{mysql,sqlite}/index.ts"
