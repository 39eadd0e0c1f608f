import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795421450240 implements MigrationInterface {
  name = 'InitialSchema1795421450240';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`wechat_users\` (\`id\` uuid NOT NULL, \`openid\` varchar(64) NOT NULL DEFAULT '', \`unionid\` varchar(64) NULL, \`sessionKey\` varchar(64) NOT NULL DEFAULT '', \`lastLoginAt\` datetime(3) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_9668e93a267037e050f9188175\` (\`openid\`), INDEX \`IDX_4d68712818560b19bb3da02b26\` (\`unionid\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`cards\` (\`id\` uuid NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`employeeId\` varchar(36) NOT NULL, \`name\` varchar(40) NOT NULL DEFAULT '', \`title\` varchar(60) NOT NULL DEFAULT '', \`company\` varchar(80) NOT NULL DEFAULT '', \`avatarUrl\` varchar(300) NULL, \`phone\` varchar(24) NOT NULL DEFAULT '', \`wechatId\` varchar(20) NOT NULL DEFAULT '', \`email\` varchar(120) NOT NULL DEFAULT '', \`address\` varchar(120) NOT NULL DEFAULT '', \`bio\` varchar(500) NOT NULL DEFAULT '', \`siteUrl\` varchar(300) NOT NULL DEFAULT '', \`introMediaUrl\` varchar(300) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_068e42ade1a3be7c3d9dd73467\` (\`organizationId\`), UNIQUE INDEX \`IDX_9e56d8fcb2692505c05907be8a\` (\`employeeId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`follow_ups\` (\`id\` uuid NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`leadId\` varchar(36) NOT NULL, \`employeeId\` varchar(36) NOT NULL, \`note\` text NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_ab0e5914587e9680c608da4882\` (\`leadId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`leads\` (\`id\` uuid NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`visitorId\` varchar(36) NOT NULL, \`ownerEmployeeId\` varchar(36) NULL, \`stage\` varchar(16) NOT NULL DEFAULT 'visitor', \`score\` int NOT NULL DEFAULT '0', \`tags\` text NOT NULL, \`source\` varchar(16) NOT NULL DEFAULT '', \`firstShareId\` varchar(36) NULL, \`lastActivityAt\` datetime(3) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_0f7eb0ee932b9cb26e7589ddf1\` (\`visitorId\`), INDEX \`IDX_2881bbecc6cebfd55cacde9f8c\` (\`organizationId\`, \`ownerEmployeeId\`, \`stage\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`lead_stage_changes\` (\`id\` uuid NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`leadId\` varchar(36) NOT NULL, \`fromStage\` varchar(16) NULL, \`toStage\` varchar(16) NOT NULL DEFAULT '', \`byEmployeeId\` varchar(36) NULL, \`reason\` varchar(200) NOT NULL DEFAULT '', \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_65768a02f3f16b47e335a0a7b2\` (\`leadId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`departments\` (\`id\` uuid NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`parentId\` varchar(36) NULL, \`name\` varchar(60) NOT NULL DEFAULT '', \`sortOrder\` int NOT NULL DEFAULT '0', \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_0e8b5929c299721994528ddba3\` (\`organizationId\`, \`parentId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`employees\` (\`id\` uuid NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`departmentId\` varchar(36) NULL, \`name\` varchar(40) NOT NULL DEFAULT '', \`title\` varchar(60) NOT NULL DEFAULT '', \`role\` varchar(16) NOT NULL DEFAULT 'employee', \`status\` varchar(16) NOT NULL DEFAULT 'invited', \`account\` varchar(120) NULL, \`passwordHash\` varchar(200) NULL, \`wechatUserId\` varchar(36) NULL, \`joinedAt\` datetime(3) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_42fc92a9c7cb829eb2cd42b82b\` (\`account\`), UNIQUE INDEX \`IDX_3771a9f4bd025873a29c1afcd7\` (\`wechatUserId\`), INDEX \`IDX_30f631925f9d42a2928e255a6e\` (\`organizationId\`, \`departmentId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`invitations\` (\`id\` uuid NOT NULL, \`code\` varchar(32) NOT NULL DEFAULT '', \`organizationId\` varchar(36) NOT NULL, \`employeeId\` varchar(36) NOT NULL, \`createdByEmployeeId\` varchar(36) NOT NULL, \`expiresAt\` datetime(3) NOT NULL, \`acceptedAt\` datetime(3) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_dfcfae6af22931048ef7307841\` (\`code\`), INDEX \`IDX_7e83ce337d7020d13b11dd32f6\` (\`employeeId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`organizations\` (\`id\` uuid NOT NULL, \`name\` varchar(80) NOT NULL DEFAULT '', \`slug\` varchar(40) NOT NULL DEFAULT '', \`timezone\` varchar(40) NOT NULL DEFAULT 'Asia/Shanghai', \`siteUrl\` varchar(300) NOT NULL DEFAULT '', \`siteOrigins\` text NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_963693341bd612aa01ddf3a4b6\` (\`slug\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`consents\` (\`id\` uuid NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`visitorId\` varchar(36) NOT NULL, \`purpose\` varchar(40) NOT NULL DEFAULT '', \`policyVersion\` varchar(20) NOT NULL DEFAULT '', \`touchpoint\` varchar(16) NOT NULL DEFAULT '', \`granted\` tinyint NOT NULL, \`withdrawnAt\` datetime(3) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_1f00e110fb2c3255c475a7c8f3\` (\`organizationId\`, \`visitorId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`shares\` (\`id\` uuid NOT NULL, \`code\` varchar(16) NOT NULL DEFAULT '', \`organizationId\` varchar(36) NOT NULL, \`targetType\` varchar(16) NOT NULL DEFAULT '', \`targetId\` varchar(36) NOT NULL, \`channel\` varchar(16) NOT NULL DEFAULT '', \`parentShareId\` varchar(36) NULL, \`rootShareId\` varchar(36) NOT NULL, \`depth\` int NOT NULL DEFAULT '0', \`sharerEmployeeId\` varchar(36) NULL, \`sharerVisitorId\` varchar(36) NULL, \`creditedEmployeeId\` varchar(36) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_3dadfa45a0af6a14288837fd46\` (\`code\`), INDEX \`IDX_f2f5ebd3d821b341465c0380de\` (\`parentShareId\`), INDEX \`IDX_549c37750821e39bd9642e060b\` (\`rootShareId\`), INDEX \`IDX_f5ae190a4fde312f516ca63413\` (\`organizationId\`, \`targetType\`, \`targetId\`), INDEX \`IDX_c1b6f9c6398b655ab0a467e535\` (\`organizationId\`, \`creditedEmployeeId\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`daily_rollups\` (\`organizationId\` varchar(36) NOT NULL, \`day\` varchar(10) NOT NULL, \`metric\` varchar(24) NOT NULL, \`employeeId\` varchar(36) NOT NULL, \`targetId\` varchar(36) NOT NULL, \`departmentId\` varchar(36) NOT NULL DEFAULT '', \`targetType\` varchar(16) NOT NULL DEFAULT '', \`count\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`organizationId\`, \`day\`, \`metric\`, \`employeeId\`, \`targetId\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`events\` (\`id\` varchar(36) NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`type\` varchar(16) NOT NULL DEFAULT '', \`targetType\` varchar(16) NOT NULL DEFAULT '', \`targetId\` varchar(36) NOT NULL, \`shareId\` varchar(36) NULL, \`visitId\` varchar(36) NULL, \`visitorId\` varchar(36) NULL, \`actorEmployeeId\` varchar(36) NULL, \`creditedEmployeeId\` varchar(36) NULL, \`touchpoint\` varchar(16) NOT NULL DEFAULT '', \`verdict\` varchar(16) NULL, \`counted\` tinyint NOT NULL DEFAULT 0, \`props\` text NULL, \`userAgent\` varchar(400) NULL, \`occurredAt\` datetime(3) NOT NULL, \`receivedAt\` datetime(3) NOT NULL, INDEX \`IDX_37a989e1157c94fdefedfd5e02\` (\`visitId\`), INDEX \`IDX_3be64b252eb4e7e35aa3bc03c1\` (\`organizationId\`, \`visitorId\`, \`targetType\`, \`targetId\`, \`occurredAt\`), INDEX \`IDX_1bbf050ca06c91f269c7e40c43\` (\`organizationId\`, \`creditedEmployeeId\`, \`occurredAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`visitor_identities\` (\`id\` uuid NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`visitorId\` varchar(36) NOT NULL, \`kind\` varchar(16) NOT NULL DEFAULT '', \`value\` varchar(64) NOT NULL DEFAULT '', \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_a0df1ab1ba55ba2222b2496a6d\` (\`visitorId\`), UNIQUE INDEX \`IDX_5fc87d7af9159a8c29751e0e10\` (\`organizationId\`, \`kind\`, \`value\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`visitors\` (\`id\` uuid NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`name\` varchar(60) NULL, \`avatarUrl\` varchar(300) NULL, \`phone\` varchar(24) NULL, \`firstShareId\` varchar(36) NULL, \`firstEmployeeId\` varchar(36) NULL, \`mergedIntoVisitorId\` varchar(36) NULL, \`firstSeenAt\` datetime(3) NOT NULL, \`lastSeenAt\` datetime(3) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_930f02d73b341bd3c0d644552d\` (\`firstEmployeeId\`), INDEX \`IDX_16ceac1c13639a2f100e65e00d\` (\`organizationId\`, \`lastSeenAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_16ceac1c13639a2f100e65e00d\` ON \`visitors\``);
    await queryRunner.query(`DROP INDEX \`IDX_930f02d73b341bd3c0d644552d\` ON \`visitors\``);
    await queryRunner.query(`DROP TABLE \`visitors\``);
    await queryRunner.query(`DROP INDEX \`IDX_5fc87d7af9159a8c29751e0e10\` ON \`visitor_identities\``);
    await queryRunner.query(`DROP INDEX \`IDX_a0df1ab1ba55ba2222b2496a6d\` ON \`visitor_identities\``);
    await queryRunner.query(`DROP TABLE \`visitor_identities\``);
    await queryRunner.query(`DROP INDEX \`IDX_1bbf050ca06c91f269c7e40c43\` ON \`events\``);
    await queryRunner.query(`DROP INDEX \`IDX_3be64b252eb4e7e35aa3bc03c1\` ON \`events\``);
    await queryRunner.query(`DROP INDEX \`IDX_37a989e1157c94fdefedfd5e02\` ON \`events\``);
    await queryRunner.query(`DROP TABLE \`events\``);
    await queryRunner.query(`DROP TABLE \`daily_rollups\``);
    await queryRunner.query(`DROP INDEX \`IDX_c1b6f9c6398b655ab0a467e535\` ON \`shares\``);
    await queryRunner.query(`DROP INDEX \`IDX_f5ae190a4fde312f516ca63413\` ON \`shares\``);
    await queryRunner.query(`DROP INDEX \`IDX_549c37750821e39bd9642e060b\` ON \`shares\``);
    await queryRunner.query(`DROP INDEX \`IDX_f2f5ebd3d821b341465c0380de\` ON \`shares\``);
    await queryRunner.query(`DROP INDEX \`IDX_3dadfa45a0af6a14288837fd46\` ON \`shares\``);
    await queryRunner.query(`DROP TABLE \`shares\``);
    await queryRunner.query(`DROP INDEX \`IDX_1f00e110fb2c3255c475a7c8f3\` ON \`consents\``);
    await queryRunner.query(`DROP TABLE \`consents\``);
    await queryRunner.query(`DROP INDEX \`IDX_963693341bd612aa01ddf3a4b6\` ON \`organizations\``);
    await queryRunner.query(`DROP TABLE \`organizations\``);
    await queryRunner.query(`DROP INDEX \`IDX_7e83ce337d7020d13b11dd32f6\` ON \`invitations\``);
    await queryRunner.query(`DROP INDEX \`IDX_dfcfae6af22931048ef7307841\` ON \`invitations\``);
    await queryRunner.query(`DROP TABLE \`invitations\``);
    await queryRunner.query(`DROP INDEX \`IDX_30f631925f9d42a2928e255a6e\` ON \`employees\``);
    await queryRunner.query(`DROP INDEX \`IDX_3771a9f4bd025873a29c1afcd7\` ON \`employees\``);
    await queryRunner.query(`DROP INDEX \`IDX_42fc92a9c7cb829eb2cd42b82b\` ON \`employees\``);
    await queryRunner.query(`DROP TABLE \`employees\``);
    await queryRunner.query(`DROP INDEX \`IDX_0e8b5929c299721994528ddba3\` ON \`departments\``);
    await queryRunner.query(`DROP TABLE \`departments\``);
    await queryRunner.query(`DROP INDEX \`IDX_65768a02f3f16b47e335a0a7b2\` ON \`lead_stage_changes\``);
    await queryRunner.query(`DROP TABLE \`lead_stage_changes\``);
    await queryRunner.query(`DROP INDEX \`IDX_2881bbecc6cebfd55cacde9f8c\` ON \`leads\``);
    await queryRunner.query(`DROP INDEX \`IDX_0f7eb0ee932b9cb26e7589ddf1\` ON \`leads\``);
    await queryRunner.query(`DROP TABLE \`leads\``);
    await queryRunner.query(`DROP INDEX \`IDX_ab0e5914587e9680c608da4882\` ON \`follow_ups\``);
    await queryRunner.query(`DROP TABLE \`follow_ups\``);
    await queryRunner.query(`DROP INDEX \`IDX_9e56d8fcb2692505c05907be8a\` ON \`cards\``);
    await queryRunner.query(`DROP INDEX \`IDX_068e42ade1a3be7c3d9dd73467\` ON \`cards\``);
    await queryRunner.query(`DROP TABLE \`cards\``);
    await queryRunner.query(`DROP INDEX \`IDX_4d68712818560b19bb3da02b26\` ON \`wechat_users\``);
    await queryRunner.query(`DROP INDEX \`IDX_9668e93a267037e050f9188175\` ON \`wechat_users\``);
    await queryRunner.query(`DROP TABLE \`wechat_users\``);
  }
}
