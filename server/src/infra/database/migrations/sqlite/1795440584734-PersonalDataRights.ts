import { MigrationInterface, QueryRunner } from 'typeorm';

export class PersonalDataRights1795440584734 implements MigrationInterface {
  name = 'PersonalDataRights1795440584734';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_ea588a800ed3c9ecd3d465d9af"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_audit_log" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "employeeId" varchar(36) NOT NULL, "action" varchar(40) NOT NULL, "target" varchar(100) NOT NULL, "detail" text NOT NULL, "createdAt" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_audit_log"("id", "organizationId", "employeeId", "action", "target", "detail", "createdAt") SELECT "id", "organizationId", "employeeId", "action", "target", "detail", "createdAt" FROM "audit_log"`,
    );
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`ALTER TABLE "temporary_audit_log" RENAME TO "audit_log"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_ea588a800ed3c9ecd3d465d9af" ON "audit_log" ("organizationId", "createdAt") `,
    );
    await queryRunner.query(
      `CREATE TABLE "retention_settings" ("organizationId" varchar(36) PRIMARY KEY NOT NULL, "inactiveVisitorDays" integer NOT NULL, "rawEventDays" integer NOT NULL, "updatedByEmployeeId" varchar(36), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`DROP INDEX "IDX_16ceac1c13639a2f100e65e00d"`);
    await queryRunner.query(`DROP INDEX "IDX_930f02d73b341bd3c0d644552d"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_visitors" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "name" varchar(60), "avatarUrl" varchar(300), "phone" varchar(24), "firstShareId" varchar(36), "firstEmployeeId" varchar(36), "mergedIntoVisitorId" varchar(36), "firstSeenAt" datetime(3) NOT NULL, "lastSeenAt" datetime(3) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "erasedAt" datetime(3))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_visitors"("id", "organizationId", "name", "avatarUrl", "phone", "firstShareId", "firstEmployeeId", "mergedIntoVisitorId", "firstSeenAt", "lastSeenAt", "createdAt", "updatedAt") SELECT "id", "organizationId", "name", "avatarUrl", "phone", "firstShareId", "firstEmployeeId", "mergedIntoVisitorId", "firstSeenAt", "lastSeenAt", "createdAt", "updatedAt" FROM "visitors"`,
    );
    await queryRunner.query(`DROP TABLE "visitors"`);
    await queryRunner.query(`ALTER TABLE "temporary_visitors" RENAME TO "visitors"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_16ceac1c13639a2f100e65e00d" ON "visitors" ("organizationId", "lastSeenAt") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_930f02d73b341bd3c0d644552d" ON "visitors" ("firstEmployeeId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_ea588a800ed3c9ecd3d465d9af"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_audit_log" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "employeeId" varchar(36), "action" varchar(40) NOT NULL, "target" varchar(100) NOT NULL, "detail" text NOT NULL, "createdAt" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_audit_log"("id", "organizationId", "employeeId", "action", "target", "detail", "createdAt") SELECT "id", "organizationId", "employeeId", "action", "target", "detail", "createdAt" FROM "audit_log"`,
    );
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`ALTER TABLE "temporary_audit_log" RENAME TO "audit_log"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_ea588a800ed3c9ecd3d465d9af" ON "audit_log" ("organizationId", "createdAt") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_ea588a800ed3c9ecd3d465d9af"`);
    await queryRunner.query(`ALTER TABLE "audit_log" RENAME TO "temporary_audit_log"`);
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "employeeId" varchar(36) NOT NULL, "action" varchar(40) NOT NULL, "target" varchar(100) NOT NULL, "detail" text NOT NULL, "createdAt" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "audit_log"("id", "organizationId", "employeeId", "action", "target", "detail", "createdAt") SELECT "id", "organizationId", "employeeId", "action", "target", "detail", "createdAt" FROM "temporary_audit_log"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_audit_log"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_ea588a800ed3c9ecd3d465d9af" ON "audit_log" ("organizationId", "createdAt") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_930f02d73b341bd3c0d644552d"`);
    await queryRunner.query(`DROP INDEX "IDX_16ceac1c13639a2f100e65e00d"`);
    await queryRunner.query(`ALTER TABLE "visitors" RENAME TO "temporary_visitors"`);
    await queryRunner.query(
      `CREATE TABLE "visitors" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "name" varchar(60), "avatarUrl" varchar(300), "phone" varchar(24), "firstShareId" varchar(36), "firstEmployeeId" varchar(36), "mergedIntoVisitorId" varchar(36), "firstSeenAt" datetime(3) NOT NULL, "lastSeenAt" datetime(3) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "visitors"("id", "organizationId", "name", "avatarUrl", "phone", "firstShareId", "firstEmployeeId", "mergedIntoVisitorId", "firstSeenAt", "lastSeenAt", "createdAt", "updatedAt") SELECT "id", "organizationId", "name", "avatarUrl", "phone", "firstShareId", "firstEmployeeId", "mergedIntoVisitorId", "firstSeenAt", "lastSeenAt", "createdAt", "updatedAt" FROM "temporary_visitors"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_visitors"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_930f02d73b341bd3c0d644552d" ON "visitors" ("firstEmployeeId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_16ceac1c13639a2f100e65e00d" ON "visitors" ("organizationId", "lastSeenAt") `,
    );
    await queryRunner.query(`DROP TABLE "retention_settings"`);
    await queryRunner.query(`DROP INDEX "IDX_ea588a800ed3c9ecd3d465d9af"`);
    await queryRunner.query(`ALTER TABLE "audit_log" RENAME TO "temporary_audit_log"`);
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "employeeId" varchar(36) NOT NULL, "action" varchar(40) NOT NULL, "target" varchar(100) NOT NULL, "detail" text NOT NULL, "createdAt" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "audit_log"("id", "organizationId", "employeeId", "action", "target", "detail", "createdAt") SELECT "id", "organizationId", "employeeId", "action", "target", "detail", "createdAt" FROM "temporary_audit_log"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_audit_log"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_ea588a800ed3c9ecd3d465d9af" ON "audit_log" ("organizationId", "createdAt") `,
    );
  }
}
