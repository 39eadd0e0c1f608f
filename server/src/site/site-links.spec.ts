import type { LoginResponse } from '@cardhub/shared';
import { type TestApp, bearer, createTestApp, describeEachDatabase } from '../test-support';
import { cardLoop } from '../tracking/card-loop.testing';
import { EventLog } from '../tracking/event-log';
import { DEMO_SITE, siteTracker } from './site.testing';

const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

describeEachDatabase('site links', (database) => {
  let t: TestApp;
  let site: ReturnType<typeof siteTracker>;
  let zhang: LoginResponse;
  let zhangId: string;

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url });
    site = siteTracker(t);
    zhangId = t.demo.employeeIds[0]!;
    zhang = await t.loginAs(zhangId);
  });
  afterAll(() => t.close());

  describe('POST /api/site/links', () => {
    it("gives staff a short link to a page of their organization's site, as a site_page share of their own", async () => {
      const link = await site.createLink(zhang, `${DEMO_SITE}/products/radar.html?from=menu#top`, 'qrcode');
      expect(link).toEqual({
        code: expect.stringMatching(/^[0-9A-Za-z]{10}$/),
        shortUrl: `http://cardhub.test/s/${link.code}`,
        qrUrl: `http://cardhub.test/s/${link.code}?via=qr`,
        pageUrl: `${DEMO_SITE}/products/radar.html`,
        targetUrl: `${DEMO_SITE}/products/radar.html?ch_sc=${link.code}`,
        createdAt: expect.any(String),
      });
      const [share] = await site.events().findBy({ type: 'share', creditedEmployeeId: zhangId });
      expect(share).toMatchObject({ targetType: 'site_page', actorEmployeeId: zhangId, touchpoint: 'h5' });
    });

    it('refuses pages off the site (400), anonymous callers (401), and bad bodies (400)', async () => {
      const post = (body: object, token?: LoginResponse) => {
        const request = t.http.post('/api/site/links');
        return (token ? request.set(bearer(token)) : request).send(body);
      };
      const offSite = await post({ url: 'https://evil.example.com/phish' }, zhang);
      expect(offSite.status).toBe(400);
      expect(offSite.body.fields).toEqual([{ path: 'url', message: expect.stringContaining(DEMO_SITE) }]);
      // Another organization's staff cannot link to this one's site either.
      const yunfan = await t.loginAs(t.demo.otherAdminId);
      expect((await post({ url: `${DEMO_SITE}/` }, yunfan)).status).toBe(400);
      expect((await post({ url: `${DEMO_SITE}/` })).status).toBe(401);
      expect((await post({ url: 'javascript:alert(1)' }, zhang)).status).toBe(400);
      expect((await post({ url: `${DEMO_SITE}/`, channel: 'moments' }, zhang)).status).toBe(400);
    });
  });

  describe('GET /s/:code', () => {
    it('redirects at once to the page with the share code appended, and logs the click', async () => {
      const link = await site.createLink(zhang, `${DEMO_SITE}/products/card.html`);
      const response = await t.http.get(`/s/${link.code}`).set('User-Agent', 'Mozilla/5.0 (iPhone) Safari');
      expect(response.status).toBe(302);
      expect(response.headers.location).toBe(link.targetUrl);
      expect(response.headers['cache-control']).toBe('no-store');

      const scan = await t.http.get(`/s/${link.code}?via=qr`).set('User-Agent', GOOGLEBOT);
      expect(scan.headers.location).toBe(link.targetUrl);
      await t.get(EventLog).settled();
      const openings = await site.events().find({ where: [{ type: 'click' }, { type: 'scan' }] });
      expect(openings.map((event) => [event.type, event.touchpoint, event.counted]).sort()).toEqual([
        ['click', 'h5', true],
        ['scan', 'poster', false],
      ]);
      for (const opening of openings) {
        expect(opening).toMatchObject({
          targetType: 'site_page',
          creditedEmployeeId: zhangId,
          props: { action: 'open_site' },
        });
      }
    });

    it("sends a card share to the card's site link, so a printed card code lands on the site", async () => {
      const share = await cardLoop(t).shareOwnCard(zhang);
      const response = await t.http.get(`/s/${share.code}`);
      expect(response.status).toBe(302);
      expect(response.headers.location).toBe(`${DEMO_SITE}/?ch_sc=${share.code}`);
    });

    it('shows a friendly page for unknown codes, logging nothing', async () => {
      await t.get(EventLog).settled();
      const before = await site.storedCounts();
      for (const code of ['ZZZZZZZZZZ', 'not-a-code']) {
        const response = await t.http.get(`/s/${code}`);
        expect(response.status).toBe(404);
        expect(response.headers['content-type']).toMatch(/^text\/html/);
        expect(response.text).toContain('这个链接已失效');
      }
      expect(await site.storedCounts()).toEqual(before);
    });
  });
});
