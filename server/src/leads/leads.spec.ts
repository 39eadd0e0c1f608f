import type {
  LeadDetail,
  LeadListResponse,
  LoginResponse,
  RadarResponse,
  ScoringConfigResponse,
  ShareDto,
} from '@cardhub/shared';
import { DEFAULT_SCORING_CONFIG } from '@cardhub/shared';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { WechatUser } from '../auth/entities/wechat-user.entity';
import { Employee } from '../org/entities/employee.entity';
import { type TestApp, bearer, createTestApp, describeEachDatabase } from '../test-support';
import { cardLoop } from '../tracking/card-loop.testing';
import { EventLog } from '../tracking/event-log';
import { VisitorsService } from '../visitors/visitors.service';
import { ConsentsService } from '../privacy/consents.service';
import { VisitTokens } from '../tracking/visit-tokens';
import { LeadScorer } from './lead-scorer';
import { RescoreJobs } from './rescore-jobs';

/** Shaped like a real openid, which the fake WeChat server checks. */
const ZHANG_OPENID = `o${'ZhangWei'.padEnd(27, '0')}`;

describeEachDatabase('leads', (database) => {
  let t: TestApp;
  let loop: ReturnType<typeof cardLoop>;
  let admin: LoginResponse;
  let manager: LoginResponse;
  let zhang: LoginResponse; // 销售一部, under 李经理
  let liu: LoginResponse; // 销售一部
  let chen: LoginResponse; // 销售二部
  let otherAdmin: LoginResponse;
  let productId: string;
  let articleId: string;

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url });
    loop = cardLoop(t);
    admin = await t.loginAs(t.demo.adminId);
    manager = await t.loginAs(t.demo.managerId);
    [zhang, liu, chen] = await Promise.all(t.demo.employeeIds.slice(0, 3).map((id) => t.loginAs(id)));
    otherAdmin = await t.loginAs(t.demo.otherAdminId);
    [articleId, productId] = t.demo.materialIds as [string, string];
    // 张伟 uses the mini-program: his WeChat identity receives lead alerts.
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

  const settled = () => t.get(EventLog).settled();
  const shareMaterial = async (sharer: LoginResponse, targetId: string): Promise<ShareDto> => {
    const response = await loop.share(sharer, { targetType: 'material', targetId });
    expect(response.status).toBe(201);
    return response.body as ShareDto;
  };
  const visit = async (visitorKey: string, targetId: string, share?: ShareDto, occurredAt?: Date) =>
    loop.viewOk({
      targetType: 'material',
      targetId,
      visitorKey,
      ...(share ? { shareCode: share.code } : {}),
      ...(occurredAt ? { occurredAt: occurredAt.toISOString() } : {}),
    });
  const act = async (visitToken: string, actions: Record<string, unknown>[]) => {
    expect((await loop.actions(visitToken, actions)).status).toBe(200);
    await settled();
  };
  const listAs = async (who: LoginResponse, query: Record<string, string> = {}) => {
    const response = await t.http.get('/api/leads').query(query).set(bearer(who));
    expect(response.status).toBe(200);
    return response.body as LeadListResponse;
  };
  const detailAs = (who: LoginResponse, id: string) => t.http.get(`/api/leads/${id}`).set(bearer(who));

  describe("the seeds' strong intent: two product views within 30 minutes and a consult click", () => {
    let lead: LeadDetail;

    beforeAll(async () => {
      const share = await shareMaterial(zhang, productId);
      const prospect = loop.newVisitorKey();
      const started = new Date(Date.now() - 20 * 60_000);
      await visit(prospect, productId, share, started);
      // Opened again 10 minutes later: a repeat view, which still counts toward the signal.
      const second = await visit(prospect, productId, share, new Date(started.getTime() + 10 * 60_000));
      expect(second.verdict).toBe('repeat');
      await act(second.visitToken, [{ type: 'click', action: 'consult' }]);
      const row = (await listAs(zhang, { owner: 'me', tag: '强意向' })).items[0]!;
      lead = (await detailAs(zhang, row.id)).body as LeadDetail;
    });

    it('makes the visitor an SQL lead owned by the sharing employee, tagged and explained', () => {
      expect(lead).toMatchObject({
        stage: 'sql',
        source: 'material',
        tags: ['强意向'],
        owner: { name: '张伟' },
      });
      expect(lead.signals).toEqual([expect.objectContaining({ signalId: 'strong_intent', tag: '强意向' })]);
      expect(lead.scoreReasons.map((reason) => reason.label)).toEqual(['点击咨询', '浏览产品页']);
      expect(lead.score).toBe(18);
      expect(lead.stageHistory.map((change) => [change.fromStage, change.toStage, change.reason])).toEqual([
        ['visitor', 'sql', '信号：30 分钟内两次浏览产品页并点击咨询'],
        [null, 'visitor', '行为评分或信号触发，归属首次分享的员工'],
      ]);
    });

    it('tells the owner at once in WeChat, once', async () => {
      const alerts = t.wechat!.subscribeMessages.filter((message) => message.touser === ZHANG_OPENID);
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({
        template_id: 'cardhub-lead-alert',
        page: `pages/leads/detail/index?id=${lead.id}`,
      });
      expect(alerts[0]!.data.thing2!.value).toContain('两次浏览产品页');
    });

    it("highlights the visitor on the owner's radar", async () => {
      const radar = await t.http.get('/api/me/radar').set(bearer(zhang));
      const visits = (radar.body as RadarResponse).visits.filter(
        (visit) => visit.visitor.id === lead.visitorId,
      );
      expect(visits.length).toBeGreaterThan(0);
      for (const visit of visits) expect(visit.visitor.signals).toEqual(['强意向']);
    });

    it('shows the timeline across the visit, newest first, with what was viewed', () => {
      expect(lead.timeline.map((entry) => [entry.type, entry.target.title])).toEqual([
        ['click', '星辰智能名片 企业版'],
        ['view', '星辰智能名片 企业版'],
        ['view', '星辰智能名片 企业版'],
      ]);
      expect(lead.timeline[0]!.creditedEmployeeName).toBe('张伟');
    });

    it('is visible to its owner, their manager and the admin; not to a colleague elsewhere or another company', async () => {
      expect((await detailAs(manager, lead.id)).status).toBe(200);
      expect((await detailAs(admin, lead.id)).status).toBe(200);
      for (const outsider of [chen, otherAdmin]) {
        const response = await detailAs(outsider, lead.id);
        expect(response.status).toBe(404);
        expect(response.body.message).toBe('线索不存在或无权查看');
      }
      expect((await listAs(chen)).items.map((item) => item.id)).not.toContain(lead.id);
      expect((await listAs(otherAdmin)).total).toBe(0);
    });

    it('lets the owner follow up, tag and close it as a customer, each in the history', async () => {
      const followed = await t.http
        .post(`/api/leads/${lead.id}/follow-ups`)
        .set(bearer(zhang))
        .send({ note: '已电话沟通，约下周演示' });
      expect(followed.status).toBe(201);
      expect((followed.body as LeadDetail).followUps[0]).toMatchObject({
        employeeName: '张伟',
        note: '已电话沟通，约下周演示',
      });
      const tagged = await t.http
        .put(`/api/leads/${lead.id}/tags`)
        .set(bearer(zhang))
        .send({ tags: ['强意向', '制造业'] });
      expect(tagged.body.tags).toEqual(['强意向', '制造业']);
      const won = await t.http
        .post(`/api/leads/${lead.id}/stage`)
        .set(bearer(zhang))
        .send({ stage: 'customer', reason: '签约企业版 80 人' });
      expect(won.status).toBe(200);
      expect((won.body as LeadDetail).stageHistory[0]).toMatchObject({
        fromStage: 'sql',
        toStage: 'customer',
        by: '张伟',
        reason: '签约企业版 80 人',
      });
      // Scoring never moves a customer back.
      const share = await shareMaterial(zhang, articleId);
      await visit(loop.newVisitorKey(), articleId, share);
      await settled();
      expect(((await detailAs(zhang, lead.id)).body as LeadDetail).stage).toBe('customer');
    });

    it('refuses bad input with 400 and a colleague working the lead with 404', async () => {
      const bad = [
        await t.http
          .post(`/api/leads/${lead.id}/stage`)
          .set(bearer(zhang))
          .send({ stage: 'won', reason: 'x' }),
        await t.http
          .post(`/api/leads/${lead.id}/stage`)
          .set(bearer(zhang))
          .send({ stage: 'lost', reason: ' ' }),
        await t.http.post(`/api/leads/${lead.id}/follow-ups`).set(bearer(zhang)).send({ note: '' }),
        await t.http
          .put(`/api/leads/${lead.id}/tags`)
          .set(bearer(zhang))
          .send({ tags: ['x'.repeat(21)] }),
        await t.http.get('/api/leads/not-a-uuid').set(bearer(zhang)),
        await t.http.get('/api/leads').query({ stage: 'hot' }).set(bearer(zhang)),
      ];
      expect(bad.map((response) => response.status)).toEqual([400, 400, 400, 400, 400, 400]);
      expect(bad[0]!.body.fields[0].path).toBe('stage');
      const byColleague = await t.http
        .post(`/api/leads/${lead.id}/follow-ups`)
        .set(bearer(liu))
        .send({ note: '我来跟' });
      expect(byColleague.status).toBe(404);
    });
  });

  describe('the shared pool (公海)', () => {
    let poolLeadId: string;

    beforeAll(async () => {
      // No share: found the product page directly, then called and copied the WeChat ID — an MQL without an owner.
      const prospect = loop.newVisitorKey();
      const view = await visit(prospect, productId);
      await act(view.visitToken, [
        { type: 'click', action: 'call' },
        { type: 'click', action: 'copy_wechat' },
        { type: 'video', progress: 'complete' },
        { type: 'dwell', seconds: 75 },
      ]);
      const pool = await listAs(liu, { owner: 'pool' });
      poolLeadId = pool.items.find((item) => item.source === 'none' && item.stage === 'mql')!.id;
    });

    it('waits in the pool for anyone to claim; the first claim wins', async () => {
      const claimed = await t.http.post(`/api/leads/${poolLeadId}/claim`).set(bearer(liu));
      expect(claimed.status).toBe(200);
      expect((claimed.body as LeadDetail).owner).toMatchObject({ name: '刘洋' });
      expect((claimed.body as LeadDetail).stageHistory[0]!.reason).toBe('刘洋 从公海领取');
      const late = await t.http.post(`/api/leads/${poolLeadId}/claim`).set(bearer(zhang));
      expect(late.status).toBe(404); // no longer in the pool, and 刘洋's lead is not 张伟's to see
      const lateManager = await t.http.post(`/api/leads/${poolLeadId}/claim`).set(bearer(manager));
      expect(lateManager.status).toBe(409);
      expect(lateManager.body.message).toBe('这条线索已被他人领取');
    });

    it('lets a manager reassign within their departments only, and employees not at all', async () => {
      const toChen = await t.http
        .post(`/api/leads/${poolLeadId}/assign`)
        .set(bearer(manager))
        .send({ employeeId: t.demo.employeeIds[2] });
      expect(toChen.status).toBe(400);
      expect(toChen.body.message).toBe('只能分配给你管理范围内的在职员工');
      const byEmployee = await t.http
        .post(`/api/leads/${poolLeadId}/assign`)
        .set(bearer(liu))
        .send({ employeeId: t.demo.employeeIds[0] });
      expect(byEmployee.status).toBe(403);
      const toZhang = await t.http
        .post(`/api/leads/${poolLeadId}/assign`)
        .set(bearer(manager))
        .send({ employeeId: t.demo.employeeIds[0], reason: '张伟负责制造业' });
      expect(toZhang.status).toBe(200);
      expect((toZhang.body as LeadDetail).owner!.name).toBe('张伟');
      expect((toZhang.body as LeadDetail).stageHistory[0]!.reason).toBe('李经理 分配给 张伟：张伟负责制造业');
      const byAdmin = await t.http
        .post(`/api/leads/${poolLeadId}/assign`)
        .set(bearer(admin))
        .send({ employeeId: t.demo.employeeIds[2] });
      expect((byAdmin.body as LeadDetail).owner!.name).toBe('陈静');
    });
  });

  it('rescores several visitors in one batch, each from their own events and consent', async () => {
    const visitorOf = (visitToken: string) => t.get(VisitTokens).verify(visitToken).visitorId!;
    const threeCalls = Array.from({ length: 3 }, () => ({ type: 'click', action: 'call' }));
    const calling = await visit(loop.newVisitorKey(), articleId);
    await act(calling.visitToken, threeCalls);
    const reading = await visit(loop.newVisitorKey(), articleId);
    const optingOut = await visit(loop.newVisitorKey(), articleId);
    await act(optingOut.visitToken, threeCalls);
    await t.get(ConsentsService).choose(
      {
        organizationId: t.demo.organizationId,
        visitorId: visitorOf(optingOut.visitToken),
        purpose: 'personalised_marketing',
        policyVersion: 'test',
        touchpoint: 'h5',
      },
      false,
    );
    const [caller, reader, optedOut] = [calling, reading, optingOut].map((each) =>
      visitorOf(each.visitToken),
    );

    const scorer = t.get(LeadScorer);
    const leads = await scorer.rescoreMany(t.demo.organizationId, [
      caller!,
      reader!,
      optedOut!,
      randomUUID(),
    ]);
    expect([...leads.keys()].sort()).toEqual([caller, optedOut].sort());
    expect(leads.get(caller!)).toMatchObject({ stage: 'mql' });
    expect(leads.get(caller!)!.score).toBeGreaterThanOrEqual(DEFAULT_SCORING_CONFIG.mqlThreshold);
    // Opted out after becoming a lead: the lead stays, its score is cleared.
    expect(leads.get(optedOut!)!.score).toBe(0);
    // The same as each scored alone.
    expect((await scorer.rescore(t.demo.organizationId, caller!))!.score).toBe(leads.get(caller!)!.score);
    expect(await scorer.rescore(t.demo.organizationId, reader!)).toBeNull();
  });

  describe('the scoring rules', () => {
    it('are read by managers, changed by admins only, validated, and re-score existing visitors in the background', async () => {
      const read = await t.http.get('/api/scoring-config').set(bearer(manager));
      expect(read.status).toBe(200);
      expect((read.body as ScoringConfigResponse).config).toEqual(DEFAULT_SCORING_CONFIG);

      const prospect = loop.newVisitorKey();
      await visit(prospect, articleId);
      await settled();
      const before = await listAs(admin);

      const stricter = { ...DEFAULT_SCORING_CONFIG, mqlThreshold: 2, sqlThreshold: 500 };
      expect((await t.http.put('/api/scoring-config').set(bearer(manager)).send(stricter)).status).toBe(403);
      const invalid = await t.http
        .put('/api/scoring-config')
        .set(bearer(admin))
        .send({ ...stricter, sqlThreshold: 1 });
      expect(invalid.status).toBe(400);
      expect(invalid.body.fields[0].path).toBe('sqlThreshold');

      const saved = await t.http.put('/api/scoring-config').set(bearer(admin)).send(stricter);
      expect(saved.status).toBe(200);
      expect((saved.body as ScoringConfigResponse).rescore).toMatchObject({ status: 'running' });
      await t.get(RescoreJobs).finished(t.demo.organizationId);
      // Saved again unchanged (a second click on 保存): the same answer, not a server error.
      const again = await t.http.put('/api/scoring-config').set(bearer(admin)).send(stricter);
      expect(again.status).toBe(200);
      expect(again.body.updatedAt).toBe(saved.body.updatedAt);
      await t.get(RescoreJobs).finished(t.demo.organizationId);
      const progress = (await t.http.get('/api/scoring-config').set(bearer(admin)))
        .body as ScoringConfigResponse;
      expect(progress.rescore).toMatchObject({ status: 'done' });
      expect(progress.rescore!.processed).toBe(progress.rescore!.total);
      // With an MQL threshold of 2, the article reader became a lead.
      const after = await listAs(admin);
      expect(after.total).toBeGreaterThan(before.total);
      expect((await listAs(otherAdmin)).total).toBe(0);
    });
  });

  it('keeps one lead, with both histories, when two visitors turn out to be one person', async () => {
    const hotLead = async () => {
      const view = await visit(loop.newVisitorKey(), productId, await shareMaterial(zhang, productId));
      await act(view.visitToken, [
        { type: 'click', action: 'call' },
        { type: 'click', action: 'consult' },
        { type: 'click', action: 'copy_wechat' },
      ]);
      return (await listAs(zhang, { owner: 'me' })).items.find((lead) => lead.label === view.visitorLabel)!;
    };
    const [first, second] = [await hotLead(), await hotLead()];
    await t.http.post(`/api/leads/${second.id}/follow-ups`).set(bearer(zhang)).send({ note: '手机上聊过' });

    // The same person, found by the phone they left on the official site.
    await t.get(VisitorsService).merge(t.demo.organizationId, first.visitorId, second.visitorId);
    await settled();
    const remaining = (await listAs(zhang, { owner: 'me' })).items.filter((lead) =>
      [first.id, second.id].includes(lead.id),
    );
    expect(remaining).toHaveLength(1);
    const person = (await detailAs(zhang, remaining[0]!.id)).body as LeadDetail;
    expect(person.followUps.map((note) => note.note)).toEqual(['手机上聊过']);
    // Scored on both visitors' events together.
    expect(person.score).toBeGreaterThan(Math.max(first.score, second.score));
  });

  describe('a prospect leaves their phone for the employee (留资)', () => {
    const leaveContact = (body: Record<string, unknown>) =>
      t.http.post('/api/track/contact').send({ eventId: randomUUID(), consent: { granted: true }, ...body });

    it("on H5: consent first, then the phone; the visitor becomes the sharing employee's lead with that phone", async () => {
      const view = await visit(loop.newVisitorKey(), articleId, await shareMaterial(zhang, articleId));
      const left = await leaveContact({
        visitToken: view.visitToken,
        phone: '139 1234 5678',
        name: '赵女士',
        message: '想了解报价',
      });
      expect(left.status).toBe(200);
      expect(left.body).toEqual({ employeeName: '张伟' });
      await settled();
      const lead = (await listAs(zhang, { owner: 'me' })).items.find((item) => item.phone === '13912345678')!;
      expect(lead).toMatchObject({ label: '赵女士', source: 'material' });
      const consents = await t
        .get(DataSource)
        .query('SELECT purpose, touchpoint FROM consents WHERE visitorId = ?', [lead.visitorId]);
      expect(consents).toEqual([{ purpose: 'contact_me', touchpoint: 'h5' }]);
      const detail = (await detailAs(zhang, lead.id)).body as LeadDetail;
      expect(detail.timeline[0]).toMatchObject({
        type: 'consult',
        props: { channel: 'form', message: '想了解报价' },
      });
    });

    it('in WeChat: the number comes from getPhoneNumber, and the same number on two visitors makes one lead', async () => {
      const share = await shareMaterial(zhang, productId);
      const webView = await visit(loop.newVisitorKey(), productId, share);
      await leaveContact({ visitToken: webView.visitToken, phone: '13955556666' });
      const prospect = await t.loginWithWechat('zhao-in-wechat');
      const wechatView = await loop.viewOk(
        { targetType: 'material', targetId: productId, shareCode: share.code, touchpoint: 'miniapp' },
        { token: prospect },
      );
      const left = await leaveContact({ visitToken: wechatView.visitToken, phoneCode: 'phone:13955556666' });
      expect(left.status).toBe(200);
      await settled();
      const leads = (await listAs(zhang, { owner: 'me' })).items.filter(
        (item) => item.phone === '13955556666',
      );
      expect(leads).toHaveLength(1);
      // A used code is refused, nothing stored.
      const reused = await leaveContact({
        visitToken: wechatView.visitToken,
        phoneCode: 'phone:13955556666',
      });
      expect(reused.status).toBe(400);
      expect(reused.body.message).toBe('微信手机号授权已失效，请重新授权');
    });

    it('refuses without consent, without a number, with a forged token, and from staff', async () => {
      const view = await visit(loop.newVisitorKey(), articleId);
      const refused = [
        await leaveContact({
          visitToken: view.visitToken,
          phone: '13912340000',
          consent: { granted: false },
        }),
        await leaveContact({ visitToken: view.visitToken }),
        await leaveContact({ visitToken: view.visitToken, phone: 'call me' }),
      ];
      expect(refused.map((response) => response.status)).toEqual([400, 400, 400]);
      expect(refused[0]!.body.fields[0].path).toBe('consent.granted');
      expect((await leaveContact({ visitToken: 'forged', phone: '13912340000' })).status).toBe(401);
      const selfView = await loop.viewOk({ targetType: 'material', targetId: articleId }, { token: zhang });
      const fromStaff = await leaveContact({ visitToken: selfView.visitToken, phone: '13912340000' });
      expect(fromStaff.status).toBe(400);
      const stored = await t
        .get(DataSource)
        .query("SELECT COUNT(*) AS n FROM visitor_identities WHERE value = '13912340000'");
      expect(Number(stored[0].n)).toBe(0);
    });
  });

  it('answers 401 without a session and ignores leads of unknown ids', async () => {
    expect((await t.http.get('/api/leads')).status).toBe(401);
    expect((await detailAs(admin, randomUUID())).status).toBe(404);
  });
});
