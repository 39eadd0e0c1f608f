import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProductFields1795429665588 implements MigrationInterface {
  name = 'ProductFields1795429665588';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`materials\` ADD \`priceText\` varchar(40) NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE \`materials\` ADD \`specs\` text NULL`);
    await queryRunner.query(`ALTER TABLE \`materials\` ADD \`images\` text NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`materials\` DROP COLUMN \`images\``);
    await queryRunner.query(`ALTER TABLE \`materials\` DROP COLUMN \`specs\``);
    await queryRunner.query(`ALTER TABLE \`materials\` DROP COLUMN \`priceText\``);
  }
}
