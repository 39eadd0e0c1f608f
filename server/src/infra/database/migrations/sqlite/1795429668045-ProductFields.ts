import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProductFields1795429668045 implements MigrationInterface {
  name = 'ProductFields1795429668045';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_2b8bf42ce63fb7793c9466d76d"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_materials" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "type" varchar(16) NOT NULL DEFAULT (''), "title" varchar(120) NOT NULL DEFAULT (''), "summary" varchar(300) NOT NULL DEFAULT (''), "coverUrl" varchar(300), "body" text, "mediaUrl" varchar(300), "category" varchar(40) NOT NULL DEFAULT (''), "tags" text NOT NULL, "status" varchar(16) NOT NULL DEFAULT ('draft'), "createdByEmployeeId" varchar(36) NOT NULL, "publishedAt" datetime(3), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "priceText" varchar(40) NOT NULL DEFAULT (''), "specs" text, "images" text)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_materials"("id", "organizationId", "type", "title", "summary", "coverUrl", "body", "mediaUrl", "category", "tags", "status", "createdByEmployeeId", "publishedAt", "createdAt", "updatedAt") SELECT "id", "organizationId", "type", "title", "summary", "coverUrl", "body", "mediaUrl", "category", "tags", "status", "createdByEmployeeId", "publishedAt", "createdAt", "updatedAt" FROM "materials"`,
    );
    await queryRunner.query(`DROP TABLE "materials"`);
    await queryRunner.query(`ALTER TABLE "temporary_materials" RENAME TO "materials"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_2b8bf42ce63fb7793c9466d76d" ON "materials" ("organizationId", "status", "publishedAt") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_2b8bf42ce63fb7793c9466d76d"`);
    await queryRunner.query(`ALTER TABLE "materials" RENAME TO "temporary_materials"`);
    await queryRunner.query(
      `CREATE TABLE "materials" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "type" varchar(16) NOT NULL DEFAULT (''), "title" varchar(120) NOT NULL DEFAULT (''), "summary" varchar(300) NOT NULL DEFAULT (''), "coverUrl" varchar(300), "body" text, "mediaUrl" varchar(300), "category" varchar(40) NOT NULL DEFAULT (''), "tags" text NOT NULL, "status" varchar(16) NOT NULL DEFAULT ('draft'), "createdByEmployeeId" varchar(36) NOT NULL, "publishedAt" datetime(3), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "materials"("id", "organizationId", "type", "title", "summary", "coverUrl", "body", "mediaUrl", "category", "tags", "status", "createdByEmployeeId", "publishedAt", "createdAt", "updatedAt") SELECT "id", "organizationId", "type", "title", "summary", "coverUrl", "body", "mediaUrl", "category", "tags", "status", "createdByEmployeeId", "publishedAt", "createdAt", "updatedAt" FROM "temporary_materials"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_materials"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_2b8bf42ce63fb7793c9466d76d" ON "materials" ("organizationId", "status", "publishedAt") `,
    );
  }
}
