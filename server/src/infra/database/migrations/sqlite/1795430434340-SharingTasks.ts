import { MigrationInterface, QueryRunner } from 'typeorm';

export class SharingTasks1795430434340 implements MigrationInterface {
  name = 'SharingTasks1795430434340';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sharing_task_assignees" ("taskId" varchar(36) NOT NULL, "employeeId" varchar(36) NOT NULL, "organizationId" varchar(36) NOT NULL, "departmentId" varchar(36), "notifiedAt" datetime(3), PRIMARY KEY ("taskId", "employeeId"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3d49cf2891ba8dd5b24aff51c3" ON "sharing_task_assignees" ("organizationId", "employeeId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sharing_tasks" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "title" varchar(40) NOT NULL DEFAULT (''), "materialId" varchar(36) NOT NULL, "note" varchar(300) NOT NULL DEFAULT (''), "targetDepartmentIds" text NOT NULL, "targetEmployeeIds" text NOT NULL, "goalShares" integer NOT NULL DEFAULT (0), "goalViews" integer NOT NULL DEFAULT (0), "startsAt" datetime(3) NOT NULL, "deadline" datetime(3) NOT NULL, "status" varchar(16) NOT NULL DEFAULT ('active'), "closedAt" datetime(3), "createdByEmployeeId" varchar(36) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f41c6bd7c3cde539ff79e0b60b" ON "sharing_tasks" ("organizationId", "createdAt") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_f41c6bd7c3cde539ff79e0b60b"`);
    await queryRunner.query(`DROP TABLE "sharing_tasks"`);
    await queryRunner.query(`DROP INDEX "IDX_3d49cf2891ba8dd5b24aff51c3"`);
    await queryRunner.query(`DROP TABLE "sharing_task_assignees"`);
  }
}
