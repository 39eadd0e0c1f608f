import { MigrationInterface, QueryRunner } from 'typeorm';

export class LeadPool1795431835430 implements MigrationInterface {
  name = 'LeadPool1795431835430';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`lead_signals\` (\`id\` uuid NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`leadId\` varchar(36) NOT NULL, \`signalId\` varchar(40) NOT NULL DEFAULT '', \`label\` varchar(40) NOT NULL DEFAULT '', \`tag\` varchar(20) NOT NULL DEFAULT '', \`firedAt\` datetime(3) NOT NULL, \`eventIds\` text NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_faf7255440ec09228bdd9451ae\` (\`leadId\`, \`signalId\`, \`firedAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`scoring_settings\` (\`organizationId\` varchar(36) NOT NULL, \`config\` text NOT NULL, \`updatedByEmployeeId\` varchar(36) NULL, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (\`organizationId\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`lead_stage_changes\` CHANGE \`createdAt\` \`createdAt\` datetime(3) NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`lead_stage_changes\` CHANGE \`createdAt\` \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)`,
    );
    await queryRunner.query(`DROP TABLE \`scoring_settings\``);
    await queryRunner.query(`DROP INDEX \`IDX_faf7255440ec09228bdd9451ae\` ON \`lead_signals\``);
    await queryRunner.query(`DROP TABLE \`lead_signals\``);
  }
}
