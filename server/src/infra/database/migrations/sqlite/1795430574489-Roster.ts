import { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillEmployeeContacts } from '../backfill-employee-contacts';

export class Roster1795430574489 implements MigrationInterface {
  name = 'Roster1795430574489';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "employee_imports" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "createdByEmployeeId" varchar(36) NOT NULL, "fileName" varchar(200) NOT NULL DEFAULT (''), "status" varchar(16) NOT NULL DEFAULT ('running'), "total" integer NOT NULL DEFAULT (0), "processed" integer NOT NULL DEFAULT (0), "created" integer NOT NULL DEFAULT (0), "updated" integer NOT NULL DEFAULT (0), "unchanged" integer NOT NULL DEFAULT (0), "failed" integer NOT NULL DEFAULT (0), "errors" text NOT NULL, "failure" varchar(300), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "finishedAt" datetime(3))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9c31361f8d286952f4e3c105fc" ON "employee_imports" ("organizationId", "status") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_30f631925f9d42a2928e255a6e"`);
    await queryRunner.query(`DROP INDEX "IDX_3771a9f4bd025873a29c1afcd7"`);
    await queryRunner.query(`DROP INDEX "IDX_42fc92a9c7cb829eb2cd42b82b"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_employees" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "departmentId" varchar(36), "name" varchar(40) NOT NULL DEFAULT (''), "title" varchar(60) NOT NULL DEFAULT (''), "role" varchar(16) NOT NULL DEFAULT ('employee'), "status" varchar(16) NOT NULL DEFAULT ('invited'), "account" varchar(120), "passwordHash" varchar(200), "wechatUserId" varchar(36), "joinedAt" datetime(3), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "phone" varchar(20), "email" varchar(120))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_employees"("id", "organizationId", "departmentId", "name", "title", "role", "status", "account", "passwordHash", "wechatUserId", "joinedAt", "createdAt", "updatedAt") SELECT "id", "organizationId", "departmentId", "name", "title", "role", "status", "account", "passwordHash", "wechatUserId", "joinedAt", "createdAt", "updatedAt" FROM "employees"`,
    );
    await queryRunner.query(`DROP TABLE "employees"`);
    await queryRunner.query(`ALTER TABLE "temporary_employees" RENAME TO "employees"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_30f631925f9d42a2928e255a6e" ON "employees" ("organizationId", "departmentId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_3771a9f4bd025873a29c1afcd7" ON "employees" ("wechatUserId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_42fc92a9c7cb829eb2cd42b82b" ON "employees" ("account") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_7e83ce337d7020d13b11dd32f6"`);
    await queryRunner.query(`DROP INDEX "IDX_dfcfae6af22931048ef7307841"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_invitations" ("id" varchar PRIMARY KEY NOT NULL, "code" varchar(32) NOT NULL DEFAULT (''), "organizationId" varchar(36) NOT NULL, "employeeId" varchar(36) NOT NULL, "createdByEmployeeId" varchar(36) NOT NULL, "expiresAt" datetime(3) NOT NULL, "acceptedAt" datetime(3), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "revokedAt" datetime(3))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_invitations"("id", "code", "organizationId", "employeeId", "createdByEmployeeId", "expiresAt", "acceptedAt", "createdAt") SELECT "id", "code", "organizationId", "employeeId", "createdByEmployeeId", "expiresAt", "acceptedAt", "createdAt" FROM "invitations"`,
    );
    await queryRunner.query(`DROP TABLE "invitations"`);
    await queryRunner.query(`ALTER TABLE "temporary_invitations" RENAME TO "invitations"`);
    await queryRunner.query(`CREATE INDEX "IDX_7e83ce337d7020d13b11dd32f6" ON "invitations" ("employeeId") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_dfcfae6af22931048ef7307841" ON "invitations" ("code") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_161d0181b2ef6c0851f9cc1a6e" ON "employees" ("organizationId", "email") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_7e82170559622b964ac2321dad" ON "employees" ("organizationId", "phone") `,
    );
    await backfillEmployeeContacts(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_7e82170559622b964ac2321dad"`);
    await queryRunner.query(`DROP INDEX "IDX_161d0181b2ef6c0851f9cc1a6e"`);
    await queryRunner.query(`DROP INDEX "IDX_dfcfae6af22931048ef7307841"`);
    await queryRunner.query(`DROP INDEX "IDX_7e83ce337d7020d13b11dd32f6"`);
    await queryRunner.query(`ALTER TABLE "invitations" RENAME TO "temporary_invitations"`);
    await queryRunner.query(
      `CREATE TABLE "invitations" ("id" varchar PRIMARY KEY NOT NULL, "code" varchar(32) NOT NULL DEFAULT (''), "organizationId" varchar(36) NOT NULL, "employeeId" varchar(36) NOT NULL, "createdByEmployeeId" varchar(36) NOT NULL, "expiresAt" datetime(3) NOT NULL, "acceptedAt" datetime(3), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "invitations"("id", "code", "organizationId", "employeeId", "createdByEmployeeId", "expiresAt", "acceptedAt", "createdAt") SELECT "id", "code", "organizationId", "employeeId", "createdByEmployeeId", "expiresAt", "acceptedAt", "createdAt" FROM "temporary_invitations"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_invitations"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_dfcfae6af22931048ef7307841" ON "invitations" ("code") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_7e83ce337d7020d13b11dd32f6" ON "invitations" ("employeeId") `);
    await queryRunner.query(`DROP INDEX "IDX_42fc92a9c7cb829eb2cd42b82b"`);
    await queryRunner.query(`DROP INDEX "IDX_3771a9f4bd025873a29c1afcd7"`);
    await queryRunner.query(`DROP INDEX "IDX_30f631925f9d42a2928e255a6e"`);
    await queryRunner.query(`ALTER TABLE "employees" RENAME TO "temporary_employees"`);
    await queryRunner.query(
      `CREATE TABLE "employees" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "departmentId" varchar(36), "name" varchar(40) NOT NULL DEFAULT (''), "title" varchar(60) NOT NULL DEFAULT (''), "role" varchar(16) NOT NULL DEFAULT ('employee'), "status" varchar(16) NOT NULL DEFAULT ('invited'), "account" varchar(120), "passwordHash" varchar(200), "wechatUserId" varchar(36), "joinedAt" datetime(3), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "employees"("id", "organizationId", "departmentId", "name", "title", "role", "status", "account", "passwordHash", "wechatUserId", "joinedAt", "createdAt", "updatedAt") SELECT "id", "organizationId", "departmentId", "name", "title", "role", "status", "account", "passwordHash", "wechatUserId", "joinedAt", "createdAt", "updatedAt" FROM "temporary_employees"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_employees"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_42fc92a9c7cb829eb2cd42b82b" ON "employees" ("account") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_3771a9f4bd025873a29c1afcd7" ON "employees" ("wechatUserId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_30f631925f9d42a2928e255a6e" ON "employees" ("organizationId", "departmentId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_9c31361f8d286952f4e3c105fc"`);
    await queryRunner.query(`DROP TABLE "employee_imports"`);
  }
}
