import { MigrationInterface, QueryRunner } from 'typeorm';

export class BoardRollups1795440646932 implements MigrationInterface {
  name = 'BoardRollups1795440646932';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "board_rollup_seen" ("organizationId" varchar(36) NOT NULL, "period" varchar(5) NOT NULL, "periodKey" varchar(10) NOT NULL, "subjectKind" varchar(12) NOT NULL, "subjectId" varchar(36) NOT NULL, "metric" varchar(16) NOT NULL, "visitorId" varchar(36) NOT NULL, "batchId" varchar(36) NOT NULL, PRIMARY KEY ("organizationId", "period", "periodKey", "subjectKind", "subjectId", "metric", "visitorId"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cd9e668ad1d9d166c2991bf910" ON "board_rollup_seen" ("batchId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "board_rollups" ("organizationId" varchar(36) NOT NULL, "period" varchar(5) NOT NULL, "periodKey" varchar(10) NOT NULL, "subjectKind" varchar(12) NOT NULL, "subjectId" varchar(36) NOT NULL, "metric" varchar(16) NOT NULL, "value" double NOT NULL DEFAULT (0), PRIMARY KEY ("organizationId", "period", "periodKey", "subjectKind", "subjectId", "metric"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_board_rollups_top" ON "board_rollups" ("organizationId", "period", "periodKey", "subjectKind", "metric", "value") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_963693341bd612aa01ddf3a4b6"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_organizations" ("id" varchar PRIMARY KEY NOT NULL, "name" varchar(80) NOT NULL DEFAULT (''), "slug" varchar(40) NOT NULL DEFAULT (''), "timezone" varchar(40) NOT NULL DEFAULT ('Asia/Shanghai'), "siteUrl" varchar(300) NOT NULL DEFAULT (''), "siteOrigins" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "creditSplit" varchar(8) NOT NULL DEFAULT ('root'))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_organizations"("id", "name", "slug", "timezone", "siteUrl", "siteOrigins", "createdAt", "updatedAt") SELECT "id", "name", "slug", "timezone", "siteUrl", "siteOrigins", "createdAt", "updatedAt" FROM "organizations"`,
    );
    await queryRunner.query(`DROP TABLE "organizations"`);
    await queryRunner.query(`ALTER TABLE "temporary_organizations" RENAME TO "organizations"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_963693341bd612aa01ddf3a4b6" ON "organizations" ("slug") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_963693341bd612aa01ddf3a4b6"`);
    await queryRunner.query(`ALTER TABLE "organizations" RENAME TO "temporary_organizations"`);
    await queryRunner.query(
      `CREATE TABLE "organizations" ("id" varchar PRIMARY KEY NOT NULL, "name" varchar(80) NOT NULL DEFAULT (''), "slug" varchar(40) NOT NULL DEFAULT (''), "timezone" varchar(40) NOT NULL DEFAULT ('Asia/Shanghai'), "siteUrl" varchar(300) NOT NULL DEFAULT (''), "siteOrigins" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "organizations"("id", "name", "slug", "timezone", "siteUrl", "siteOrigins", "createdAt", "updatedAt") SELECT "id", "name", "slug", "timezone", "siteUrl", "siteOrigins", "createdAt", "updatedAt" FROM "temporary_organizations"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_organizations"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_963693341bd612aa01ddf3a4b6" ON "organizations" ("slug") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_board_rollups_top"`);
    await queryRunner.query(`DROP TABLE "board_rollups"`);
    await queryRunner.query(`DROP INDEX "IDX_cd9e668ad1d9d166c2991bf910"`);
    await queryRunner.query(`DROP TABLE "board_rollup_seen"`);
  }
}
