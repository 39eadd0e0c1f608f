import { MigrationInterface, QueryRunner } from 'typeorm';

export class Materials1795425926093 implements MigrationInterface {
  name = 'Materials1795425926093';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "materials" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "type" varchar(16) NOT NULL DEFAULT (''), "title" varchar(120) NOT NULL DEFAULT (''), "summary" varchar(300) NOT NULL DEFAULT (''), "coverUrl" varchar(300), "body" text, "mediaUrl" varchar(300), "category" varchar(40) NOT NULL DEFAULT (''), "tags" text NOT NULL, "status" varchar(16) NOT NULL DEFAULT ('draft'), "createdByEmployeeId" varchar(36) NOT NULL, "publishedAt" datetime(3), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2b8bf42ce63fb7793c9466d76d" ON "materials" ("organizationId", "status", "publishedAt") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_2b8bf42ce63fb7793c9466d76d"`);
    await queryRunner.query(`DROP TABLE "materials"`);
  }
}
