import { MigrationInterface, QueryRunner } from 'typeorm';

export class HandoffDeadlines1795433853969 implements MigrationInterface {
  name = 'HandoffDeadlines1795433853969';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`handoff_settings\` (\`organizationId\` varchar(36) NOT NULL, \`sqlFollowUpHours\` int NOT NULL, \`returnToPoolDays\` int NOT NULL, \`updatedByEmployeeId\` varchar(36) NULL, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (\`organizationId\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`ALTER TABLE \`leads\` ADD \`assignedAt\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`leads\` ADD \`sqlAt\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`leads\` ADD \`lastFollowedUpAt\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`leads\` ADD \`reminderSentAt\` datetime(3) NULL`);
    // Leads that already had an owner count their hand-off deadlines from their creation.
    await queryRunner.query(
      `UPDATE \`leads\` SET \`assignedAt\` = \`createdAt\` WHERE \`ownerEmployeeId\` IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`leads\` DROP COLUMN \`reminderSentAt\``);
    await queryRunner.query(`ALTER TABLE \`leads\` DROP COLUMN \`lastFollowedUpAt\``);
    await queryRunner.query(`ALTER TABLE \`leads\` DROP COLUMN \`sqlAt\``);
    await queryRunner.query(`ALTER TABLE \`leads\` DROP COLUMN \`assignedAt\``);
    await queryRunner.query(`DROP TABLE \`handoff_settings\``);
  }
}
