import 'reflect-metadata';
import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LoginResponse } from '@cardhub/shared';
import { type FakeWechat, startFakeWechat } from '@cardhub/tests/fake-wechat';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import supertest from 'supertest';
import { DataSource } from 'typeorm';
import { SessionService } from '../common/auth';
import { AppConfig, loadAppConfig } from '../common/config';
import { DEMO_WECHAT_APP_ID, DEMO_WECHAT_APP_SECRET } from '../common/config/app-config';
import { createApp } from '../create-app';
import { type DemoRoster, DemoSeeder } from '../demo/demo.seeder';
import { Employee } from '../org/entities/employee.entity';

export interface TestAppOptions {
  databaseUrl: string;
  /** Runs the app in DEMO_MODE (demo logins on); the demo data is seeded either way unless `seed` is false. */
  demoMode?: boolean;
  seed?: boolean;
  /** An already running WeChat API; by default a fake one is started for this app and stopped with it. */
  wechatBaseUrl?: string;
  /** More environment variables, as the server would read them. */
  env?: Record<string, string>;
}

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** supertest against the real server: `t.http.post('/api/…').set(bearer(token)).send(body)`. */
  http: ReturnType<typeof supertest>;
  /** The fake WeChat server started for this app (undefined when `wechatBaseUrl` was given). */
  wechat: FakeWechat | undefined;
  /** Ids of the seeded demo data (星辰科技 and 云帆贸易); throws when created with `seed: false`. */
  demo: DemoRoster;
  /** A staff session for any employee, without going through a login endpoint. */
  loginAs(employeeId: string): Promise<LoginResponse>;
  /** A WeChat login through the real endpoint and the fake WeChat server, as the mini-program does it. */
  loginWithWechat(userName: string): Promise<LoginResponse>;
  get<T>(token: Type<T>): T;
  close(): Promise<void>;
}

export const TEST_TOKEN_SECRET = 'test-token-secret-of-at-least-32-characters';

export function bearer(token: string | LoginResponse): { Authorization: string } {
  return { Authorization: `Bearer ${typeof token === 'string' ? token : token.token}` };
}

/** Boots the production application (createApp) on a test database, with a fake WeChat server. */
export async function createTestApp(options: TestAppOptions): Promise<TestApp> {
  const wechat = options.wechatBaseUrl
    ? undefined
    : await startFakeWechat({ port: 0, appId: DEMO_WECHAT_APP_ID, appSecret: DEMO_WECHAT_APP_SECRET });
  const uploadDir = mkdtempSync(join(tmpdir(), 'cardhub-uploads-'));
  const config = loadAppConfig({
    DATABASE_URL: options.databaseUrl,
    TOKEN_SECRET: TEST_TOKEN_SECRET,
    WECHAT_API_BASE_URL: options.wechatBaseUrl ?? wechat!.url,
    DEMO_MODE: options.demoMode ? '1' : '0',
    UPLOAD_DIR: uploadDir,
    PUBLIC_URL: 'http://cardhub.test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // Suites send thousands of requests from one address; the rate-limit spec sets low limits of its own.
    RATE_LIMIT_PER_IP: '100000',
    RATE_LIMIT_PER_VISITOR: '100000',
    LOGIN_MAX_FAILURES: '1000',
    ...options.env,
  });

  const app = await createApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const http = supertest(app.getHttpServer());
  const demo = options.seed === false ? undefined : await app.get(DemoSeeder).seed();

  return {
    app,
    config,
    http,
    wechat,
    get demo() {
      if (!demo) throw new Error('This test app was created with seed: false');
      return demo;
    },
    get: (token) => app.get(token),
    async loginAs(employeeId) {
      const employee = await app.get(DataSource).getRepository(Employee).findOneByOrFail({ id: employeeId });
      return app.get(SessionService).startForEmployee(employee);
    },
    async loginWithWechat(userName) {
      if (!wechat) throw new Error('loginWithWechat needs the fake WeChat server started by createTestApp');
      const response = await http
        .post('/api/auth/wechat-login')
        .send({ code: wechat.issueLoginCode(userName) });
      if (response.status !== 200)
        throw new Error(`WeChat login failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body as LoginResponse;
    },
    async close() {
      await app.close();
      await wechat?.close();
      rmSync(uploadDir, { recursive: true, force: true });
    },
  };
}
