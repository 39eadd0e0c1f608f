/**
 * Issue 4, the official site as the hub, end to end across two origins: a prospect opens an employee's shared
 * card on H5 and taps through to the demo official site (its own origin, the tracker installed by one tag),
 * views two product pages and books a demo with consent. The events arrive credited to the employee, the phone
 * joins the prospect's identities, the strong-intent signal makes them an SQL lead in the employee's list with
 * the whole timeline, and WeChat delivers the alert. Real server process, real database, the demo site's own
 * server, Chromium.
 */
import type { DemoAccount, LoginResponse, RadarResponse, ShareDto, SiteLinkDto } from '@cardhub/shared';
import { describeEachDatabase } from '@cardhub/server/src/test-support/databases';
import type { Page, Request } from 'playwright-core';
import { type DemoSite, startDemoSite } from '../demo-site';
import { newDesktopContext, newWechatPhoneContext } from '../support/browser';
import { journeyStack } from '../support/journey';
import { api } from '../support/api';
import { expectText, firstDemoEmployee, tap } from '../support/page-actions';
import { queryRows } from '../support/database';
import { freePort } from '../support/server-process';

const PHONE = '13912345678';

describeEachDatabase('site hub', (database) => {
  // The server must know the site's origin when it seeds the demo organization, so the port is chosen first.
  let siteUrl: string;
  beforeAll(async () => {
    siteUrl = `http://127.0.0.1:${await freePort()}/`;
  });
  const journey = journeyStack(database, 'site-hub', { env: () => ({ DEMO_SITE_URL: siteUrl }) });
  let site: DemoSite;
  let seller: DemoAccount;
  let sellerLogin: LoginResponse;
  let link: SiteLinkDto;
  let cardShare: ShareDto;

  beforeAll(async () => {
    site = await startDemoSite({
      port: Number(new URL(siteUrl).port),
      host: '127.0.0.1',
      cardhubUrl: journey.stack.baseUrl,
      organizationKey: 'demo',
    });
  });

  afterAll(async () => {
    await site?.close();
  });

  it('an employee shares their card, and makes a short link to a product page that redirects there', async () => {
    seller = await firstDemoEmployee(journey.stack.baseUrl);
    sellerLogin = await api<LoginResponse>(journey.stack.baseUrl, 'POST', '/api/auth/demo-login', {
      employeeId: seller.employeeId,
    });
    const card = await api<{ id: string }>(
      journey.stack.baseUrl,
      'GET',
      '/api/me/card',
      undefined,
      sellerLogin,
    );
    cardShare = await api<ShareDto>(
      journey.stack.baseUrl,
      'POST',
      '/api/shares',
      { targetType: 'card', targetId: card.id, channel: 'chat' },
      sellerLogin,
    );
    link = await api<SiteLinkDto>(
      journey.stack.baseUrl,
      'POST',
      '/api/site/links',
      { url: `${site.url}products/card.html` },
      sellerLogin,
    );
    expect(link.shortUrl).toBe(`${journey.stack.baseUrl}/s/${link.code}`);
    const redirect = await fetch(link.shortUrl, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe(`${site.url}products/card.html?ch_sc=${link.code}`);
  });

  it('a prospect opens the card, taps through to the site, views two product pages and books a demo with consent', async () => {
    const context = await newWechatPhoneContext(journey.browser, journey.stack.baseUrl);
    const cardPage = await context.newPage();
    await cardPage.goto(cardShare.url);
    await cardPage.waitForURL(/pages\/card\/view/);
    await expectText(cardPage, seller.name);
    const [page] = await Promise.all([context.waitForEvent('page'), tap(cardPage, '访问官网')]);
    const leadRequests: Request[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/site/demo/leads')) leadRequests.push(request);
    });
    await page.waitForURL(`${site.url}?ch_sc=${cardShare.code}`);
    await journey.screenshot(page, 'site-home');

    await Promise.all([pageView(page), page.getByRole('link', { name: '了解智能名片' }).click()]);
    await page.getByRole('heading', { name: '星辰智能名片 企业版' }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    await journey.screenshot(page, 'product-card');
    // Long enough on the page for its visible time to be reported when the prospect moves on.
    await page.waitForTimeout(1_500);

    await Promise.all([pageView(page), page.getByRole('link', { name: '搭配营销中台' }).click()]);
    await page.getByRole('heading', { name: '星辰营销中台' }).waitFor();
    await journey.screenshot(page, 'product-hub');

    await Promise.all([pageView(page), page.getByRole('link', { name: '预约中台演示' }).click()]);
    await page.getByRole('heading', { name: '30 分钟，看懂全员营销怎么落地' }).waitFor();
    await page.getByLabel('您的称呼', { exact: true }).fill('周先生');
    await page.getByLabel('手机号码', { exact: true }).fill('139 1234 5678');
    await page.getByLabel('公司名称', { exact: true }).fill('华东精密制造');
    await page.getByLabel('想了解的内容', { exact: true }).fill('销售团队 80 人，想了解私有化部署');

    // Without the consent box nothing personal leaves the page, and the page says so.
    await page.getByRole('button', { name: '提交预约' }).click();
    await page.getByText('本次未发送任何个人信息').waitFor();
    const refused = JSON.parse(leadRequests[0]!.postData()!) as { fields: object; consent: object };
    expect(refused.fields).toEqual({});
    expect(refused.consent).toEqual({ granted: false, policyVersion: '2026-01' });
    await journey.screenshot(page, 'consult-without-consent');

    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: '提交预约' }).click();
    await page.getByText('提交成功，我们会尽快与您联系。').waitFor();
    await journey.screenshot(page, 'consult-sent');
    await context.close();
  }, 60_000);

  it("the visits arrive credited to the employee, and the prospect's phone is stitched to them", async () => {
    const radar = await api<RadarResponse>(
      journey.stack.baseUrl,
      'GET',
      '/api/me/radar',
      undefined,
      sellerLogin,
    );
    const siteVisits = radar.visits.filter((visit) => visit.target.type === 'site_page');
    expect(siteVisits).toHaveLength(4);
    for (const visit of siteVisits) {
      expect(visit).toMatchObject({ touchpoint: 'site', verdict: 'counted', shareCode: cardShare.code });
      // The prospect consented to being contacted: their name replaces the pseudonym on every visit.
      expect(visit.visitor.label).toBe('周先生');
    }

    const visitorIds = new Set(siteVisits.map((visit) => visit.visitor.id));
    expect(visitorIds.size).toBe(1);
    const [visitorId] = [...visitorIds];
    const identities = await queryRows<{ kind: string; value: string }>(
      database.url,
      'SELECT kind, value FROM visitor_identities WHERE visitorId = ? ORDER BY kind',
      [visitorId],
    );
    expect(identities).toEqual([
      { kind: 'phone', value: PHONE },
      // One web identity: the key this journey.browser had on the H5 card page, carried to the site by 访问官网.
      { kind: 'web', value: expect.stringMatching(/^[0-9a-f]{32}$/) },
    ]);
    const events = await queryRows<{ type: string; creditedEmployeeId: string; props: string | null }>(
      database.url,
      'SELECT type, creditedEmployeeId, props FROM events WHERE visitorId = ? ORDER BY occurredAt',
      [visitorId],
    );
    expect(new Set(events.map((event) => event.type))).toEqual(
      new Set(['view', 'dwell', 'click', 'form_submit']),
    );
    expect(events.every((event) => event.creditedEmployeeId === seller.employeeId)).toBe(true);
    const form = events.find((event) => event.type === 'form_submit')!;
    expect(JSON.parse(form.props!)).toMatchObject({ form: 'consult', name: '周先生', phone: PHONE });
    const consents = await queryRows<{ purpose: string; touchpoint: string }>(
      database.url,
      'SELECT purpose, touchpoint FROM consents WHERE visitorId = ?',
      [visitorId],
    );
    expect(consents).toEqual([{ purpose: 'contact_me', touchpoint: 'site' }]);
  });

  it("the prospect is an SQL lead in the employee's list, with the signal and the whole journey, and WeChat told the employee", async () => {
    const employee = await newDesktopContext(journey.browser, journey.stack.baseUrl);
    const page = await employee.newPage();
    await page.goto('/#/pages/console/login/index');
    await page.getByText(seller.name, { exact: true }).click();
    await page.waitForURL(/pages\/home\/index/);
    await tap(page, '我的线索');
    await page.waitForURL(/pages\/leads\/index/);
    const row = page.locator('.leads-page__item', { hasText: '周先生' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/SQL[\s\S]*强意向/);
    await journey.screenshot(page, 'employee-leads');

    await row.click();
    await page.waitForURL(/pages\/leads\/detail/);
    await expectText(page, '30 分钟内两次浏览官网产品页并提交咨询');
    await expectText(page, '电话 13912345678');
    const timeline = await page.locator('.lead-detail__touch').allTextContents();
    expect(timeline.join('\n')).toMatch(/提交了表单/);
    expect(timeline.join('\n')).toMatch(/星辰智能名片 企业版/);
    expect(timeline.join('\n')).toMatch(/查看了.*的名片/);
    await journey.screenshot(page, 'employee-lead-detail');

    const alert = journey.stack.wechat.subscribeMessages.find((message) =>
      message.page?.startsWith('pages/leads/detail'),
    );
    expect(alert?.data.thing2?.value).toContain('官网产品页');
    await employee.close();
  }, 60_000);
});

/** Resolves when the page's tracker has delivered its page view (a beacon to the cardhub server). */
function pageView(page: Page): Promise<unknown> {
  return page.waitForResponse(
    (response) => response.url().endsWith('/api/site/demo/events') && response.status() === 200,
  );
}
