/**
 * Issue 3, end to end: an admin imports a roster file and publishes an article from the console; an employee
 * shares it; a prospect reads it to the end and forwards it; a second prospect opens the forward; the admin's
 * figures show both views, how deep they read, and the chain credited to the employee.
 */
import { describeEachDatabase } from '@cardhub/server/src/test-support/databases';
import type { BrowserContext, Page } from 'playwright-core';
import { newDesktopContext, newWechatPhoneContext } from '../support/browser';
import { journeyStack } from '../support/journey';
import { expectText, firstDemoEmployee, tap } from '../support/page-actions';

const ARTICLE_TITLE = '制造业客户的三个增长故事';
const SHARE_LINK = /^\s*https?:\/\/\S+\/v\/[A-Za-z0-9_-]+\s*$/;
/** The roster file an admin exports from their HR system: two good rows and one without a name. */
const ROSTER_CSV = [
  '姓名,手机号,邮箱,部门,职位,角色',
  '孙丽,13912340001,sunli@xingchen-tech.cn,销售一部/华东组,客户经理,员工',
  '周强,13912340002,,销售二部,销售代表,',
  ',13912340003,,市场部,市场专员,员工',
].join('\n');

describeEachDatabase('materials loop', (database) => {
  const journey = journeyStack(database, 'materials-loop');
  let admin: BrowserContext;
  let adminPage: Page;
  let shareLink: string;
  let forwardLink: string;

  it('an admin imports a roster file: good rows imported, the bad one reported with its line', async () => {
    const boss = await firstDemoEmployee(journey.stack.baseUrl, '王总');
    admin = await newDesktopContext(journey.browser, journey.stack.baseUrl);
    adminPage = await admin.newPage();
    await adminPage.goto('/#/pages/console/login/index');
    await adminPage.getByText(boss.name, { exact: true }).click();
    await adminPage.waitForURL(/pages\/console\/roster/);

    await tap(adminPage, '批量导入');
    await adminPage.locator('input[type=file]').setInputFiles({
      name: '花名册.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(ROSTER_CSV, 'utf8'),
    });
    await tap(adminPage, '开始导入');
    await expectText(adminPage, '导入完成：3 行中 2 行成功，1 行有错误未导入', 20_000);
    await expectText(adminPage, '第 4 行');
    await journey.screenshot(adminPage, 'roster-import');
    await tap(adminPage, '完成');
    await expectText(adminPage, '孙丽');
  }, 60_000);

  it('the admin writes and publishes an article', async () => {
    await tap(adminPage, '物料');
    await adminPage.waitForURL(/pages\/console\/materials/);
    await tap(adminPage, '新建物料');
    await adminPage.waitForURL(/materials\/edit/);
    await adminPage.getByPlaceholder('客户在分享卡片上看到的标题').fill(ARTICLE_TITLE);
    await adminPage.getByPlaceholder('如：行业洞察、产品介绍').fill('客户案例');
    const body = adminPage.locator('[contenteditable]');
    await body.click();
    // A long article, so reading it to the end takes scrolling.
    for (let story = 1; story <= 3; story += 1) {
      await adminPage.keyboard.type(`故事 ${story}：销售用智能名片分享案例，客户转发给采购负责人。`);
      await adminPage.keyboard.press('Enter');
      for (let line = 0; line < 12; line += 1) {
        await adminPage.keyboard.type('每一次转发都被记录，访客的阅读深度和停留时间一目了然。');
        await adminPage.keyboard.press('Enter');
      }
    }
    await tap(adminPage, '发布');
    await expectText(adminPage, '已发布，员工现在可以在物料库中分享');
    await journey.screenshot(adminPage, 'article-published');
  }, 60_000);

  it('an employee finds it in the library and copies its share link', async () => {
    const seller = await firstDemoEmployee(journey.stack.baseUrl, '张伟');
    const employee = await newDesktopContext(journey.browser, journey.stack.baseUrl);
    const page = await employee.newPage();
    await page.goto('/#/pages/console/login/index');
    await page.getByText(seller.name, { exact: true }).click();
    await page.waitForURL(/pages\/home\/index/);
    await tap(page, '物料库');
    await page.waitForURL(/pages\/material\/index/);
    await tap(page, ARTICLE_TITLE);
    await page.waitForURL(/pages\/material\/detail/);
    const linkField = page.getByText(SHARE_LINK);
    await linkField.waitFor();
    shareLink = (await linkField.textContent())!.trim();
    await journey.screenshot(page, 'employee-share');
    await employee.close();
  }, 60_000);

  it('a prospect reads the article to the end and forwards it', async () => {
    const prospect = await newWechatPhoneContext(journey.browser, journey.stack.baseUrl);
    const page = await prospect.newPage();
    await page.goto(shareLink);
    await page.waitForURL(/pages\/material\/view/);
    await expectText(page, ARTICLE_TITLE);
    await expectText(page, '张伟');
    await journey.screenshot(page, 'prospect-article');
    // Read down to the end, as a thumb would.
    for (let step = 0; step < 30; step += 1) await page.mouse.wheel(0, 400);
    await page.waitForTimeout(1000);
    await tap(page, '转发给朋友');
    await expectText(page, '链接已复制，发给朋友吧');
    forwardLink = await page.evaluate(() => navigator.clipboard.readText());
    expect(forwardLink).toMatch(SHARE_LINK);
    expect(forwardLink).not.toBe(shareLink);
    await journey.screenshot(page, 'prospect-forwarded');
    await prospect.close();
  }, 60_000);

  it("a second prospect opens the forward and sees the employee's card", async () => {
    const friend = await newWechatPhoneContext(journey.browser, journey.stack.baseUrl);
    const page = await friend.newPage();
    await page.goto(forwardLink);
    await page.waitForURL(/pages\/material\/view/);
    await expectText(page, ARTICLE_TITLE);
    await expectText(page, '张伟');
    await friend.close();
  }, 60_000);

  it("the admin's figures show both views, the read depth, and the chain credited to the employee", async () => {
    await adminPage.goto('/#/pages/console/materials/index');
    const row = adminPage.locator('.material-admin__row', { hasText: ARTICLE_TITLE });
    await row.getByText('数据', { exact: true }).click({ force: true });
    await adminPage.waitForURL(/materials\/stats/);
    const tile = (label: string) =>
      adminPage.locator('.stat-tile', { hasText: label }).locator('.stat-tile__value').textContent();
    await expectText(adminPage, '转发链路');
    expect((await tile('浏览量'))?.trim()).toBe('2');
    expect((await tile('访客数'))?.trim()).toBe('2');
    expect((await tile('最深链路'))?.trim()).toBe('1');
    expect(Number((await tile('平均阅读深度'))?.trim())).toBeGreaterThanOrEqual(50);
    const chain = adminPage.locator('.chain-tree');
    expect(await chain.textContent()).toMatch(/张伟[\s\S]*访客 #/);
    await journey.screenshot(adminPage, 'material-stats');
    await admin.close();
  }, 60_000);
});
