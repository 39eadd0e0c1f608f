import { MigrationInterface, QueryRunner } from 'typeorm';

export class HandoffDeadlines1795433856066 implements MigrationInterface {
  name = 'HandoffDeadlines1795433856066';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "handoff_settings" ("organizationId" varchar(36) PRIMARY KEY NOT NULL, "sqlFollowUpHours" integer NOT NULL, "returnToPoolDays" integer NOT NULL, "updatedByEmployeeId" varchar(36), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`DROP INDEX "IDX_2881bbecc6cebfd55cacde9f8c"`);
    await queryRunner.query(`DROP INDEX "IDX_0f7eb0ee932b9cb26e7589ddf1"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_leads" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "visitorId" varchar(36) NOT NULL, "ownerEmployeeId" varchar(36), "stage" varchar(16) NOT NULL DEFAULT ('visitor'), "score" integer NOT NULL DEFAULT (0), "tags" text NOT NULL, "source" varchar(16) NOT NULL DEFAULT (''), "firstShareId" varchar(36), "lastActivityAt" datetime(3), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "assignedAt" datetime(3), "sqlAt" datetime(3), "lastFollowedUpAt" datetime(3), "reminderSentAt" datetime(3))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_leads"("id", "organizationId", "visitorId", "ownerEmployeeId", "stage", "score", "tags", "source", "firstShareId", "lastActivityAt", "createdAt", "updatedAt") SELECT "id", "organizationId", "visitorId", "ownerEmployeeId", "stage", "score", "tags", "source", "firstShareId", "lastActivityAt", "createdAt", "updatedAt" FROM "leads"`,
    );
    await queryRunner.query(`DROP TABLE "leads"`);
    await queryRunner.query(`ALTER TABLE "temporary_leads" RENAME TO "leads"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_2881bbecc6cebfd55cacde9f8c" ON "leads" ("organizationId", "ownerEmployeeId", "stage") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0f7eb0ee932b9cb26e7589ddf1" ON "leads" ("visitorId") `);
    // Leads that already had an owner count their hand-off deadlines from their creation.
    await queryRunner.query(
      `UPDATE "leads" SET "assignedAt" = "createdAt" WHERE "ownerEmployeeId" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_0f7eb0ee932b9cb26e7589ddf1"`);
    await queryRunner.query(`DROP INDEX "IDX_2881bbecc6cebfd55cacde9f8c"`);
    await queryRunner.query(`ALTER TABLE "leads" RENAME TO "temporary_leads"`);
    await queryRunner.query(
      `CREATE TABLE "leads" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "visitorId" varchar(36) NOT NULL, "ownerEmployeeId" varchar(36), "stage" varchar(16) NOT NULL DEFAULT ('visitor'), "score" integer NOT NULL DEFAULT (0), "tags" text NOT NULL, "source" varchar(16) NOT NULL DEFAULT (''), "firstShareId" varchar(36), "lastActivityAt" datetime(3), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "leads"("id", "organizationId", "visitorId", "ownerEmployeeId", "stage", "score", "tags", "source", "firstShareId", "lastActivityAt", "createdAt", "updatedAt") SELECT "id", "organizationId", "visitorId", "ownerEmployeeId", "stage", "score", "tags", "source", "firstShareId", "lastActivityAt", "createdAt", "updatedAt" FROM "temporary_leads"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_leads"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0f7eb0ee932b9cb26e7589ddf1" ON "leads" ("visitorId") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_2881bbecc6cebfd55cacde9f8c" ON "leads" ("organizationId", "ownerEmployeeId", "stage") `,
    );
    await queryRunner.query(`DROP TABLE "handoff_settings"`);
  }
}
