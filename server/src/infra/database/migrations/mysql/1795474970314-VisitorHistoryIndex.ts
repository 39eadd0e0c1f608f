import { MigrationInterface, QueryRunner } from 'typeorm';

/** A visitor's history is read newest first by (organization, visitor, time): an index range, not a sort. */
export class VisitorHistoryIndex1795474970314 implements MigrationInterface {
  name = 'VisitorHistoryIndex1795474970314';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_3be64b252eb4e7e35aa3bc03c1\` ON \`events\``);
    await queryRunner.query(
      `CREATE INDEX \`IDX_c7f4cf19e598b55b808b9e2d4d\` ON \`events\` (\`organizationId\`, \`visitorId\`, \`occurredAt\`)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_c7f4cf19e598b55b808b9e2d4d\` ON \`events\``);
    await queryRunner.query(
      `CREATE INDEX \`IDX_3be64b252eb4e7e35aa3bc03c1\` ON \`events\` (\`organizationId\`, \`visitorId\`, \`targetType\`, \`targetId\`, \`occurredAt\`)`,
    );
  }
}
