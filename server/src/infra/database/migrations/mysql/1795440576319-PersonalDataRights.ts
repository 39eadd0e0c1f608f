import { MigrationInterface, QueryRunner } from 'typeorm';

export class PersonalDataRights1795440576319 implements MigrationInterface {
  name = 'PersonalDataRights1795440576319';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`retention_settings\` (\`organizationId\` varchar(36) NOT NULL, \`inactiveVisitorDays\` int NOT NULL, \`rawEventDays\` int NOT NULL, \`updatedByEmployeeId\` varchar(36) NULL, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (\`organizationId\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`ALTER TABLE \`visitors\` ADD \`erasedAt\` datetime(3) NULL`);
    await queryRunner.query(
      `ALTER TABLE \`audit_log\` CHANGE \`employeeId\` \`employeeId\` varchar(36) NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`audit_log\` CHANGE \`employeeId\` \`employeeId\` varchar(36) NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE \`visitors\` DROP COLUMN \`erasedAt\``);
    await queryRunner.query(`DROP TABLE \`retention_settings\``);
  }
}
