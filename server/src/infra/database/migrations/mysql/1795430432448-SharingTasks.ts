import { MigrationInterface, QueryRunner } from 'typeorm';

export class SharingTasks1795430432448 implements MigrationInterface {
  name = 'SharingTasks1795430432448';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`sharing_task_assignees\` (\`taskId\` varchar(36) NOT NULL, \`employeeId\` varchar(36) NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`departmentId\` varchar(36) NULL, \`notifiedAt\` datetime(3) NULL, INDEX \`IDX_3d49cf2891ba8dd5b24aff51c3\` (\`organizationId\`, \`employeeId\`), PRIMARY KEY (\`taskId\`, \`employeeId\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`sharing_tasks\` (\`id\` uuid NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`title\` varchar(40) NOT NULL DEFAULT '', \`materialId\` varchar(36) NOT NULL, \`note\` varchar(300) NOT NULL DEFAULT '', \`targetDepartmentIds\` text NOT NULL, \`targetEmployeeIds\` text NOT NULL, \`goalShares\` int NOT NULL DEFAULT '0', \`goalViews\` int NOT NULL DEFAULT '0', \`startsAt\` datetime(3) NOT NULL, \`deadline\` datetime(3) NOT NULL, \`status\` varchar(16) NOT NULL DEFAULT 'active', \`closedAt\` datetime(3) NULL, \`createdByEmployeeId\` varchar(36) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_f41c6bd7c3cde539ff79e0b60b\` (\`organizationId\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_f41c6bd7c3cde539ff79e0b60b\` ON \`sharing_tasks\``);
    await queryRunner.query(`DROP TABLE \`sharing_tasks\``);
    await queryRunner.query(`DROP INDEX \`IDX_3d49cf2891ba8dd5b24aff51c3\` ON \`sharing_task_assignees\``);
    await queryRunner.query(`DROP TABLE \`sharing_task_assignees\``);
  }
}
