import type { LoginResponse, ShareDto, SiteLinkDto } from '@cardhub/shared';
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { type TestApp, createTestApp, describeEachDatabase } from '../test-support';
import { cardLoop } from '../tracking/card-loop.testing';
import { DEMO_SITE, siteTracker } from './site.testing';

const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
const STRANGER_SITE = 'https://evil.example.com';

describeEachDatabase('site ingest', (database) => {
  let t: TestApp;
  let site: ReturnType<typeof siteTracker>;
  let zhang: LoginResponse;
  let zhangId: string;
  let productLink: SiteLinkDto;

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url });
    site = siteTracker(t);
    zhangId = t.demo.employeeIds[0]!;
    zhang = await t.loginAs(zhangId);
    productLink = await site.createLink(zhang, `${DEMO_SITE}/products/card.html`);
  });
  afterAll(() => t.close());

  describe('CORS', () => {
    it("answers a preflight for the organization's own site, naming that origin only", async () => {
      const response = await t.http
        .options('/api/site/demo/events')
        .set('Origin', DEMO_SITE)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'content-type');
      expect(response.status).toBe(204);
      expect(response.headers).toMatchObject({
        'access-control-allow-origin': DEMO_SITE,
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': 'Content-Type',
        vary: 'Origin',
      });
    });

    it('refuses other origins with 403 and no CORS headers, storing nothing', async () => {
      const before = await site.storedCounts();
      const preflight = await t.http
        .options('/api/site/demo/leads')
        .set('Origin', STRANGER_SITE)
        .set('Access-Control-Request-Method', 'POST');
      expect(preflight.status).toBe(403);
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();

      const body = { visitorKey: site.newVisitorKey(), events: [site.view('/')] };
      for (const origin of [STRANGER_SITE, 'https://yunfan.example.com', null]) {
        const response = await site.beacon(body, { origin });
        expect(response.status).toBe(403);
        expect(response.headers['access-control-allow-origin']).toBeUndefined();
        expect(response.body.fields).toEqual([{ path: 'Origin', message: expect.any(String) }]);
      }
      expect(await site.storedCounts()).toEqual(before);
    });
  });

  describe('POST /api/site/:key/events', () => {
    it('stores a text/plain page view, credited through ch_sc to the employee, on a page of its own', async () => {
      const visitorKey = site.newVisitorKey();
      const view = site.view('/products/card.html?ch_sc=ignored#specs', '智能名片 · 星辰科技');
      const response = await site.beacon({ visitorKey, shareCode: productLink.code, events: [view] });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ stored: 1, duplicates: 0 });
      expect(response.headers['access-control-allow-origin']).toBe(DEMO_SITE);

      const stored = await site.events().findOneByOrFail({ id: view.eventId });
      const page = await site.pages().findOneByOrFail({ id: stored.targetId });
      expect(page).toMatchObject({ url: `${DEMO_SITE}/products/card.html`, title: '智能名片 · 星辰科技' });
      expect(stored).toMatchObject({
        type: 'view',
        targetType: 'site_page',
        touchpoint: 'site',
        verdict: 'counted',
        counted: true,
        creditedEmployeeId: zhangId,
        actorEmployeeId: null,
      });
      const visitor = await site.visitors().findOneByOrFail({ id: stored.visitorId! });
      expect(visitor.firstEmployeeId).toBe(zhangId);
    });

    it('accepts application/json too', async () => {
      const response = await site.beacon(
        { visitorKey: site.newVisitorKey(), events: [site.view('/')] },
        { contentType: 'application/json' },
      );
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ stored: 1, duplicates: 0 });
    });

    it('credits a forward of a card share to the root employee; unknown and foreign codes go unattributed', async () => {
      const loop = cardLoop(t);
      const cardShare = await loop.shareOwnCard(zhang);
      const liu = await t.loginAs(t.demo.employeeIds[1]!);
      const forward = (
        await loop.share(liu, { targetId: await loop.cardIdOf(zhangId), parentCode: cardShare.code })
      ).body as ShareDto;
      const yunfanAdmin = await t.loginAs(t.demo.otherAdminId);
      const foreign = await loop.shareOwnCard(yunfanAdmin);

      const credited = async (shareCode: string) => {
        const view = site.view('/');
        await site.beacon({ visitorKey: site.newVisitorKey(), shareCode, events: [view] }).expect(200);
        return (await site.events().findOneByOrFail({ id: view.eventId })).creditedEmployeeId;
      };
      expect(await credited(forward.code)).toBe(zhangId);
      expect(await credited('ZZZZZZZZZZ')).toBeNull();
      expect(await credited(foreign.code)).toBeNull();
    });

    it('counts a visitor once per page per 30 minutes, and never a bot', async () => {
      const visitorKey = site.newVisitorKey();
      const views = [site.view('/products/radar.html'), site.view('/products/radar.html')];
      await site.beacon({ visitorKey, events: [views[0]] }).expect(200);
      await site.beacon({ visitorKey, events: [views[1]] }).expect(200);
      const verdicts = async () =>
        (await site.events().findBy({ id: In(views.map((view) => view.eventId)) }))
          .map((view) => view.verdict)
          .sort();
      expect(await verdicts()).toEqual(['counted', 'repeat']);

      await site
        .events()
        .update({ id: views[0]!.eventId }, { receivedAt: new Date(Date.now() - 31 * 60_000) });
      const later = site.view('/products/radar.html');
      await site.beacon({ visitorKey, events: [later] }).expect(200);
      expect((await site.events().findOneByOrFail({ id: later.eventId })).verdict).toBe('counted');

      const bot = site.view('/');
      await site.beacon({ visitorKey, events: [bot] }, { userAgent: GOOGLEBOT }).expect(200);
      expect(await site.events().findOneByOrFail({ id: bot.eventId })).toMatchObject({
        verdict: 'bot',
        counted: false,
        visitorId: null,
      });
    });

    it('stores dwell and clicks with their page view; a retried beacon is stored once', async () => {
      const visitorKey = site.newVisitorKey();
      const view = site.view('/products/card.html');
      const dwell = site.action(view.eventId, 'dwell', { seconds: 42 });
      const call = site.action(view.eventId, 'click', {
        action: 'call',
        href: 'tel:4008001234',
        text: '致电',
      });
      const body = { visitorKey, shareCode: productLink.code, events: [view, dwell, call] };
      expect((await site.beacon(body)).body).toEqual({ stored: 3, duplicates: 0 });
      expect((await site.beacon(body)).body).toEqual({ stored: 0, duplicates: 3 });

      const later = site.action(view.eventId, 'consult', { source: 'header' });
      await site.beacon({ visitorKey, events: [later] }).expect(200);
      const actions = await site.events().findBy({ visitId: view.eventId });
      expect(actions.map((action) => [action.type, action.props]).sort()).toEqual([
        ['click', { action: 'call', href: 'tel:4008001234', text: '致电' }],
        ['consult', { source: 'header' }],
        ['dwell', { seconds: 42 }],
      ]);
      for (const action of actions) {
        expect(action).toMatchObject({ creditedEmployeeId: zhangId, touchpoint: 'site', counted: true });
      }
    });

    it('takes the beacon of a page being left under another user agent (browsers may send it so)', async () => {
      const visitorKey = site.newVisitorKey();
      const view = site.view('/products/hub.html');
      await site.beacon({ visitorKey, events: [view] }).expect(200);
      const dwell = site.action(view.eventId, 'dwell', { seconds: 3 });
      const response = await site.beacon(
        { visitorKey, events: [dwell] },
        { userAgent: 'HeadlessChrome/156.0' },
      );
      expect(response.body).toEqual({ stored: 1, duplicates: 0 });
      const stored = await site.events().findOneByOrFail({ id: dwell.eventId });
      expect(stored).toMatchObject({ visitId: view.eventId, counted: true });
    });

    it("refuses actions on someone else's page view, storing nothing", async () => {
      const view = site.view('/');
      await site.beacon({ visitorKey: site.newVisitorKey(), events: [view] }).expect(200);
      const before = await site.storedCounts();
      const response = await site.beacon({
        visitorKey: site.newVisitorKey(),
        events: [site.view('/products/card.html'), site.action(view.eventId, 'click', { action: 'call' })],
      });
      expect(response.status).toBe(400);
      expect(response.body.fields).toEqual([{ path: 'events.1.visitId', message: expect.any(String) }]);
      expect(await site.storedCounts()).toEqual(before);
    });

    it('refuses forged organization keys, malformed and oversized beacons, storing nothing', async () => {
      const before = await site.storedCounts();
      const valid = { visitorKey: site.newVisitorKey(), events: [site.view('/')] };
      const refusals: [number, Promise<{ status: number }>][] = [
        [404, site.beacon(valid, { organizationKey: 'no-such-company' })],
        [400, site.beacon(valid, { organizationKey: 'Not%20A%20Key' })],
        [400, site.beacon('{"visitorKey": "unterminated')],
        [400, site.beacon({ ...valid, visitorKey: 'short' })],
        [400, site.beacon({ ...valid, events: [] })],
        [400, site.beacon({ ...valid, events: [{ ...site.view('/'), type: 'share' }] })],
        [400, site.beacon({ ...valid, events: [{ ...site.view('/'), page: { url: `${STRANGER_SITE}/` } }] })],
        [400, site.beacon({ ...valid, events: Array.from({ length: 21 }, () => site.view('/')) })],
        [413, site.beacon({ ...valid, padding: 'x'.repeat(70 * 1024) })],
        [415, site.beacon('<beacon/>', { contentType: 'application/xml' })],
      ];
      for (const [status, response] of refusals) expect((await response).status).toBe(status);
      expect(await site.storedCounts()).toEqual(before);
    });
  });

  describe('identity: identify and lead forms', () => {
    const phone = '13912345678';

    it('refuses a lead form without consent (no personal data is taken), and stores nothing', async () => {
      const before = await site.storedCounts();
      const response = await site.lead({
        eventId: randomUUID(),
        visitorKey: site.newVisitorKey(),
        page: { url: `${DEMO_SITE}/consult.html` },
        consent: { granted: false },
      });
      expect(response.status).toBe(400);
      expect(response.headers['access-control-allow-origin']).toBe(DEMO_SITE);
      expect(response.body).toMatchObject({
        message: expect.stringContaining('请先勾选同意'),
        fields: [{ path: 'consent.granted', message: expect.any(String) }],
      });
      const withFields = await site.lead({
        eventId: randomUUID(),
        visitorKey: site.newVisitorKey(),
        page: { url: `${DEMO_SITE}/consult.html` },
        consent: { granted: false },
        fields: { name: '周先生', phone },
      });
      expect(withFields.status).toBe(400);
      const withoutPhone = await site.lead({
        eventId: randomUUID(),
        visitorKey: site.newVisitorKey(),
        page: { url: `${DEMO_SITE}/consult.html` },
        consent: { granted: true },
        fields: { name: '周先生' },
      });
      expect(withoutPhone.body.fields).toEqual([
        { path: 'fields.phone', message: 'fields.phone is required' },
      ]);
      expect(await site.storedCounts()).toEqual(before);
    });

    it('takes a consented lead form: consent first, then the phone, then a form_submit event with the fields', async () => {
      const visitorKey = site.newVisitorKey();
      const view = site.view('/consult.html', '预约演示');
      await site.beacon({ visitorKey, shareCode: productLink.code, events: [view] }).expect(200);
      const eventId = randomUUID();
      const lead = {
        eventId,
        visitorKey,
        shareCode: productLink.code,
        visitId: view.eventId,
        page: { url: `${DEMO_SITE}/consult.html`, title: '预约演示' },
        form: 'consult',
        consent: { granted: true, policyVersion: '2026-01' },
        fields: {
          name: '周先生',
          phone: '+86 139 1234 5678',
          company: '华东精密制造',
          message: '想了解私有化部署',
        },
      };
      const response = await site.lead(lead);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ received: true });

      const submitted = await site.events().findOneByOrFail({ id: eventId });
      expect(submitted).toMatchObject({
        type: 'form_submit',
        targetType: 'site_page',
        visitId: view.eventId,
        creditedEmployeeId: zhangId,
        touchpoint: 'site',
        counted: true,
        props: {
          form: 'consult',
          name: '周先生',
          phone,
          company: '华东精密制造',
          message: '想了解私有化部署',
        },
      });
      const visitor = await site.visitors().findOneByOrFail({ id: submitted.visitorId! });
      expect(visitor).toMatchObject({ phone, name: '周先生', firstEmployeeId: zhangId });
      const [consent] = await site.consents().findBy({ visitorId: visitor.id });
      expect(consent).toMatchObject({
        purpose: 'contact_me',
        policyVersion: '2026-01',
        touchpoint: 'site',
        granted: true,
      });
      const identity = await site.identities().findOneByOrFail({ kind: 'phone', value: phone });
      expect(identity.visitorId).toBe(visitor.id);
      expect(consent!.createdAt.getTime()).toBeLessThanOrEqual(identity.createdAt.getTime());

      // A retry is answered the same and records nothing twice.
      const before = await site.storedCounts();
      expect((await site.lead(lead)).body).toEqual({ received: true });
      expect(await site.storedCounts()).toEqual(before);
    });

    it('refuses an identify without consent, storing nothing', async () => {
      const before = await site.storedCounts();
      const response = await site.identify({
        visitorKey: site.newVisitorKey(),
        phone: '13700000000',
        consent: { granted: false },
      });
      expect(response.status).toBe(400);
      expect(await site.storedCounts()).toEqual(before);
    });

    it("merges a stranger who identifies with someone else's phone into that person, answering exactly as for a new phone", async () => {
      // The earlier visitor came with no share; the later one through 张伟's link and left the phone first.
      const earlierKey = site.newVisitorKey();
      const earlierView = site.view('/');
      await site.beacon({ visitorKey: earlierKey, events: [earlierView] }).expect(200);
      const laterKey = site.newVisitorKey();
      await site
        .beacon({ visitorKey: laterKey, shareCode: productLink.code, events: [site.view('/')] })
        .expect(200);
      const sharedPhone = '13655556666';
      const fresh = await site.identify({
        visitorKey: laterKey,
        phone: sharedPhone,
        consent: { granted: true },
      });

      const merging = await site.identify({
        visitorKey: earlierKey,
        phone: '136 5555 6666',
        consent: { granted: true },
      });
      for (const response of [fresh, merging]) {
        expect(response.status).toBe(204);
        expect(response.text).toBe('');
      }

      const earlier = (await site.events().findOneByOrFail({ id: earlierView.eventId })).visitorId!;
      const person = await site.visitors().findOneByOrFail({ id: earlier });
      expect(person).toMatchObject({
        mergedIntoVisitorId: null,
        phone: sharedPhone,
        firstEmployeeId: zhangId,
      });
      const identities = await site.identities().findBy({ visitorId: person.id });
      expect(identities.map((identity) => identity.kind).sort()).toEqual(['phone', 'web', 'web']);
      const merged = await site.visitors().findBy({ mergedIntoVisitorId: person.id });
      expect(merged).toHaveLength(1);
      expect(await site.events().countBy({ visitorId: merged[0]!.id })).toBe(0);
      expect(await site.consents().countBy({ visitorId: person.id })).toBe(2);

      // Whoever holds the later key now reports as that one person, and the answers still say nothing about them.
      const next = await site.beacon({ visitorKey: laterKey, events: [site.view('/products/card.html')] });
      expect(next.body).toEqual({ stored: 1, duplicates: 0 });
    });
  });
});
