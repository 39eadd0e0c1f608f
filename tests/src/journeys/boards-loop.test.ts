/**
 * Issue 5, end to end: three employees share their cards and prospects open them through the real API —
 * including the views that must not count (the sharer's own, a colleague's, a crawler's, and a repeat within
 * 30 minutes). The manager logs into the console and sees the dashboard's totals and charts, the board with the
 * expected ranks (ties sharing one), and, behind 张伟's views, what was excluded and why; an employee sees their
 * own place and the gap to the next in the mini-program's 排行榜.
 */
import { randomUUID } from 'node:crypto';
import type { DemoAccount, LoginResponse, ShareDto, TrackViewResponse } from '@cardhub/shared';
import { describeEachDatabase } from '@cardhub/server/src/test-support/databases';
import type { Locator, Page } from 'playwright-core';
import { api } from '../support/api';
import { newDesktopContext, newWechatPhoneContext } from '../support/browser';
import { journeyStack } from '../support/journey';
import { expectText, tap } from '../support/page-actions';

const BROWSER = {
  'User-Agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) MicroMessenger/8.0.50',
};
const CRAWLER = { 'User-Agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' };

interface Sharer {
  account: DemoAccount;
  login: LoginResponse;
  cardId: string;
  share: ShareDto;
}

