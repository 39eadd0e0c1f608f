import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditLog1795434040298 implements MigrationInterface {
  name = 'AuditLog1795434040298';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" varchar PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "employeeId" varchar(36) NOT NULL, "action" varchar(40) NOT NULL, "target" varchar(100) NOT NULL, "detail" text NOT NULL, "createdAt" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ea588a800ed3c9ecd3d465d9af" ON "audit_log" ("organizationId", "createdAt") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_ea588a800ed3c9ecd3d465d9af"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
