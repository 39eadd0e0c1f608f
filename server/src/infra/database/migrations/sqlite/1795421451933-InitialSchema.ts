import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795421451933 implements MigrationInterface {
  name = 'InitialSchema1795421451933';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "wechat_users" ("id" varchar PRIMARY KEY NOT NULL, "openid" varchar(64) NOT NULL DEFAULT (''), "unionid" varchar(64), "sessionKey" varchar(64) NOT NULL DEFAULT (''), "lastLoginAt" datetime(3) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_9668e93a267037e050f9188175" ON "wechat_users" ("openid") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_4d68712818560b19bb3da02b26" ON "wechat_users" ("unionid") `);
    await queryRunner.query(
      `CREATE TABLE "cards" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "employeeId" varchar(36) NOT NULL, "name" varchar(40) NOT NULL DEFAULT (''), "title" varchar(60) NOT NULL DEFAULT (''), "company" varchar(80) NOT NULL DEFAULT (''), "avatarUrl" varchar(300), "phone" varchar(24) NOT NULL DEFAULT (''), "wechatId" varchar(20) NOT NULL DEFAULT (''), "email" varchar(120) NOT NULL DEFAULT (''), "address" varchar(120) NOT NULL DEFAULT (''), "bio" varchar(500) NOT NULL DEFAULT (''), "siteUrl" varchar(300) NOT NULL DEFAULT (''), "introMediaUrl" varchar(300), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_068e42ade1a3be7c3d9dd73467" ON "cards" ("organizationId") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_9e56d8fcb2692505c05907be8a" ON "cards" ("employeeId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "follow_ups" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "leadId" varchar(36) NOT NULL, "employeeId" varchar(36) NOT NULL, "note" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ab0e5914587e9680c608da4882" ON "follow_ups" ("leadId") `);
    await queryRunner.query(
      `CREATE TABLE "leads" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "visitorId" varchar(36) NOT NULL, "ownerEmployeeId" varchar(36), "stage" varchar(16) NOT NULL DEFAULT ('visitor'), "score" integer NOT NULL DEFAULT (0), "tags" text NOT NULL, "source" varchar(16) NOT NULL DEFAULT (''), "firstShareId" varchar(36), "lastActivityAt" datetime(3), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0f7eb0ee932b9cb26e7589ddf1" ON "leads" ("visitorId") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_2881bbecc6cebfd55cacde9f8c" ON "leads" ("organizationId", "ownerEmployeeId", "stage") `,
    );
    await queryRunner.query(
      `CREATE TABLE "lead_stage_changes" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "leadId" varchar(36) NOT NULL, "fromStage" varchar(16), "toStage" varchar(16) NOT NULL DEFAULT (''), "byEmployeeId" varchar(36), "reason" varchar(200) NOT NULL DEFAULT (''), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_65768a02f3f16b47e335a0a7b2" ON "lead_stage_changes" ("leadId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "departments" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "parentId" varchar(36), "name" varchar(60) NOT NULL DEFAULT (''), "sortOrder" integer NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0e8b5929c299721994528ddba3" ON "departments" ("organizationId", "parentId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "employees" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "departmentId" varchar(36), "name" varchar(40) NOT NULL DEFAULT (''), "title" varchar(60) NOT NULL DEFAULT (''), "role" varchar(16) NOT NULL DEFAULT ('employee'), "status" varchar(16) NOT NULL DEFAULT ('invited'), "account" varchar(120), "passwordHash" varchar(200), "wechatUserId" varchar(36), "joinedAt" datetime(3), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_42fc92a9c7cb829eb2cd42b82b" ON "employees" ("account") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_3771a9f4bd025873a29c1afcd7" ON "employees" ("wechatUserId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_30f631925f9d42a2928e255a6e" ON "employees" ("organizationId", "departmentId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "invitations" ("id" varchar PRIMARY KEY NOT NULL, "code" varchar(32) NOT NULL DEFAULT (''), "organizationId" varchar(36) NOT NULL, "employeeId" varchar(36) NOT NULL, "createdByEmployeeId" varchar(36) NOT NULL, "expiresAt" datetime(3) NOT NULL, "acceptedAt" datetime(3), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_dfcfae6af22931048ef7307841" ON "invitations" ("code") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_7e83ce337d7020d13b11dd32f6" ON "invitations" ("employeeId") `);
    await queryRunner.query(
      `CREATE TABLE "organizations" ("id" varchar PRIMARY KEY NOT NULL, "name" varchar(80) NOT NULL DEFAULT (''), "slug" varchar(40) NOT NULL DEFAULT (''), "timezone" varchar(40) NOT NULL DEFAULT ('Asia/Shanghai'), "siteUrl" varchar(300) NOT NULL DEFAULT (''), "siteOrigins" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_963693341bd612aa01ddf3a4b6" ON "organizations" ("slug") `,
    );
    await queryRunner.query(
      `CREATE TABLE "consents" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "visitorId" varchar(36) NOT NULL, "purpose" varchar(40) NOT NULL DEFAULT (''), "policyVersion" varchar(20) NOT NULL DEFAULT (''), "touchpoint" varchar(16) NOT NULL DEFAULT (''), "granted" boolean NOT NULL, "withdrawnAt" datetime(3), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1f00e110fb2c3255c475a7c8f3" ON "consents" ("organizationId", "visitorId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "shares" ("id" varchar PRIMARY KEY NOT NULL, "code" varchar(16) NOT NULL DEFAULT (''), "organizationId" varchar(36) NOT NULL, "targetType" varchar(16) NOT NULL DEFAULT (''), "targetId" varchar(36) NOT NULL, "channel" varchar(16) NOT NULL DEFAULT (''), "parentShareId" varchar(36), "rootShareId" varchar(36) NOT NULL, "depth" integer NOT NULL DEFAULT (0), "sharerEmployeeId" varchar(36), "sharerVisitorId" varchar(36), "creditedEmployeeId" varchar(36) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3dadfa45a0af6a14288837fd46" ON "shares" ("code") `);
    await queryRunner.query(`CREATE INDEX "IDX_f2f5ebd3d821b341465c0380de" ON "shares" ("parentShareId") `);
    await queryRunner.query(`CREATE INDEX "IDX_549c37750821e39bd9642e060b" ON "shares" ("rootShareId") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_f5ae190a4fde312f516ca63413" ON "shares" ("organizationId", "targetType", "targetId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c1b6f9c6398b655ab0a467e535" ON "shares" ("organizationId", "creditedEmployeeId", "createdAt") `,
    );
    await queryRunner.query(
      `CREATE TABLE "daily_rollups" ("organizationId" varchar(36) NOT NULL, "day" varchar(10) NOT NULL, "metric" varchar(24) NOT NULL, "employeeId" varchar(36) NOT NULL, "targetId" varchar(36) NOT NULL, "departmentId" varchar(36) NOT NULL DEFAULT (''), "targetType" varchar(16) NOT NULL DEFAULT (''), "count" integer NOT NULL DEFAULT (0), PRIMARY KEY ("organizationId", "day", "metric", "employeeId", "targetId"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "events" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "type" varchar(16) NOT NULL DEFAULT (''), "targetType" varchar(16) NOT NULL DEFAULT (''), "targetId" varchar(36) NOT NULL, "shareId" varchar(36), "visitId" varchar(36), "visitorId" varchar(36), "actorEmployeeId" varchar(36), "creditedEmployeeId" varchar(36), "touchpoint" varchar(16) NOT NULL DEFAULT (''), "verdict" varchar(16), "counted" boolean NOT NULL DEFAULT (0), "props" text, "userAgent" varchar(400), "occurredAt" datetime(3) NOT NULL, "receivedAt" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_37a989e1157c94fdefedfd5e02" ON "events" ("visitId") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_3be64b252eb4e7e35aa3bc03c1" ON "events" ("organizationId", "visitorId", "targetType", "targetId", "occurredAt") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1bbf050ca06c91f269c7e40c43" ON "events" ("organizationId", "creditedEmployeeId", "occurredAt") `,
    );
    await queryRunner.query(
      `CREATE TABLE "visitor_identities" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "visitorId" varchar(36) NOT NULL, "kind" varchar(16) NOT NULL DEFAULT (''), "value" varchar(64) NOT NULL DEFAULT (''), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a0df1ab1ba55ba2222b2496a6d" ON "visitor_identities" ("visitorId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_5fc87d7af9159a8c29751e0e10" ON "visitor_identities" ("organizationId", "kind", "value") `,
    );
    await queryRunner.query(
      `CREATE TABLE "visitors" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "name" varchar(60), "avatarUrl" varchar(300), "phone" varchar(24), "firstShareId" varchar(36), "firstEmployeeId" varchar(36), "mergedIntoVisitorId" varchar(36), "firstSeenAt" datetime(3) NOT NULL, "lastSeenAt" datetime(3) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_930f02d73b341bd3c0d644552d" ON "visitors" ("firstEmployeeId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_16ceac1c13639a2f100e65e00d" ON "visitors" ("organizationId", "lastSeenAt") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_16ceac1c13639a2f100e65e00d"`);
    await queryRunner.query(`DROP INDEX "IDX_930f02d73b341bd3c0d644552d"`);
    await queryRunner.query(`DROP TABLE "visitors"`);
    await queryRunner.query(`DROP INDEX "IDX_5fc87d7af9159a8c29751e0e10"`);
    await queryRunner.query(`DROP INDEX "IDX_a0df1ab1ba55ba2222b2496a6d"`);
    await queryRunner.query(`DROP TABLE "visitor_identities"`);
    await queryRunner.query(`DROP INDEX "IDX_1bbf050ca06c91f269c7e40c43"`);
    await queryRunner.query(`DROP INDEX "IDX_3be64b252eb4e7e35aa3bc03c1"`);
    await queryRunner.query(`DROP INDEX "IDX_37a989e1157c94fdefedfd5e02"`);
    await queryRunner.query(`DROP TABLE "events"`);
    await queryRunner.query(`DROP TABLE "daily_rollups"`);
    await queryRunner.query(`DROP INDEX "IDX_c1b6f9c6398b655ab0a467e535"`);
    await queryRunner.query(`DROP INDEX "IDX_f5ae190a4fde312f516ca63413"`);
    await queryRunner.query(`DROP INDEX "IDX_549c37750821e39bd9642e060b"`);
    await queryRunner.query(`DROP INDEX "IDX_f2f5ebd3d821b341465c0380de"`);
    await queryRunner.query(`DROP INDEX "IDX_3dadfa45a0af6a14288837fd46"`);
    await queryRunner.query(`DROP TABLE "shares"`);
    await queryRunner.query(`DROP INDEX "IDX_1f00e110fb2c3255c475a7c8f3"`);
    await queryRunner.query(`DROP TABLE "consents"`);
    await queryRunner.query(`DROP INDEX "IDX_963693341bd612aa01ddf3a4b6"`);
    await queryRunner.query(`DROP TABLE "organizations"`);
    await queryRunner.query(`DROP INDEX "IDX_7e83ce337d7020d13b11dd32f6"`);
    await queryRunner.query(`DROP INDEX "IDX_dfcfae6af22931048ef7307841"`);
    await queryRunner.query(`DROP TABLE "invitations"`);
    await queryRunner.query(`DROP INDEX "IDX_30f631925f9d42a2928e255a6e"`);
    await queryRunner.query(`DROP INDEX "IDX_3771a9f4bd025873a29c1afcd7"`);
    await queryRunner.query(`DROP INDEX "IDX_42fc92a9c7cb829eb2cd42b82b"`);
    await queryRunner.query(`DROP TABLE "employees"`);
    await queryRunner.query(`DROP INDEX "IDX_0e8b5929c299721994528ddba3"`);
    await queryRunner.query(`DROP TABLE "departments"`);
    await queryRunner.query(`DROP INDEX "IDX_65768a02f3f16b47e335a0a7b2"`);
    await queryRunner.query(`DROP TABLE "lead_stage_changes"`);
    await queryRunner.query(`DROP INDEX "IDX_2881bbecc6cebfd55cacde9f8c"`);
    await queryRunner.query(`DROP INDEX "IDX_0f7eb0ee932b9cb26e7589ddf1"`);
    await queryRunner.query(`DROP TABLE "leads"`);
    await queryRunner.query(`DROP INDEX "IDX_ab0e5914587e9680c608da4882"`);
    await queryRunner.query(`DROP TABLE "follow_ups"`);
    await queryRunner.query(`DROP INDEX "IDX_9e56d8fcb2692505c05907be8a"`);
    await queryRunner.query(`DROP INDEX "IDX_068e42ade1a3be7c3d9dd73467"`);
    await queryRunner.query(`DROP TABLE "cards"`);
    await queryRunner.query(`DROP INDEX "IDX_4d68712818560b19bb3da02b26"`);
    await queryRunner.query(`DROP INDEX "IDX_9668e93a267037e050f9188175"`);
    await queryRunner.query(`DROP TABLE "wechat_users"`);
  }
}
