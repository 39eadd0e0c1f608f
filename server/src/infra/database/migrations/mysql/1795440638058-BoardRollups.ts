import { MigrationInterface, QueryRunner } from 'typeorm';

export class BoardRollups1795440638058 implements MigrationInterface {
  name = 'BoardRollups1795440638058';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`board_rollup_seen\` (\`organizationId\` varchar(36) NOT NULL, \`period\` varchar(5) NOT NULL, \`periodKey\` varchar(10) NOT NULL, \`subjectKind\` varchar(12) NOT NULL, \`subjectId\` varchar(36) NOT NULL, \`metric\` varchar(16) NOT NULL, \`visitorId\` varchar(36) NOT NULL, \`batchId\` varchar(36) NOT NULL, INDEX \`IDX_cd9e668ad1d9d166c2991bf910\` (\`batchId\`), PRIMARY KEY (\`organizationId\`, \`period\`, \`periodKey\`, \`subjectKind\`, \`subjectId\`, \`metric\`, \`visitorId\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`board_rollups\` (\`organizationId\` varchar(36) NOT NULL, \`period\` varchar(5) NOT NULL, \`periodKey\` varchar(10) NOT NULL, \`subjectKind\` varchar(12) NOT NULL, \`subjectId\` varchar(36) NOT NULL, \`metric\` varchar(16) NOT NULL, \`value\` double NOT NULL DEFAULT '0', INDEX \`IDX_board_rollups_top\` (\`organizationId\`, \`period\`, \`periodKey\`, \`subjectKind\`, \`metric\`, \`value\`), PRIMARY KEY (\`organizationId\`, \`period\`, \`periodKey\`, \`subjectKind\`, \`subjectId\`, \`metric\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`organizations\` ADD \`creditSplit\` varchar(8) NOT NULL DEFAULT 'root'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`organizations\` DROP COLUMN \`creditSplit\``);
    await queryRunner.query(`DROP INDEX \`IDX_board_rollups_top\` ON \`board_rollups\``);
    await queryRunner.query(`DROP TABLE \`board_rollups\``);
    await queryRunner.query(`DROP INDEX \`IDX_cd9e668ad1d9d166c2991bf910\` ON \`board_rollup_seen\``);
    await queryRunner.query(`DROP TABLE \`board_rollup_seen\``);
  }
}
