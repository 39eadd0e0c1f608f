import { MigrationInterface, QueryRunner } from 'typeorm';

export class SitePages1795432220264 implements MigrationInterface {
  name = 'SitePages1795432220264';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "site_pages" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "url" varchar(500) NOT NULL DEFAULT (''), "title" varchar(200) NOT NULL DEFAULT (''), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_5c39f0315a87b3f4acf0c55874" ON "site_pages" ("organizationId", "url") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_5c39f0315a87b3f4acf0c55874"`);
    await queryRunner.query(`DROP TABLE "site_pages"`);
  }
}