describeEachDatabase('boards loop', (database) => {
  const journey = journeyStack(database, 'boards-loop');
  let managerPage: Page;
  const sharers = new Map<string, Sharer>();

  /** A view of `sharer`'s card through their share, by an anonymous visitor or a signed-in colleague. */
  const view = (
    sharer: Sharer,
    by: { visitorKey: string } | { login: LoginResponse },
    headers: Record<string, string> = BROWSER,
  ) =>
    api<TrackViewResponse>(
      journey.stack.baseUrl,
      'POST',
      '/api/track/view',
      {
        eventId: randomUUID(),
        targetType: 'card',
        targetId: sharer.cardId,
        shareCode: sharer.share.code,
        touchpoint: 'h5',
        ...('visitorKey' in by ? { visitorKey: by.visitorKey } : {}),
      },
      'login' in by ? by.login : undefined,
      headers,
    );
  const visitor = (name: string) => ({ visitorKey: `journey-visitor-${name}-${database.kind}` });

  it('three employees share their cards; prospects open them, with views that must not count', async () => {
    const accounts = await api<DemoAccount[]>(journey.stack.baseUrl, 'GET', '/api/auth/demo-accounts');
    for (const name of ['张伟', '刘洋', '陈静']) {
      const account = accounts.find((candidate) => candidate.name === name)!;
      const login = await api<LoginResponse>(journey.stack.baseUrl, 'POST', '/api/auth/demo-login', {
        employeeId: account.employeeId,
      });
      const card = await api<{ id: string }>(journey.stack.baseUrl, 'GET', '/api/me/card', undefined, login);
      const share = await api<ShareDto>(
        journey.stack.baseUrl,
        'POST',
        '/api/shares',
        { targetType: 'card', targetId: card.id, channel: 'chat' },
        login,
      );
      sharers.set(name, { account, login, cardId: card.id, share });
    }
    const zhang = sharers.get('张伟')!;
    const liu = sharers.get('刘洋')!;
    const chen = sharers.get('陈静')!;

    // 张伟: three prospects count; his own view, 刘洋's, a crawler's and a repeat within 30 minutes do not.
    const verdicts = [
      await view(zhang, visitor('a')),
      await view(zhang, visitor('b')),
      await view(zhang, visitor('c')),
      await view(zhang, visitor('a')),
      await view(zhang, { login: zhang.login }),
      await view(zhang, { login: liu.login }),
      await view(zhang, visitor('crawler'), CRAWLER),
    ].map((answer) => answer.verdict);
    expect(verdicts).toEqual(['counted', 'counted', 'counted', 'repeat', 'self', 'colleague', 'bot']);
    // 刘洋 and 陈静: two prospects each, a tie for second place.
    for (const [sharer, visitors] of [
      [liu, ['d', 'e']],
      [chen, ['f', 'g']],
    ] as const)
      for (const name of visitors) expect((await view(sharer, visitor(name))).verdict).toBe('counted');
  }, 60_000);

  it("the manager's console opens on the dashboard: totals, drawn trend charts, the funnel and the live counter", async () => {
    const context = await newDesktopContext(journey.browser, journey.stack.baseUrl);
    managerPage = await context.newPage();
    await managerPage.goto('/#/pages/console/login/index');
    await managerPage.getByText('李经理', { exact: true }).click();
    await managerPage.waitForURL(/pages\/console\/dashboard/);
    await expectText(managerPage, '核心指标', 20_000);
    // 李经理 runs 销售一部 (张伟 and 刘洋): 3 + 2 counted views from 5 visitors, 2 shares.
    const kpi = (metric: string) => managerPage.locator(`.kpi[data-metric="${metric}"] .kpi__value`);
    await expectTextOf(kpi('views'), '5次');
    await expectTextOf(kpi('visitors'), '5人');
    await expectTextOf(kpi('shares'), '2次');
    await expectTextOf(managerPage.locator('.funnel-chart__row--reach .funnel-chart__value'), '5');
    // Four trend charts, each drawn: a line through one point per day of the month so far.
    const charts = managerPage.locator('.trend-chart');
    await expect(charts.count()).resolves.toBe(4);
    const viewsChart = charts.nth(1);
    const line = await viewsChart.locator('path[stroke]').getAttribute('d');
    expect(line).toMatch(/^M[\d.]+,[\d.]+/);
    await expectTextOf(viewsChart.locator('.trend-chart__figure'), '合计5次');
    // The live counter shows today's figures of the same departments.
    await expectTextOf(managerPage.getByTestId('live-views'), '5');
    await journey.screenshot(managerPage, 'manager-dashboard');
    await viewsChart.scrollIntoViewIfNeeded();
    await journey.screenshot(managerPage, 'manager-dashboard-trends');
    await managerPage.locator('.funnel-chart').scrollIntoViewIfNeeded();
    await journey.screenshot(managerPage, 'manager-dashboard-funnel');
  }, 60_000);

  it('the board ranks the employees with a shared second place, and every number opens its events', async () => {
    await managerPage.locator('.console__tab', { hasText: '排行榜' }).click();
    await managerPage.waitForURL(/pages\/console\/boards\/index/);
    await expectText(managerPage, '张伟');
    const rows = managerPage.locator('.ranked-table__row[data-rank]');
    const ranked = async () =>
      (
        await rows.evaluateAll((elements) =>
          elements.map((row) => [
            row.querySelector('.rank-badge__place')?.textContent,
            row.querySelector('.rank-badge__tie') ? '并列' : '',
            row.querySelector('.boards__name')?.textContent,
            row.querySelector('.ranked-table__figure--ranked')?.textContent,
          ]),
        )
      ).slice(0, 3);
    // Tied employees share the rank; their order within it is the database's.
    const [first, ...tied] = await ranked();
    expect(first).toEqual(['1', '', '张伟', '3']);
    expect(tied.sort((a, b) => String(a[2]).localeCompare(String(b[2])))).toEqual(
      [
        ['2', '并列', '陈静', '2'],
        ['2', '并列', '刘洋', '2'],
      ].sort((a, b) => a[2]!.localeCompare(b[2]!)),
    );
    await journey.screenshot(managerPage, 'manager-board');

    const zhangRow = rows.filter({ hasText: '张伟' });
    await zhangRow.getByTitle('查看浏览明细').click();
    await managerPage.waitForURL(/pages\/console\/boards\/events/);
    await pageSettled(managerPage);
    await expectTextOf(managerPage.locator('.board-events__counted-value'), '3');
    const reasons = managerPage.locator('.board-events__reason');
    await expect(reasons.allTextContents()).resolves.toEqual(['本人1', '同事1', '机器人1', '30分钟内重复1']);
    const verdicts = await managerPage
      .locator('.board-events__item .board-events__verdict')
      .allTextContents();
    expect([...verdicts].sort()).toEqual(
      ['30分钟内重复', '同事浏览', '本人浏览', '机器人', '计入', '计入', '计入'].sort(),
    );
    await journey.screenshot(managerPage, 'manager-drill-down');
    await managerPage.context().close();
  }, 60_000);

  it('an employee sees the organization board, their place and the gap to the next one', async () => {
    const chen = sharers.get('陈静')!;
    const context = await newWechatPhoneContext(journey.browser, journey.stack.baseUrl);
    await context.addInitScript((session) => {
      localStorage.setItem('cardhub.session', JSON.stringify({ data: session }));
    }, chen.login);
    const page = await context.newPage();
    await page.goto('/#/pages/home/index');
    await tap(page, '排行榜');
    await page.waitForURL(/pages\/leaderboard\/index/);
    await expectText(page, '张伟');
    // Needs 2 more views to pass 张伟's 3 (this week, which today belongs to).
    await expectText(page, '第 2 名 · 距上一名还差 2');
    await journey.screenshot(page, 'employee-leaderboard');
    // Their own number opens the views behind it.
    await tap(page, '明细 ›');
    await page.waitForURL(/pages\/leaderboard\/events/);
    await pageSettled(page);
    await expectTextOf(page.locator('.board-events__counted-value'), '2');
    await journey.screenshot(page, 'employee-drill-down');
    await context.close();
  }, 60_000);
});

/** Waits until the page's slide-in transition is over (the document is no wider than the window). */
async function pageSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/** Waits until the element's text is `text` (figures arrive after the page's first paint). */
async function expectTextOf(locator: Locator, text: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let shown: string | undefined;
  while (Date.now() < deadline) {
    shown = (await locator.first().textContent({ timeout }))?.trim();
    if (shown === text) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(shown).toBe(text);
}
