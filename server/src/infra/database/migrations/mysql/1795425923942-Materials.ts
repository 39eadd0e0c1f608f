import { MigrationInterface, QueryRunner } from 'typeorm';

export class Materials1795425923942 implements MigrationInterface {
  name = 'Materials1795425923942';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`materials\` (\`id\` uuid NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`type\` varchar(16) NOT NULL DEFAULT '', \`title\` varchar(120) NOT NULL DEFAULT '', \`summary\` varchar(300) NOT NULL DEFAULT '', \`coverUrl\` varchar(300) NULL, \`body\` text NULL, \`mediaUrl\` varchar(300) NULL, \`category\` varchar(40) NOT NULL DEFAULT '', \`tags\` text NOT NULL, \`status\` varchar(16) NOT NULL DEFAULT 'draft', \`createdByEmployeeId\` varchar(36) NOT NULL, \`publishedAt\` datetime(3) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_2b8bf42ce63fb7793c9466d76d\` (\`organizationId\`, \`status\`, \`publishedAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_2b8bf42ce63fb7793c9466d76d\` ON \`materials\``);
    await queryRunner.query(`DROP TABLE \`materials\``);
  }
}
