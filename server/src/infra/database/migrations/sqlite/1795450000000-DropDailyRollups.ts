import { MigrationInterface, QueryRunner } from 'typeorm';

/** The first per-day counters, unused since the boards read board_rollups (issue 5). */
export class DropDailyRollups1795450000000 implements MigrationInterface {
  name = 'DropDailyRollups1795450000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "daily_rollups"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "daily_rollups" ("organizationId" varchar(36) NOT NULL, "day" varchar(10) NOT NULL, "metric" varchar(24) NOT NULL, "employeeId" varchar(36) NOT NULL, "targetId" varchar(36) NOT NULL, "departmentId" varchar(36) NOT NULL DEFAULT (''), "targetType" varchar(16) NOT NULL DEFAULT (''), "count" integer NOT NULL DEFAULT (0), PRIMARY KEY ("organizationId", "day", "metric", "employeeId", "targetId"))`,
    );
  }
}
