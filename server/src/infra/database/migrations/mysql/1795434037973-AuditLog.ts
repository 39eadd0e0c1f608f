import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditLog1795434037973 implements MigrationInterface {
  name = 'AuditLog1795434037973';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`audit_log\` (\`id\` uuid NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`employeeId\` varchar(36) NOT NULL, \`action\` varchar(40) NOT NULL, \`target\` varchar(100) NOT NULL, \`detail\` text NOT NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`IDX_ea588a800ed3c9ecd3d465d9af\` (\`organizationId\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_ea588a800ed3c9ecd3d465d9af\` ON \`audit_log\``);
    await queryRunner.query(`DROP TABLE \`audit_log\``);
  }
}
