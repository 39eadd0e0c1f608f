import type { InvitationDto, LoginResponse } from '@cardhub/shared';
import { DataSource } from 'typeorm';
import { Card } from '../cards/entities/card.entity';
import { type TestApp, bearer, createTestApp, describeEachDatabase } from '../test-support';
import { Employee } from './entities/employee.entity';
import { Invitation } from './entities/invitation.entity';

describeEachDatabase('invitations', (database) => {
  let t: TestApp;
  let admin: LoginResponse;

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url });
    admin = await t.loginAs(t.demo.adminId);
  });
  afterAll(() => t.close());

  async function invite(body: object = { name: '孙悦', title: '销售代表' }): Promise<InvitationDto> {
    const response = await t.http.post('/api/invitations').set(bearer(admin)).send(body);
    expect(response.status).toBe(201);
    return response.body as InvitationDto;
  }

  describe('POST /api/invitations', () => {
    it('creates a pending employee with a card and an unguessable code', async () => {
      const invitation = await invite({
        name: '孙悦',
        title: '销售代表',
        departmentId: t.demo.departmentIds['销售二部'],
      });

      expect(invitation).toMatchObject({
        employeeName: '孙悦',
        organizationName: '星辰科技',
        role: 'employee',
        acceptedAt: null,
        path: `pages/join/index?invite=${invitation.code}`,
        url: `http://cardhub.test/#/pages/join/index?invite=${invitation.code}`,
      });
      expect(invitation.code).toMatch(/^[A-Za-z0-9_-]{24}$/);
      const days = (Date.parse(invitation.expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.99);

      const dataSource = t.get(DataSource);
      const employee = await dataSource
        .getRepository(Employee)
        .findOneByOrFail({ id: invitation.employeeId });
      expect(employee).toMatchObject({
        status: 'invited',
        organizationId: t.demo.organizationId,
        wechatUserId: null,
      });
      const card = await dataSource.getRepository(Card).findOneByOrFail({ employeeId: employee.id });
      expect(card).toMatchObject({ name: '孙悦', title: '销售代表', company: '星辰科技' });
    });

    it('is for admins only', async () => {
      const employee = await t.loginAs(t.demo.employeeIds[0]!);
      const manager = await t.loginAs(t.demo.managerId);
      expect((await t.http.post('/api/invitations').send({ name: '匿名' })).status).toBe(401);
      expect(
        (await t.http.post('/api/invitations').set(bearer(employee)).send({ name: '越权' })).status,
      ).toBe(403);
      expect((await t.http.post('/api/invitations').set(bearer(manager)).send({ name: '越权' })).status).toBe(
        403,
      );
    });

    it('rejects invalid input with the fields at fault', async () => {
      const response = await t.http
        .post('/api/invitations')
        .set(bearer(admin))
        .send({ name: '', role: 'owner', validDays: 99 });
      expect(response.status).toBe(400);
      expect(response.body.fields.map((field: { path: string }) => field.path).sort()).toEqual([
        'name',
        'role',
        'validDays',
      ]);
    });

    it("treats another organization's department as unknown", async () => {
      const otherAdmin = await t.loginAs(t.demo.otherAdminId);
      const response = await t.http
        .post('/api/invitations')
        .set(bearer(otherAdmin))
        .send({ name: '间谍', departmentId: t.demo.departmentIds['销售一部'] });
      expect(response.status).toBe(404);
    });
  });

  describe('GET /api/invitations/:code', () => {
    it('shows the join page to anyone holding the code', async () => {
      const invitation = await invite();
      const response = await t.http.get(`/api/invitations/${invitation.code}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(invitation);
      expect((await t.http.get('/api/invitations/no-such-code')).status).toBe(404);
    });
  });

  describe('POST /api/invitations/:code/accept', () => {
    it('binds the WeChat identity and logs the new employee in', async () => {
      const invitation = await invite({ name: '周杰', role: 'manager' });
      const response = await t.http
        .post(`/api/invitations/${invitation.code}/accept`)
        .send({ code: t.wechat!.issueLoginCode('周杰') });

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        role: 'manager',
        principal: {
          kind: 'employee',
          employeeId: invitation.employeeId,
          name: '周杰',
          organizationName: '星辰科技',
        },
      });
      expect((await t.http.get(`/api/invitations/${invitation.code}`)).body.acceptedAt).not.toBeNull();

      const again = await t.loginWithWechat('周杰');
      expect(again.principal).toMatchObject({ kind: 'employee', employeeId: invitation.employeeId });
    });

    it('refuses an invitation that was already used (409)', async () => {
      const invitation = await invite();
      const first = await t.http
        .post(`/api/invitations/${invitation.code}/accept`)
        .send({ code: t.wechat!.issueLoginCode('先到') });
      expect(first.status).toBe(200);
      const second = await t.http
        .post(`/api/invitations/${invitation.code}/accept`)
        .send({ code: t.wechat!.issueLoginCode('后到') });
      expect(second.status).toBe(409);
      expect(second.body.message).toBe('该邀请已被使用');
    });

    it('refuses an expired invitation (410)', async () => {
      const invitation = await invite();
      await t
        .get(DataSource)
        .getRepository(Invitation)
        .update({ code: invitation.code }, { expiresAt: new Date(Date.now() - 1000) });
      const response = await t.http
        .post(`/api/invitations/${invitation.code}/accept`)
        .send({ code: t.wechat!.issueLoginCode('迟到') });
      expect(response.status).toBe(410);
      expect(response.body.message).toContain('邀请已过期');
    });

    it('refuses a WeChat identity already bound to another employee', async () => {
      const first = await invite({ name: '钱多多' });
      await t.http
        .post(`/api/invitations/${first.code}/accept`)
        .send({ code: t.wechat!.issueLoginCode('钱多多') });

      const second = await invite({ name: '钱多多的分身' });
      const response = await t.http
        .post(`/api/invitations/${second.code}/accept`)
        .send({ code: t.wechat!.issueLoginCode('钱多多') });
      expect(response.status).toBe(409);
      expect(response.body.message).toContain('已绑定其他员工');
      const pending = await t
        .get(DataSource)
        .getRepository(Employee)
        .findOneByOrFail({ id: second.employeeId });
      expect(pending).toMatchObject({ status: 'invited', wechatUserId: null });
    });

    it('answers a bad WeChat code with 401 and leaves the invitation open', async () => {
      const invitation = await invite();
      const response = await t.http
        .post(`/api/invitations/${invitation.code}/accept`)
        .send({ code: 'forged-code' });
      expect(response.status).toBe(401);
      expect((await t.http.get(`/api/invitations/${invitation.code}`)).body.acceptedAt).toBeNull();
    });
  });
});
