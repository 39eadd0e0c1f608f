import type {
  CreateEmployeeInput,
  CreateEmployeeResponse,
  EmployeeDto,
  EmployeeListResponse,
  InvitationDto,
  LoginResponse,
} from '@cardhub/shared';
import { DataSource } from 'typeorm';
import { Card } from '../cards/entities/card.entity';
import { backfillEmployeeContacts } from '../infra/database/migrations/backfill-employee-contacts';
import { type TestApp, bearer, createTestApp, describeEachDatabase } from '../test-support';
import { cardLoop } from '../tracking/card-loop.testing';
import { Employee } from './entities/employee.entity';

describeEachDatabase('employees', (database) => {
  let t: TestApp;
  let admin: LoginResponse;
  let manager: LoginResponse;
  let zhang: LoginResponse;
  let otherAdmin: LoginResponse;

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url });
    admin = await t.loginAs(t.demo.adminId);
    manager = await t.loginAs(t.demo.managerId);
    zhang = await t.loginAs(t.demo.employeeIds[0]!);
    otherAdmin = await t.loginAs(t.demo.otherAdminId);
  });
  afterAll(() => t.close());

  let phoneSequence = 0;
  /** A fresh mobile number per call, so tests do not collide on the organization's unique phones. */
  const nextPhone = () => `1370000${String(++phoneSequence).padStart(4, '0')}`;

  const create = async (fields: Partial<CreateEmployeeInput> = {}): Promise<CreateEmployeeResponse> => {
    const response = await t.http
      .post('/api/employees')
      .set(bearer(admin))
      .send({ name: '孙悦', title: '销售代表', phone: nextPhone(), ...fields });
    if (response.status !== 201)
      throw new Error(`create failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as CreateEmployeeResponse;
  };
  const list = async (query: Record<string, string | number> = {}, as = admin) => {
    const response = await t.http.get('/api/employees').query(query).set(bearer(as));
    expect(response.status).toBe(200);
    return response.body as EmployeeListResponse;
  };
  const edit = (employee: EmployeeDto, changes: Partial<EmployeeDto>, as = admin) =>
    t.http
      .put(`/api/employees/${employee.id}`)
      .set(bearer(as))
      .send({
        name: employee.name,
        title: employee.title,
        phone: employee.phone,
        email: employee.email,
        departmentId: employee.departmentId,
        role: employee.role,
        ...changes,
      });
  const employeeDto = async (id: string) =>
    (await list({ limit: 100 })).items.find((employee) => employee.id === id)!;
  /** Creates an employee who accepts the invitation in WeChat (as `wechatName`) and returns their session. */
  const joined = async (wechatName: string): Promise<{ employee: EmployeeDto; session: LoginResponse }> => {
    const { employee, invitation } = await create({ name: wechatName });
    const accepted = await t.http
      .post(`/api/invitations/${invitation.code}/accept`)
      .send({ code: t.wechat!.issueLoginCode(wechatName) });
    expect(accepted.status).toBe(200);
    return { employee: await employeeDto(employee.id), session: accepted.body as LoginResponse };
  };

  describe('POST /api/employees', () => {
    it('creates a pending employee with a card and an invitation', async () => {
      const { employee, invitation } = await create({
        name: ' 孙悦 ',
        phone: '+86 139-0000-1111',
        email: 'SunYue@XingChen-Tech.cn',
        departmentId: t.demo.departmentIds['销售二部'],
        role: 'manager',
        validDays: 3,
      });
      expect(employee).toMatchObject({
        name: '孙悦',
        phone: '13900001111',
        email: 'sunyue@xingchen-tech.cn',
        role: 'manager',
        status: 'invited',
        departmentPath: '销售二部',
        hasConsoleLogin: false,
        joinedAt: null,
        invitation: { code: invitation.code, expiresAt: invitation.expiresAt },
      });
      expect(invitation).toMatchObject({ employeeId: employee.id, employeeName: '孙悦', role: 'manager' });
      const days = (Date.parse(invitation.expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(2.99);
      expect(days).toBeLessThan(3.01);

      const card = await t.get(DataSource).getRepository(Card).findOneByOrFail({ employeeId: employee.id });
      expect(card).toMatchObject({ name: '孙悦', phone: '13900001111', email: 'sunyue@xingchen-tech.cn' });
    });

    it('is the same path as POST /api/invitations, which creates a listed pending employee', async () => {
      const response = await t.http.post('/api/invitations').set(bearer(admin)).send({ name: '短邀请' });
      expect(response.status).toBe(201);
      const employee = await employeeDto((response.body as InvitationDto).employeeId);
      expect(employee).toMatchObject({ name: '短邀请', status: 'invited', phone: '', email: '' });
      expect(employee.invitation?.code).toBe(response.body.code);
    });

    it('rejects bad fields (400), a phone or email already in use (409) and a foreign department (404)', async () => {
      const invalid = await t.http
        .post('/api/employees')
        .set(bearer(admin))
        .send({ name: '', phone: '12345', email: 'not-mail', role: 'boss' });
      expect(invalid.status).toBe(400);
      expect(invalid.body.fields.map((field: { path: string }) => field.path).sort()).toEqual([
        'email',
        'name',
        'phone',
        'role',
      ]);

      const taken = await t.http
        .post('/api/employees')
        .set(bearer(admin))
        .send({ name: '撞号', phone: '13800138001' });
      expect(taken.status).toBe(409);
      expect(taken.body.message).toBe('手机号已被「张伟」使用');
      const takenEmail = await t.http
        .post('/api/employees')
        .set(bearer(admin))
        .send({ name: '撞邮箱', email: 'ZhangWei@xingchen-tech.cn' });
      expect(takenEmail.status).toBe(409);

      const foreign = await t.http
        .post('/api/employees')
        .set(bearer(otherAdmin))
        .send({ name: '间谍', departmentId: t.demo.departmentIds['销售一部'] });
      expect(foreign.status).toBe(404);
    });
  });

  describe('GET /api/employees', () => {
    it('filters by department (sub-departments included), status and search, and pages', async () => {
      const east = await t.http
        .post('/api/departments')
        .set(bearer(admin))
        .send({ name: '华东组', parentId: t.demo.departmentIds['市场部'] });
      const { employee } = await create({ name: '钱华东', departmentId: east.body.id, phone: '13911112222' });

      const marketing = await list({ departmentId: t.demo.departmentIds['市场部']! });
      expect(marketing.items.map((item) => item.name).sort()).toEqual(['赵敏', '钱华东'].sort());
      expect(marketing.items.find((item) => item.id === employee.id)?.departmentPath).toBe('市场部/华东组');

      expect((await list({ departmentId: 'none' })).items.map((item) => item.name)).toContain('王总');
      expect((await list({ q: '钱华' })).items.map((item) => item.id)).toEqual([employee.id]);
      expect((await list({ q: '1391111' })).items.map((item) => item.id)).toEqual([employee.id]);
      expect((await list({ q: '%' })).items).toEqual([]);

      const pending = await list({ status: 'invited', limit: 100 });
      expect(pending.items.every((item) => item.status === 'invited')).toBe(true);
      expect(pending.items.map((item) => item.id)).toContain(employee.id);

      const all = await list({ limit: 100 });
      const firstPage = await list({ limit: 2, page: 1 });
      const secondPage = await list({ limit: 2, page: 2 });
      expect(firstPage.total).toBe(all.total);
      expect(firstPage.items).toHaveLength(2);
      expect(secondPage.items.map((item) => item.id)).toEqual(all.items.slice(2, 4).map((item) => item.id));
    });

    it("shows managers their own department only, and nobody another organization's", async () => {
      const mine = await list({}, manager);
      expect(mine.items.map((item) => item.name).sort()).toEqual(['刘洋', '张伟', '李经理'].sort());
      const elsewhere = await t.http
        .get('/api/employees')
        .query({ departmentId: t.demo.departmentIds['销售二部']! })
        .set(bearer(manager));
      expect(elsewhere.status).toBe(403);

      expect((await t.http.get('/api/employees').set(bearer(zhang))).status).toBe(403);
      expect((await list({}, otherAdmin)).items.map((item) => item.name)).toEqual(['赵总']);
      const foreignFilter = await t.http
        .get('/api/employees')
        .query({ departmentId: t.demo.departmentIds['销售一部']! })
        .set(bearer(otherAdmin));
      expect(foreignFilter.status).toBe(404);
    });
  });

  describe('PUT /api/employees/:id', () => {
    it('edits, moves and sets the role; the card follows where it still showed the roster value', async () => {
      const { employee } = await create({ name: '周一', title: '销售代表' });
      await t
        .get(DataSource)
        .getRepository(Card)
        .update({ employeeId: employee.id }, { title: '金牌销售（自己写的）' });

      const phone = nextPhone();
      const response = await edit(employee, {
        name: '周一鸣',
        title: '销售主管',
        phone,
        email: 'zhouyiming@xingchen-tech.cn',
        departmentId: t.demo.departmentIds['销售一部']!,
        role: 'manager',
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        name: '周一鸣',
        title: '销售主管',
        phone,
        role: 'manager',
        departmentPath: '销售一部',
        status: 'invited',
      });
      const card = await t.get(DataSource).getRepository(Card).findOneByOrFail({ employeeId: employee.id });
      expect(card).toMatchObject({
        name: '周一鸣',
        title: '金牌销售（自己写的）',
        phone,
        email: 'zhouyiming@xingchen-tech.cn',
      });
    });

    it('refuses a phone of someone else (409), its own role change (409), and non-admins (403/404)', async () => {
      const { employee } = await create({ name: '吴二' });
      expect((await edit(employee, { phone: '13800138002' })).status).toBe(409);

      const self = await employeeDto(t.demo.adminId);
      const demote = await edit(self, { role: 'employee' });
      expect(demote.status).toBe(409);
      expect(demote.body.message).toBe('不能修改自己的角色，请让另一位管理员操作');
      expect((await edit(self, { title: '董事长' })).status).toBe(200);

      expect((await edit(employee, { name: '越权' }, manager)).status).toBe(403);
      expect((await edit(employee, { name: '越权' }, otherAdmin)).status).toBe(404);
      expect((await edit(employee, { departmentId: 'f0000000-0000-4000-8000-000000000000' })).status).toBe(
        404,
      );
    });
  });

  describe('disable and enable', () => {
    it('stops a disabled employee at once: session, WeChat login, card and shares; enabling restores them', async () => {
      const loop = cardLoop(t);
      const { employee, session } = await joined('郑停用');
      const share = await loop.shareOwnCard(session);
      const cardId = await loop.cardIdOf(employee.id);
      // Opened once before: the kept read (PublicReadCache) must not outlive the disabling.
      expect((await t.http.get(`/api/public/shares/${share.code}`)).status).toBe(200);

      const disabled = await t.http.post(`/api/employees/${employee.id}/disable`).set(bearer(admin));
      expect(disabled.status).toBe(200);
      expect(disabled.body.status).toBe('disabled');

      const me = await t.http.get('/api/auth/me').set(bearer(session));
      expect(me.status).toBe(401);
      expect(me.body.message).toBe('该账号已停用，请联系管理员');
      const relogin = await t.http
        .post('/api/auth/wechat-login')
        .send({ code: t.wechat!.issueLoginCode('郑停用') });
      expect(relogin.status).toBe(401);
      expect((await t.http.get(`/api/public/cards/${cardId}`)).status).toBe(404);
      expect((await t.http.get(`/api/public/shares/${share.code}`)).status).toBe(404);

      const enabled = await t.http.post(`/api/employees/${employee.id}/enable`).set(bearer(admin));
      expect(enabled.body.status).toBe('active');
      expect((await t.http.get('/api/auth/me').set(bearer(session))).status).toBe(200);
      expect((await t.http.get(`/api/public/shares/${share.code}`)).status).toBe(200);
    });

    it('returns a pending employee to pending, whose invitation works again', async () => {
      const { employee, invitation } = await create({ name: '冯待定' });
      await t.http.post(`/api/employees/${employee.id}/disable`).set(bearer(admin));
      const closed = await t.http
        .post(`/api/invitations/${invitation.code}/accept`)
        .send({ code: t.wechat!.issueLoginCode('冯待定') });
      expect(closed.status).toBe(410);

      const enabled = await t.http.post(`/api/employees/${employee.id}/enable`).set(bearer(admin));
      expect(enabled.body).toMatchObject({ status: 'invited', invitation: { code: invitation.code } });
    });

    it('refuses to disable oneself (409); only admins of the organization may (403/404)', async () => {
      const self = await t.http.post(`/api/employees/${t.demo.adminId}/disable`).set(bearer(admin));
      expect(self.status).toBe(409);
      expect(self.body.message).toContain('不能停用自己的账号');
      const target = t.demo.employeeIds[1]!;
      expect((await t.http.post(`/api/employees/${target}/disable`).set(bearer(manager))).status).toBe(403);
      expect((await t.http.post(`/api/employees/${target}/disable`).set(bearer(otherAdmin))).status).toBe(
        404,
      );
      expect((await t.http.post(`/api/employees/${target}/disable`)).status).toBe(401);
    });
  });

  describe('invitations of an employee', () => {
    it('shows the open invitation and re-issues it, revoking the previous one', async () => {
      const { employee, invitation } = await create({ name: '蒋重发' });
      const current = await t.http.get(`/api/employees/${employee.id}/invitation`).set(bearer(admin));
      expect(current.body).toMatchObject({ code: invitation.code, url: invitation.url });

      const reissued = await t.http
        .post(`/api/employees/${employee.id}/invitation`)
        .set(bearer(admin))
        .send({ validDays: 14 });
      expect(reissued.status).toBe(201);
      const fresh = reissued.body as InvitationDto;
      expect(fresh.code).not.toBe(invitation.code);
      expect((Date.parse(fresh.expiresAt) - Date.now()) / 86_400_000).toBeGreaterThan(13.99);

      const old = await t.http.get(`/api/invitations/${invitation.code}`);
      expect(old.status).toBe(410);
      expect(old.body.message).toContain('已作废');
      const oldAccept = await t.http
        .post(`/api/invitations/${invitation.code}/accept`)
        .send({ code: t.wechat!.issueLoginCode('蒋重发') });
      expect(oldAccept.status).toBe(410);
      expect((await t.http.get(`/api/invitations/${invitation.code}/qrcode.svg`)).status).toBe(410);
      expect((await employeeDto(employee.id)).invitation?.code).toBe(fresh.code);

      const accepted = await t.http
        .post(`/api/invitations/${fresh.code}/accept`)
        .send({ code: t.wechat!.issueLoginCode('蒋重发') });
      expect(accepted.status).toBe(200);
      const again = await t.http.post(`/api/employees/${employee.id}/invitation`).set(bearer(admin)).send({});
      expect(again.status).toBe(409);
      expect(again.body.message).toBe('该员工已加入，无需再邀请');
      expect((await t.http.get(`/api/employees/${employee.id}/invitation`).set(bearer(admin))).status).toBe(
        404,
      );
    });

    it('draws the QR code of the join link and the mini-program code with the invitation in its scene', async () => {
      const { invitation } = await create({ name: '韩扫码' });
      const svg = await t.http.get(`/api/invitations/${invitation.code}/qrcode.svg`).buffer(true);
      expect(svg.status).toBe(200);
      expect(svg.headers['content-type']).toContain('image/svg+xml');
      expect(String(svg.body)).toContain('<svg');

      const png = await t.http.get(`/api/invitations/${invitation.code}/wxacode.png`).buffer(true);
      expect(png.status).toBe(200);
      expect(png.headers['content-type']).toBe('image/png');
      expect(t.wechat!.codeRequests.at(-1)).toMatchObject({
        scene: `inv=${invitation.code}`,
        page: 'pages/join/index',
      });
      expect(`inv=${invitation.code}`.length).toBeLessThanOrEqual(32);
      expect((await t.http.get('/api/invitations/no-such-code/wxacode.png')).status).toBe(404);
    });

    it("keeps another organization's employee invisible (404) and employees out (403)", async () => {
      const { employee } = await create({ name: '秦保密' });
      const path = `/api/employees/${employee.id}/invitation`;
      expect((await t.http.get(path).set(bearer(otherAdmin))).status).toBe(404);
      expect((await t.http.post(path).set(bearer(otherAdmin)).send({})).status).toBe(404);
      expect((await t.http.post(path).set(bearer(zhang)).send({})).status).toBe(403);
    });
  });

  it('migration backfill: employees from before the roster take their card phone and email', async () => {
    const dataSource = t.get(DataSource);
    const employees = dataSource.getRepository(Employee);
    await employees.update({ organizationId: t.demo.organizationId }, { phone: null, email: null });
    const runner = dataSource.createQueryRunner();
    try {
      await backfillEmployeeContacts(runner);
    } finally {
      await runner.release();
    }
    expect(await employees.findOneByOrFail({ id: t.demo.employeeIds[0]! })).toMatchObject({
      phone: '13800138001',
      email: 'zhangwei@xingchen-tech.cn',
    });
  });
});
