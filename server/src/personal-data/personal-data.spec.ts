import type {
  AuditLogResponse,
  ErasureReport,
  LeadDetail,
  LeadListResponse,
  LoginResponse,
  MaterialDto,
  MaterialStats,
  MySharesResponse,
  PersonalDataExport,
  PrivacyStatus,
  RadarResponse,
} from '@cardhub/shared';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Consent } from '../privacy/entities/consent.entity';
import { materialLoop } from '../stats/material-loop.testing';
import { type TestApp, bearer, createTestApp, describeEachDatabase } from '../test-support';
import { TrackedEvent } from '../tracking/entities/tracked-event.entity';
import { EventLog } from '../tracking/event-log';
import { VisitorIdentity } from '../visitors/entities/visitor-identity.entity';
import { Visitor } from '../visitors/entities/visitor.entity';
import { VisitorsService } from '../visitors/visitors.service';

const PHONE = '13912345678';
const NAME = '赵女士';

describeEachDatabase('PIPL rights: consent, export, erasure, opt-out', (database) => {
  let t: TestApp;
  let loop: ReturnType<typeof materialLoop>;
  let admin: LoginResponse;
  let manager: LoginResponse;
  let zhang: LoginResponse;
  let material: MaterialDto;

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url });
    loop = materialLoop(t);
    admin = await t.loginAs(t.demo.adminId);
    manager = await t.loginAs(t.demo.managerId);
    zhang = await t.loginAs(t.demo.employeeIds[0]!);
    material = await loop.publish(admin, { title: '隐私测试手册' });
  });
  afterAll(() => t.close());

  const settled = () => t.get(EventLog).settled();
  const privacy = (path: string, body: Record<string, unknown>) =>
    t.http.post(`/api/privacy/me${path}`).send(body);
  const leaveContact = (visitToken: string, body: Record<string, unknown> = {}) =>
    t.http.post('/api/track/contact').send({
      eventId: randomUUID(),
      visitToken,
      consent: { granted: true, policyVersion: '2026-11' },
      phone: PHONE,
      name: NAME,
      message: '想了解报价，下午方便',
      ...body,
    });
  const leadOf = async (visitorLabel: string | null, phone: string | null) => {
    const list = (await t.http.get('/api/leads').query({ owner: 'me' }).set(bearer(zhang)))
      .body as LeadListResponse;
    return list.items.find((lead) => (phone ? lead.phone === phone : lead.label === visitorLabel));
  };
  const detailAs = async (who: LoginResponse, id: string) => {
    const response = await t.http.get(`/api/leads/${id}`).set(bearer(who));
    expect(response.status).toBe(200);
    return response.body as LeadDetail;
  };
  /** What staff see in figures: the material's dashboard, the sharer's shares, the radar. */
  const figures = async () => {
    const stats = (await t.http.get(`/api/materials/${material.id}/stats`).set(bearer(admin)))
      .body as MaterialStats;
    const shares = (await t.http.get('/api/me/shares').set(bearer(zhang))).body as MySharesResponse;
    const radar = (await t.http.get('/api/me/radar').query({ limit: 50 }).set(bearer(zhang)))
      .body as RadarResponse;
    return {
      // Labels may change (a name becomes "访客 #…"); every figure must not.
      stats: JSON.parse(
        JSON.stringify(stats, (key, value: unknown) => (key === 'label' ? undefined : value)),
      ),
      shares: shares.items.map(({ code, views, visitors, forwards }) => ({
        code,
        views,
        visitors,
        forwards,
      })),
      radarVisits: radar.visits.length,
      radarVisitors: new Set(radar.visits.map((visit) => visit.visitor.id)).size,
    };
  };

  it('erases a person end to end: the counts are the same before and after, nothing personal is left', async () => {
    const share = await loop.shareMaterial(zhang, material.id);
    const visit = await loop.viewMaterial(material.id, share.code);
    await loop.act(visit, [
      { type: 'dwell', seconds: 75 },
      { type: 'click', action: 'consult' },
    ]);
    const forward = await loop.forward(visit, material.id, share.code);
    await loop.viewMaterial(material.id, forward.code); // someone the person forwarded to
    expect((await leaveContact(visit.visitToken)).status).toBe(200);
    await settled();
    const lead = (await leadOf(null, PHONE))!;
    expect(lead.label).toBe(NAME);
    const note = await t.http
      .post(`/api/leads/${lead.id}/follow-ups`)
      .set(bearer(zhang))
      .send({ note: `${NAME}说下周再联系` });
    expect(note.status).toBe(201);

    const exported = await privacy('/export', { visitToken: visit.visitToken });
    expect(exported.status).toBe(200);
    const data = exported.body as PersonalDataExport;
    expect(data.person).toMatchObject({ name: NAME, phone: PHONE });
    expect(data.identities.map((identity) => identity.kind).sort()).toEqual(['phone', 'web']);
    expect(data.consents).toEqual([
      expect.objectContaining({
        purpose: 'contact_me',
        granted: true,
        policyVersion: '2026-11',
        touchpoint: 'h5',
      }),
    ]);
    expect(data.events.map((event) => event.type).sort()).toEqual(
      ['click', 'consult', 'dwell', 'forward', 'share', 'view'].sort(),
    );
    expect(data.lead).toMatchObject({
      stage: expect.any(String),
      owner: '张伟',
      followUps: [{ note: `${NAME}说下周再联系` }],
    });
    expect(data.lead!.scoreReasons.length).toBeGreaterThan(0);

    const before = await figures();
    // The person and the friend they forwarded to: two counted views, two visitors, one forward, one lead.
    expect(before.stats).toMatchObject({ views: 2, visitors: 2, forwards: 1, leads: 1 });
    expect(before.shares.find((row) => row.code === share.code)).toMatchObject({
      views: 2,
      visitors: 2,
      forwards: 1,
    });
    expect([before.radarVisits, before.radarVisitors]).toEqual([2, 2]);
    const erased = await privacy('/erase', { visitToken: visit.visitToken });
    expect(erased.status).toBe(200);
    expect(erased.body as ErasureReport).toEqual({
      identities: 2,
      consents: 1,
      eventsUnlinked: 6,
      followUps: 1,
      leadAnonymised: true,
    });
    expect(await figures()).toEqual(before);
    const chain = JSON.stringify(
      ((await t.http.get(`/api/materials/${material.id}/stats`).set(bearer(admin))).body as MaterialStats)
        .chain,
    );
    expect(chain).not.toContain(NAME);

    // The person is gone: their old page cannot bring them back (a form on it is refused, nothing stored)
    expect((await leaveContact(visit.visitToken, { phone: '13912340000' })).status).toBe(404);
    // their own token finds nothing, the lead is anonymous and keeps its stage and score.
    expect((await privacy('/export', { visitToken: visit.visitToken })).status).toBe(404);
    const anonymous = await detailAs(zhang, lead.id);
    expect(anonymous).toMatchObject({
      phone: null,
      erased: true,
      followUps: [],
      tags: [],
      stage: lead.stage,
      score: lead.score,
    });
    expect(anonymous.label).toMatch(/^访客 #/);
    expect(anonymous.visitorId).not.toBe(lead.visitorId);
    const adminCopy = (await t.http.get(`/api/leads/${lead.id}/personal-data`).set(bearer(admin)))
      .body as PersonalDataExport;
    const text = JSON.stringify(adminCopy);
    for (const personal of [PHONE, NAME, '下午方便', visit.visitorKey, 'Mozilla'])
      expect(text).not.toContain(personal);
    expect(adminCopy.identities).toEqual([]);
    expect(adminCopy.consents).toEqual([]);
    expect(adminCopy.events).toHaveLength(6);

    // Raw rows: no visitor, identity or consent of theirs remains; their events all sit on one pseudonym.
    const db = t.get(DataSource);
    expect(await db.getRepository(Visitor).countBy({ id: lead.visitorId })).toBe(0);
    expect(await db.getRepository(VisitorIdentity).countBy({ value: visit.visitorKey })).toBe(0);
    expect(await db.getRepository(VisitorIdentity).countBy({ value: PHONE })).toBe(0);
    expect(await db.getRepository(Consent).countBy({ visitorId: lead.visitorId })).toBe(0);
    expect(await db.getRepository(TrackedEvent).countBy({ visitorId: anonymous.visitorId })).toBe(6);

    // Coming back with the same key is a new, unknown visitor: nothing links them to the old events.
    const again = await loop.viewMaterial(material.id, share.code, { visitorKey: visit.visitorKey });
    const status = (await privacy('', { visitToken: again.visitToken })).body as PrivacyStatus;
    expect(status.holdsPersonalData).toBe(false);

    const audit = (await t.http.get('/api/audit-log').query({ action: 'person.erase' }).set(bearer(admin)))
      .body as AuditLogResponse;
    expect(audit.items[0]).toMatchObject({
      employee: null,
      target: 'visitor',
      detail: { by: 'visitor', eventsUnlinked: 6 },
    });
  });

  it('a WeChat prospect is erased too: their openid no longer resolves to them', async () => {
    const share = await loop.shareMaterial(zhang, material.id);
    const prospect = await t.loginWithWechat('隐私测试的微信');
    const visit = await loop.viewMaterial(material.id, share.code, { token: prospect });
    const principal = prospect.principal;
    if (principal.kind !== 'prospect') throw new Error('expected a prospect');
    const visitors = t.get(VisitorsService);
    const openid = (await visitors.wechatIdentity(principal.wechatUserId))!;
    const organizationId = t.demo.organizationId;
    expect(await visitors.findIdOf(organizationId, openid)).not.toBeNull();
    expect((await privacy('/erase', { visitToken: visit.visitToken })).status).toBe(200);
    expect(await visitors.findIdOf(organizationId, openid)).toBeNull();
  });

  it('withdrawing consent stops collection: a later contact form is refused and stores nothing', async () => {
    const share = await loop.shareMaterial(zhang, material.id);
    const visit = await loop.viewMaterial(material.id, share.code);
    const withdrawn = await privacy('/consents', {
      visitToken: visit.visitToken,
      purpose: 'contact_me',
      granted: false,
    });
    expect(withdrawn.status).toBe(200);
    const state = (withdrawn.body as PrivacyStatus).purposes.find(
      (purpose) => purpose.purpose === 'contact_me',
    );
    expect(state).toMatchObject({ state: 'withdrawn' });

    const refused = await leaveContact(visit.visitToken, { phone: '13700001111' });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('撤回');
    const db = t.get(DataSource);
    expect(await db.getRepository(VisitorIdentity).countBy({ value: '13700001111' })).toBe(0);

    // Given again on the privacy page, the form works again; the history keeps both choices.
    expect(
      (await privacy('/consents', { visitToken: visit.visitToken, purpose: 'contact_me', granted: true }))
        .status,
    ).toBe(200);
    expect((await leaveContact(visit.visitToken, { phone: '13700001111' })).status).toBe(200);
    const data = (await privacy('/export', { visitToken: visit.visitToken })).body as PersonalDataExport;
    expect(data.consents.map((consent) => [consent.granted, consent.withdrawnAt === null])).toEqual([
      [false, false],
      [true, true],
      [true, true],
    ]);
  });

  it('opting out of personalised marketing stops scoring, signals and alerts; the lead page says so', async () => {
    const share = await loop.shareMaterial(zhang, material.id);
    const visit = await loop.viewMaterial(material.id, share.code);
    expect((await leaveContact(visit.visitToken, { phone: '13600002222', name: '钱先生' })).status).toBe(200);
    await loop.act(visit, [{ type: 'dwell', seconds: 90 }]);
    await settled();
    const lead = (await leadOf(null, '13600002222'))!;
    const scored = await detailAs(zhang, lead.id);
    expect(scored.score).toBeGreaterThan(0);
    expect(scored.scoreReasons.length).toBeGreaterThan(0);
    expect(scored.scoreReasons[0]!.undecayedPoints).toBeGreaterThanOrEqual(scored.scoreReasons[0]!.points);
    expect(scored.marketingOptOut).toBe(false);

    const optOut = await privacy('/consents', {
      visitToken: visit.visitToken,
      purpose: 'personalised_marketing',
      granted: false,
    });
    expect(optOut.status).toBe(200);
    await settled();
    const alertsBefore = t.wechat!.subscribeMessages.length;
    await loop.act(visit, [
      { type: 'click', action: 'call' },
      { type: 'click', action: 'consult' },
    ]);
    await settled();
    const after = await detailAs(zhang, lead.id);
    expect(after).toMatchObject({ score: 0, scoreReasons: [], marketingOptOut: true, stage: scored.stage });
    expect(t.wechat!.subscribeMessages).toHaveLength(alertsBefore);
  });

  it('admins export and erase a lead’s person for requests by other channels, audited; others are refused', async () => {
    const share = await loop.shareMaterial(zhang, material.id);
    const visit = await loop.viewMaterial(material.id, share.code);
    expect((await leaveContact(visit.visitToken, { phone: '13500003333', name: '孙女士' })).status).toBe(200);
    await settled();
    const lead = (await leadOf(null, '13500003333'))!;
    for (const who of [zhang, manager]) {
      expect((await t.http.get(`/api/leads/${lead.id}/personal-data`).set(bearer(who))).status).toBe(403);
      expect(
        (await t.http.post(`/api/leads/${lead.id}/erase`).set(bearer(who)).send({ reason: '来电' })).status,
      ).toBe(403);
    }
    expect((await t.http.post(`/api/leads/${lead.id}/erase`).set(bearer(admin)).send({})).status).toBe(400);
    const copy = await t.http.get(`/api/leads/${lead.id}/personal-data`).set(bearer(admin));
    expect(copy.body.person.phone).toBe('13500003333');
    const erased = await t.http
      .post(`/api/leads/${lead.id}/erase`)
      .set(bearer(admin))
      .send({ reason: '客户来电要求删除' });
    expect(erased.status).toBe(200);
    expect((await detailAs(admin, lead.id)).phone).toBeNull();
    const log = (await t.http.get('/api/audit-log').query({ limit: 5 }).set(bearer(admin)))
      .body as AuditLogResponse;
    expect(
      log.items.slice(0, 3).map((entry) => [entry.action, entry.employee?.name ?? null, entry.target]),
    ).toEqual([
      ['lead.view', '王总', lead.id],
      ['person.erase', '王总', lead.id],
      ['person.export', '王总', lead.id],
    ]);
    expect(log.items[1]!.detail).toMatchObject({ reason: '客户来电要求删除', leadAnonymised: true });
  });
});
