import { MigrationInterface, QueryRunner } from 'typeorm';

export class SitePages1795432214875 implements MigrationInterface {
  name = 'SitePages1795432214875';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`site_pages\` (\`id\` uuid NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`url\` varchar(500) NOT NULL DEFAULT '', \`title\` varchar(200) NOT NULL DEFAULT '', \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_5c39f0315a87b3f4acf0c55874\` (\`organizationId\`, \`url\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_5c39f0315a87b3f4acf0c55874\` ON \`site_pages\``);
    await queryRunner.query(`DROP TABLE \`site_pages\``);
  }
}
