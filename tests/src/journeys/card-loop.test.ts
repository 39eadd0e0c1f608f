/**
 * Issue 2, end to end: an employee edits and shares their card on H5, a prospect opens the link in WeChat's
 * browser and acts on it, and the employee sees that visit on the visitor radar. Real server process, real
 * database, the built H5 app in Chromium; assertions are on what the people see.
 */
import { describeEachDatabase } from '@cardhub/server/src/test-support/databases';
import type { BrowserContext, Page } from 'playwright-core';
import { newDesktopContext, newWechatPhoneContext } from '../support/browser';
import { journeyStack } from '../support/journey';
import { expectText, fillField, firstDemoEmployee, tap } from '../support/page-actions';

const NEW_TITLE = '华东区大客户总监';
const NEW_BIO = '十年企业服务经验，帮您把每一次分享变成商机。';
const SHARE_LINK = /^\s*https?:\/\/\S+\/v\/[A-Za-z0-9_-]+\s*$/;
/** The open radar refreshes every few seconds; a visit must show up within this. */
const RADAR_WAIT_MS = 15_000;

describeEachDatabase('card loop', (database) => {
  const journey = journeyStack(database, 'card-loop');
  let employee: BrowserContext;
  let employeePage: Page;
  let shareLink: string;

  it('an employee logs in with one click, edits the card and copies the share link', async () => {
    const seller = await firstDemoEmployee(journey.stack.baseUrl);
    employee = await newDesktopContext(journey.browser, journey.stack.baseUrl);
    employeePage = await employee.newPage();

    await employeePage.goto('/#/pages/console/login/index');
    await employeePage.getByText(seller.name, { exact: true }).click();
    await employeePage.waitForURL(/pages\/home\/index/);
    await expectText(employeePage, '分享名片');
    await journey.screenshot(employeePage, 'employee-home');

    await tap(employeePage, '编辑名片');
    await employeePage.waitForURL(/pages\/card\/edit/);
    await fillField(employeePage, '职位', NEW_TITLE);
    await fillField(employeePage, '个人简介', NEW_BIO);
    await tap(employeePage, '保存');
    await expectText(employeePage, '已保存');
    await journey.screenshot(employeePage, 'card-saved');

    await employeePage.goBack();
    await employeePage.waitForURL(/pages\/home\/index/);
    await expectText(employeePage, NEW_TITLE);
    await tap(employeePage, '分享名片');
    await employeePage.waitForURL(/pages\/card\/share/);
    const linkField = employeePage.getByText(SHARE_LINK);
    await linkField.waitFor();
    shareLink = (await linkField.textContent())!.trim();
    await tap(employeePage, '复制链接');
    await expectText(employeePage, '链接已复制');
    expect(await employeePage.evaluate(() => navigator.clipboard.readText())).toBe(shareLink);
    await journey.screenshot(employeePage, 'card-share');

    // The employee keeps the radar open while the prospect visits: it must update by itself.
    await employeePage.goBack();
    await tap(employeePage, '访客雷达');
    await employeePage.waitForURL(/pages\/radar\/index/);
    await expectText(employeePage, '还没有访客');
  }, 60_000);

  it('a prospect opens the link in WeChat, sees the card, calls and copies the WeChat ID', async () => {
    const prospect = await newWechatPhoneContext(journey.browser, journey.stack.baseUrl);
    const page = await prospect.newPage();

    await page.goto(shareLink);
    await page.waitForURL(/pages\/card\/view/);
    await expectText(page, NEW_TITLE);
    await expectText(page, NEW_BIO);
    await journey.screenshot(page, 'prospect-card');

    await tap(page, '拨打电话');
    await tap(page, '复制微信');
    await expectText(page, '微信号已复制');
    await journey.screenshot(page, 'prospect-copied-wechat');
    await prospect.close();
  }, 60_000);

  it("the employee's open radar shows the prospect's visit and both actions within seconds", async () => {
    // One radar entry: the anonymous visitor's label together with the chips of both actions.
    const visit = employeePage.locator(
      'xpath=//*[text()[contains(., "访客 #")]]/ancestor::*[.//*[text()="拨打电话"] and .//*[text()="复制微信"]][1]',
    );
    await visit.waitFor({ timeout: RADAR_WAIT_MS });
    const entry = await visit.textContent();
    expect(entry).toMatch(/通过网页查看了/);
    // A prospect in an ordinary journey.browser is a counted visitor, not greyed out as a bot, colleague or repeat.
    expect(entry).not.toMatch(/不计数/);
    await journey.screenshot(employeePage, 'radar');
    await employee.close();
  }, 60_000);
});
