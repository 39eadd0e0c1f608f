import type {
  HandoffSettingsResponse,
  LeadDetail,
  LeadListResponse,
  LoginResponse,
  ShareDto,
} from '@cardhub/shared';
import { DataSource } from 'typeorm';
import { WechatUser } from '../auth/entities/wechat-user.entity';
import { Employee } from '../org/entities/employee.entity';
import { type TestApp, bearer, createTestApp, describeEachDatabase } from '../test-support';
import { cardLoop } from '../tracking/card-loop.testing';
import { EventLog } from '../tracking/event-log';
import { HandoffDeadlines } from './handoff-deadlines';

/** Shaped like a real openid, which the fake WeChat server checks. */
const ZHANG_OPENID = `o${'ZhangHandoff'.padEnd(27, '0')}`;
const HOUR = 3_600_000;

describeEachDatabase('lead hand-off deadlines', (database) => {
  let t: TestApp;
  let loop: ReturnType<typeof cardLoop>;
  let admin: LoginResponse;
  let manager: LoginResponse;
  let zhang: LoginResponse;
  let otherAdmin: LoginResponse;
  let productId: string;

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url });
    loop = cardLoop(t);
    admin = await t.loginAs(t.demo.adminId);
    manager = await t.loginAs(t.demo.managerId);
    zhang = await t.loginAs(t.demo.employeeIds[0]!);
    otherAdmin = await t.loginAs(t.demo.otherAdminId);
    productId = t.demo.materialIds[1]!;
    const user = await t
      .get(DataSource)
      .getRepository(WechatUser)
      .save({ openid: ZHANG_OPENID, unionid: null, lastLoginAt: new Date() });
    await t
      .get(DataSource)
      .getRepository(Employee)
      .update({ id: t.demo.employeeIds[0] }, { wechatUserId: user.id });
  });
  afterAll(() => t.close());

  const remindersToZhang = () =>
    t.wechat!.subscribeMessages.filter(
      (message) => message.touser === ZHANG_OPENID && message.data.thing2?.value.includes('未跟进'),
    );
  const detail = async (id: string) =>
    (await t.http.get(`/api/leads/${id}`).set(bearer(admin))).body as LeadDetail;
  const runAt = (offsetMs: number, from: Date) =>
    t.get(HandoffDeadlines).runAt(new Date(from.getTime() + offsetMs));

  /** The seeds' strong intent on 张伟's share: an SQL lead he owns, made now. */
  const newSqlLead = async (): Promise<{ lead: LeadDetail; madeAt: Date }> => {
    const share = (await loop.share(zhang, { targetType: 'material', targetId: productId })).body as ShareDto;
    const visitorKey = loop.newVisitorKey();
    const view = () =>
      loop.viewOk({ targetType: 'material', targetId: productId, visitorKey, shareCode: share.code });
    await view();
    const second = await view();
    expect((await loop.actions(second.visitToken, [{ type: 'click', action: 'consult' }])).status).toBe(200);
    await t.get(EventLog).settled();
    const madeAt = new Date();
    const mine = (await t.http.get('/api/leads').query({ owner: 'me' }).set(bearer(zhang)))
      .body as LeadListResponse;
    const lead = await detail(mine.items[0]!.id);
    expect(lead).toMatchObject({ stage: 'sql', owner: { name: '张伟' } });
    return { lead, madeAt };
  };

  it('reminds the owner of an SQL lead once, 24 hours on, then returns it to the pool after 7 days', async () => {
    const { lead, madeAt } = await newSqlLead();
    const before = remindersToZhang().length;

    await runAt(23 * HOUR, madeAt);
    expect(remindersToZhang()).toHaveLength(before);

    await runAt(25 * HOUR, madeAt);
    await runAt(26 * HOUR, madeAt);
    const reminders = remindersToZhang();
    expect(reminders).toHaveLength(before + 1);
    expect(reminders[reminders.length - 1]).toMatchObject({
      template_id: 'cardhub-lead-alert',
      page: `pages/leads/detail/index?id=${lead.id}`,
    });
    let now = await detail(lead.id);
    expect(now.owner).toMatchObject({ name: '张伟' });
    expect(now.stageHistory[0]).toMatchObject({
      fromStage: 'sql',
      toStage: 'sql',
      by: null,
      reason: '超过 24 小时未跟进，已提醒负责人',
    });

    await runAt(7 * 24 * HOUR - 60_000, madeAt);
    expect((await detail(lead.id)).owner).not.toBeNull();

    await runAt(7 * 24 * HOUR + 60_000, madeAt);
    now = await detail(lead.id);
    expect(now.owner).toBeNull();
    expect(now.stageHistory[0]).toMatchObject({ by: null, reason: '7 天未跟进，退回公海' });
    const pool = (await t.http.get('/api/leads').query({ owner: 'pool' }).set(bearer(zhang)))
      .body as LeadListResponse;
    expect(pool.items.map((item) => item.id)).toContain(lead.id);
    expect(remindersToZhang()).toHaveLength(before + 1);
  });

  it("leaves a lead its owner followed up alone, and a manager's note does not count as the owner's", async () => {
    const followed = await newSqlLead();
    expect(
      (
        await t.http
          .post(`/api/leads/${followed.lead.id}/follow-ups`)
          .set(bearer(zhang))
          .send({ note: '已电话沟通' })
      ).status,
    ).toBe(201);
    const byManager = await newSqlLead();
    expect(
      (
        await t.http
          .post(`/api/leads/${byManager.lead.id}/follow-ups`)
          .set(bearer(manager))
          .send({ note: '请尽快联系' })
      ).status,
    ).toBe(201);
    const before = remindersToZhang().length;

    await runAt(8 * 24 * HOUR, byManager.madeAt);

    expect(await detail(followed.lead.id)).toMatchObject({ owner: { name: '张伟' } });
    expect((await detail(followed.lead.id)).stageHistory.map((change) => change.reason)).not.toContain(
      '7 天未跟进，退回公海',
    );
    expect((await detail(byManager.lead.id)).owner).toBeNull();
    expect(remindersToZhang()).toHaveLength(before + 1);
  });

  it('restarts the clock when someone claims a lead from the pool', async () => {
    const { lead, madeAt } = await newSqlLead();
    await runAt(8 * 24 * HOUR, madeAt);
    expect((await detail(lead.id)).owner).toBeNull();
    expect((await t.http.post(`/api/leads/${lead.id}/claim`).set(bearer(zhang))).status).toBe(200);
    const claimedAt = new Date();
    const before = remindersToZhang().length;

    await runAt(23 * HOUR, claimedAt);
    expect(remindersToZhang()).toHaveLength(before);
    await runAt(25 * HOUR, claimedAt);
    expect(remindersToZhang()).toHaveLength(before + 1);
  });

  describe('the settings', () => {
    it('default to 24 hours and 7 days; managers read them, admins change them, and the job uses them', async () => {
      const read = await t.http.get('/api/handoff-settings').set(bearer(manager));
      expect(read.status).toBe(200);
      expect((read.body as HandoffSettingsResponse).settings).toEqual({
        sqlFollowUpHours: 24,
        returnToPoolDays: 7,
      });
      const changed = { sqlFollowUpHours: 4, returnToPoolDays: 3 };
      expect((await t.http.put('/api/handoff-settings').set(bearer(manager)).send(changed)).status).toBe(403);
      expect((await t.http.put('/api/handoff-settings').set(bearer(zhang)).send(changed)).status).toBe(403);
      expect((await t.http.put('/api/handoff-settings').send(changed)).status).toBe(401);
      const saved = await t.http.put('/api/handoff-settings').set(bearer(admin)).send(changed);
      expect(saved.status).toBe(200);
      expect((saved.body as HandoffSettingsResponse).settings).toEqual(changed);
      // Saving them again unchanged (a second click on 保存) answers the same, not a server error.
      const again = await t.http.put('/api/handoff-settings').set(bearer(admin)).send(changed);
      expect(again.status).toBe(200);
      expect(again.body.updatedAt).toBe(saved.body.updatedAt);
      // Another organization keeps its own.
      const other = await t.http.get('/api/handoff-settings').set(bearer(otherAdmin));
      expect((other.body as HandoffSettingsResponse).settings.sqlFollowUpHours).toBe(24);

      const { lead, madeAt } = await newSqlLead();
      await runAt(5 * HOUR, madeAt);
      expect((await detail(lead.id)).stageHistory[0]!.reason).toBe('超过 4 小时未跟进，已提醒负责人');
      await runAt(3 * 24 * HOUR + 60_000, madeAt);
      expect((await detail(lead.id)).stageHistory[0]!.reason).toBe('3 天未跟进，退回公海');
    });

    it('refuses bad values with 400 naming the fields, and changes nothing', async () => {
      const response = await t.http
        .put('/api/handoff-settings')
        .set(bearer(admin))
        .send({ sqlFollowUpHours: 0, returnToPoolDays: 1.5 });
      expect(response.status).toBe(400);
      expect(response.body.fields.map((field: { path: string }) => field.path).sort()).toEqual([
        'returnToPoolDays',
        'sqlFollowUpHours',
      ]);
      const read = await t.http.get('/api/handoff-settings').set(bearer(admin));
      expect((read.body as HandoffSettingsResponse).settings).toEqual({
        sqlFollowUpHours: 4,
        returnToPoolDays: 3,
      });
    });
  });
});
