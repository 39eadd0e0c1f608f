import type { LoginResponse } from '@cardhub/shared';
import { DataSource } from 'typeorm';
import { Employee } from '../org/entities/employee.entity';
import { type TestApp, bearer, createTestApp, describeEachDatabase } from '../test-support';
import { WechatUser } from './entities/wechat-user.entity';

describeEachDatabase('auth', (database) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url });
  });
  afterAll(() => t.close());

  describe('POST /api/auth/wechat-login', () => {
    it('logs an unknown WeChat user in as a prospect and keeps session_key on the server', async () => {
      const response = await t.http
        .post('/api/auth/wechat-login')
        .send({ code: t.wechat!.issueLoginCode('游客小周') });

      expect(response.status).toBe(200);
      const body = response.body as LoginResponse;
      expect(body.role).toBe('prospect');
      expect(body.principal).toEqual({ kind: 'prospect', wechatUserId: expect.any(String) });

      const stored = await t
        .get(DataSource)
        .getRepository(WechatUser)
        .createQueryBuilder('user')
        .addSelect('user.sessionKey')
        .where('user.id = :id', { id: body.principal.kind === 'prospect' ? body.principal.wechatUserId : '' })
        .getOneOrFail();
      expect(stored.sessionKey).not.toBe('');
      expect(response.text).not.toContain(stored.sessionKey);
      expect(response.text).not.toMatch(/session_?key/i);

      const me = await t.http.get('/api/auth/me').set(bearer(body));
      expect(me.status).toBe(200);
      expect(me.body).toEqual(body.principal);
      expect(me.text).not.toContain(stored.sessionKey);
    });

    it('logs the same WeChat user in again as the same prospect', async () => {
      const first = await t.loginWithWechat('回头客');
      const second = await t.loginWithWechat('回头客');
      expect(second.principal).toEqual(first.principal);
    });

    it('logs a WeChat user bound to an employee in as that employee', async () => {
      const prospect = await t.loginWithWechat('张伟的微信');
      const wechatUserId = prospect.principal.kind === 'prospect' ? prospect.principal.wechatUserId : '';
      await t.get(DataSource).getRepository(Employee).update({ id: t.demo.employeeIds[0] }, { wechatUserId });

      const employee = await t.loginWithWechat('张伟的微信');
      expect(employee.role).toBe('employee');
      expect(employee.principal).toMatchObject({
        kind: 'employee',
        employeeId: t.demo.employeeIds[0],
        organizationId: t.demo.organizationId,
        organizationName: '星辰科技',
        name: '张伟',
      });
    });

    it('answers an invalid or reused code with 401', async () => {
      const code = t.wechat!.issueLoginCode('一次性');
      expect((await t.http.post('/api/auth/wechat-login').send({ code })).status).toBe(200);

      const reused = await t.http.post('/api/auth/wechat-login').send({ code });
      expect(reused.status).toBe(401);
      expect(reused.body.message).toContain('微信登录凭证无效');

      const forged = await t.http.post('/api/auth/wechat-login').send({ code: 'not-a-code-wechat-issued' });
      expect(forged.status).toBe(401);
    });

    it('answers a missing code with 400 naming the field', async () => {
      const response = await t.http.post('/api/auth/wechat-login').send({});
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        fields: [{ path: 'code', message: 'code is required' }],
      });
    });
  });

  describe('POST /api/auth/password-login', () => {
    it('logs the demo admin and manager in', async () => {
      const admin = await t.http
        .post('/api/auth/password-login')
        .send({ account: 'admin@demo.cardhub', password: 'demo1234' });
      expect(admin.status).toBe(200);
      expect(admin.body).toMatchObject({
        role: 'admin',
        principal: { name: '王总', employeeId: t.demo.adminId },
      });

      const manager = await t.http
        .post('/api/auth/password-login')
        .send({ account: '  manager@demo.cardhub ', password: 'demo1234' });
      expect(manager.status).toBe(200);
      expect(manager.body.role).toBe('manager');
    });

    it('gives the same 401 for a wrong password and an unknown account', async () => {
      const wrongPassword = await t.http
        .post('/api/auth/password-login')
        .send({ account: 'admin@demo.cardhub', password: 'nope' });
      const unknown = await t.http
        .post('/api/auth/password-login')
        .send({ account: 'ghost@demo.cardhub', password: 'demo1234' });
      expect(wrongPassword.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrongPassword.body.message).toBe('账号或密码错误');
      expect(unknown.body).toEqual(wrongPassword.body);
    });

    it('refuses a disabled account, and its existing sessions stop working', async () => {
      const session = await t.loginAs(t.demo.managerId);
      await t
        .get(DataSource)
        .getRepository(Employee)
        .update({ id: t.demo.managerId }, { status: 'disabled' });
      try {
        const login = await t.http
          .post('/api/auth/password-login')
          .send({ account: 'manager@demo.cardhub', password: 'demo1234' });
        expect(login.status).toBe(401);
        expect((await t.http.get('/api/auth/me').set(bearer(session))).status).toBe(401);
      } finally {
        await t
          .get(DataSource)
          .getRepository(Employee)
          .update({ id: t.demo.managerId }, { status: 'active' });
      }
    });
  });

  describe('GET /api/auth/me', () => {
    it('needs a valid token', async () => {
      expect((await t.http.get('/api/auth/me')).status).toBe(401);
      expect((await t.http.get('/api/auth/me').set(bearer('garbage.token'))).status).toBe(401);
      const session = await t.loginAs(t.demo.adminId);
      const tampered = session.token.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
      expect((await t.http.get('/api/auth/me').set(bearer(tampered))).status).toBe(401);
    });

    it('issues sessions that last seven days', async () => {
      const session = await t.loginAs(t.demo.adminId);
      const lifetimeDays = (Date.parse(session.expiresAt) - Date.now()) / 86_400_000;
      expect(lifetimeDays).toBeGreaterThan(6.99);
      expect(lifetimeDays).toBeLessThanOrEqual(7);
    });
  });

  describe('demo logins outside demo mode', () => {
    it('are 404', async () => {
      expect((await t.http.get('/api/auth/demo-accounts')).status).toBe(404);
      const login = await t.http.post('/api/auth/demo-login').send({ employeeId: t.demo.adminId });
      expect(login.status).toBe(404);
    });
  });
});
