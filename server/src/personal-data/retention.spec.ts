import type { LoginResponse, RetentionSettingsResponse } from '@cardhub/shared';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { materialLoop } from '../stats/material-loop.testing';
import { type TestApp, bearer, createTestApp, describeEachDatabase } from '../test-support';
import { TrackedEvent } from '../tracking/entities/tracked-event.entity';
import { EventLog } from '../tracking/event-log';
import { VisitorIdentity } from '../visitors/entities/visitor-identity.entity';
import { RetentionPurge } from './retention-purge';

const DAY_MS = 86_400_000;

describeEachDatabase('retention limits (保存期限)', (database) => {
  let t: TestApp;
  let admin: LoginResponse;
  let manager: LoginResponse;

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url });
    admin = await t.loginAs(t.demo.adminId);
    manager = await t.loginAs(t.demo.managerId);
  });
  afterAll(() => t.close());

  it('admins set the limits; managers cannot; out-of-range values are refused with the field named', async () => {
    const initial = await t.http.get('/api/retention-settings').set(bearer(admin));
    expect(initial.body).toEqual({
      settings: { inactiveVisitorDays: 365, rawEventDays: 180 },
      updatedAt: null,
    });
    expect((await t.http.get('/api/retention-settings').set(bearer(manager))).status).toBe(403);
    const bad = await t.http
      .put('/api/retention-settings')
      .set(bearer(admin))
      .send({ inactiveVisitorDays: 1, rawEventDays: 30 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.fields)).toContain('inactiveVisitorDays');
    const saved = await t.http
      .put('/api/retention-settings')
      .set(bearer(admin))
      .send({ inactiveVisitorDays: 30, rawEventDays: 10 });
    expect(saved.status).toBe(200);
    expect((saved.body as RetentionSettingsResponse).settings).toEqual({
      inactiveVisitorDays: 30,
      rawEventDays: 10,
    });
  });

  it('the purge erases visitors past the limit as erasure does, strips old raw details, keeps counts, and is idempotent', async () => {
    const loop = materialLoop(t);
    const zhang = await t.loginAs(t.demo.employeeIds[0]!);
    const material = await loop.publish(admin, { title: '保存期限测试' });
    const share = await loop.shareMaterial(zhang, material.id);
    const visit = await loop.viewMaterial(material.id, share.code);
    const left = await t.http.post('/api/track/contact').send({
      eventId: randomUUID(),
      visitToken: visit.visitToken,
      consent: { granted: true, policyVersion: '2026-11' },
      phone: '13811112222',
      name: '周先生',
    });
    expect(left.status).toBe(200);
    await t.get(EventLog).settled();
    const stats = async () =>
      (await t.http.get(`/api/materials/${material.id}/stats`).set(bearer(admin))).body;
    const before = await stats();
    const purge = t.get(RetentionPurge);
    const organizationId = t.demo.organizationId;
    const identities = () =>
      t.get(DataSource).getRepository(VisitorIdentity).countBy({ value: '13811112222' });

    // Day 9: within both limits (30 days unseen, raw details 10 days): nothing changes.
    expect((await purge.runAt(new Date(Date.now() + 9 * DAY_MS))).get(organizationId)).toMatchObject({
      visitorsErased: 0,
      eventsStripped: 0,
    });
    expect(await identities()).toBe(1);

    // Day 11: raw details are past 10 days: the user agent goes, the person stays.
    const day11 = (await purge.runAt(new Date(Date.now() + 11 * DAY_MS))).get(organizationId)!;
    expect(day11.visitorsErased).toBe(0);
    expect(day11.eventsStripped).toBeGreaterThanOrEqual(1);
    const viewRow = await t
      .get(DataSource)
      .getRepository(TrackedEvent)
      .findOneByOrFail({ type: 'view', targetId: material.id });
    expect(viewRow.userAgent).toBeNull();
    expect(await identities()).toBe(1);

    // Day 31: unseen for more than 30 days: erased like a person's own request; the figures do not move.
    const day31 = (await purge.runAt(new Date(Date.now() + 31 * DAY_MS))).get(organizationId)!;
    expect(day31.visitorsErased).toBeGreaterThanOrEqual(1);
    expect(await identities()).toBe(0);
    const consult = await t
      .get(DataSource)
      .getRepository(TrackedEvent)
      .findOneByOrFail({ type: 'consult', targetId: material.id });
    expect(JSON.stringify(consult.props)).not.toContain('周先生');
    expect(
      JSON.parse(
        JSON.stringify(await stats(), (key, value: unknown) => (key === 'label' ? undefined : value)),
      ),
    ).toEqual(
      JSON.parse(JSON.stringify(before, (key, value: unknown) => (key === 'label' ? undefined : value))),
    );

    // Again at the same time: nothing more to do.
    expect((await purge.runAt(new Date(Date.now() + 31 * DAY_MS))).get(organizationId)).toMatchObject({
      visitorsErased: 0,
      eventsStripped: 0,
    });
    const audit = await t.http.get('/api/audit-log').query({ action: 'retention.purge' }).set(bearer(admin));
    expect(audit.body.items[0]).toMatchObject({
      employee: null,
      detail: { by: 'retention', inactiveVisitorDays: 30 },
    });
  });
});
