import { MigrationInterface, QueryRunner } from 'typeorm';

export class LeadPool1795431838048 implements MigrationInterface {
  name = 'LeadPool1795431838048';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "lead_signals" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "leadId" varchar(36) NOT NULL, "signalId" varchar(40) NOT NULL DEFAULT (''), "label" varchar(40) NOT NULL DEFAULT (''), "tag" varchar(20) NOT NULL DEFAULT (''), "firedAt" datetime(3) NOT NULL, "eventIds" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_faf7255440ec09228bdd9451ae" ON "lead_signals" ("leadId", "signalId", "firedAt") `,
    );
    await queryRunner.query(
      `CREATE TABLE "scoring_settings" ("organizationId" varchar(36) PRIMARY KEY NOT NULL, "config" text NOT NULL, "updatedByEmployeeId" varchar(36), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`DROP INDEX "IDX_65768a02f3f16b47e335a0a7b2"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_lead_stage_changes" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "leadId" varchar(36) NOT NULL, "fromStage" varchar(16), "toStage" varchar(16) NOT NULL DEFAULT (''), "byEmployeeId" varchar(36), "reason" varchar(200) NOT NULL DEFAULT (''), "createdAt" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_lead_stage_changes"("id", "organizationId", "leadId", "fromStage", "toStage", "byEmployeeId", "reason", "createdAt") SELECT "id", "organizationId", "leadId", "fromStage", "toStage", "byEmployeeId", "reason", "createdAt" FROM "lead_stage_changes"`,
    );
    await queryRunner.query(`DROP TABLE "lead_stage_changes"`);
    await queryRunner.query(`ALTER TABLE "temporary_lead_stage_changes" RENAME TO "lead_stage_changes"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_65768a02f3f16b47e335a0a7b2" ON "lead_stage_changes" ("leadId") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_65768a02f3f16b47e335a0a7b2"`);
    await queryRunner.query(`ALTER TABLE "lead_stage_changes" RENAME TO "temporary_lead_stage_changes"`);
    await queryRunner.query(
      `CREATE TABLE "lead_stage_changes" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "leadId" varchar(36) NOT NULL, "fromStage" varchar(16), "toStage" varchar(16) NOT NULL DEFAULT (''), "byEmployeeId" varchar(36), "reason" varchar(200) NOT NULL DEFAULT (''), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "lead_stage_changes"("id", "organizationId", "leadId", "fromStage", "toStage", "byEmployeeId", "reason", "createdAt") SELECT "id", "organizationId", "leadId", "fromStage", "toStage", "byEmployeeId", "reason", "createdAt" FROM "temporary_lead_stage_changes"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_lead_stage_changes"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_65768a02f3f16b47e335a0a7b2" ON "lead_stage_changes" ("leadId") `,
    );
    await queryRunner.query(`DROP TABLE "scoring_settings"`);
    await queryRunner.query(`DROP INDEX "IDX_faf7255440ec09228bdd9451ae"`);
    await queryRunner.query(`DROP TABLE "lead_signals"`);
  }
}
