import { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillEmployeeContacts } from '../backfill-employee-contacts';

export class Roster1795430570619 implements MigrationInterface {
  name = 'Roster1795430570619';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`employee_imports\` (\`id\` uuid NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`createdByEmployeeId\` varchar(36) NOT NULL, \`fileName\` varchar(200) NOT NULL DEFAULT '', \`status\` varchar(16) NOT NULL DEFAULT 'running', \`total\` int NOT NULL DEFAULT '0', \`processed\` int NOT NULL DEFAULT '0', \`created\` int NOT NULL DEFAULT '0', \`updated\` int NOT NULL DEFAULT '0', \`unchanged\` int NOT NULL DEFAULT '0', \`failed\` int NOT NULL DEFAULT '0', \`errors\` text NOT NULL, \`failure\` varchar(300) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`finishedAt\` datetime(3) NULL, INDEX \`IDX_9c31361f8d286952f4e3c105fc\` (\`organizationId\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`ALTER TABLE \`employees\` ADD \`phone\` varchar(20) NULL`);
    await queryRunner.query(`ALTER TABLE \`employees\` ADD \`email\` varchar(120) NULL`);
    await queryRunner.query(`ALTER TABLE \`invitations\` ADD \`revokedAt\` datetime(3) NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX \`IDX_161d0181b2ef6c0851f9cc1a6e\` ON \`employees\` (\`organizationId\`, \`email\`)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX \`IDX_7e82170559622b964ac2321dad\` ON \`employees\` (\`organizationId\`, \`phone\`)`,
    );
    await backfillEmployeeContacts(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_7e82170559622b964ac2321dad\` ON \`employees\``);
    await queryRunner.query(`DROP INDEX \`IDX_161d0181b2ef6c0851f9cc1a6e\` ON \`employees\``);
    await queryRunner.query(`ALTER TABLE \`invitations\` DROP COLUMN \`revokedAt\``);
    await queryRunner.query(`ALTER TABLE \`employees\` DROP COLUMN \`email\``);
    await queryRunner.query(`ALTER TABLE \`employees\` DROP COLUMN \`phone\``);
    await queryRunner.query(`DROP INDEX \`IDX_9c31361f8d286952f4e3c105fc\` ON \`employee_imports\``);
    await queryRunner.query(`DROP TABLE \`employee_imports\``);
  }
}
