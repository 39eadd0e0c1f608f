/**
 * Issue 6, PIPL rights, end to end: a prospect leaves their phone from a shared article, then on 隐私政策与个人数据
 * opts out of personalised marketing, downloads their data and erases it; the admin sees why the lead has its
 * score, that the person opted out and then was erased, sets the retention limits and reads the audit log.
 */
import { describeEachDatabase } from '@cardhub/server/src/test-support/databases';
import type { PersonalDataExport } from '@cardhub/shared';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { newDesktopContext, newWechatPhoneContext } from '../support/browser';
import { journeyStack } from '../support/journey';
import { expectText, firstDemoEmployee, tap } from '../support/page-actions';

const SHARE_LINK = /^\s*https?:\/\/\S+\/v\/[A-Za-z0-9_-]+\s*$/;
const PHONE = '13955556666';
const NAME = '韩女士';

describeEachDatabase('PIPL rights', (database) => {
  const journey = journeyStack(database, 'privacy-rights');
  let prospect: BrowserContext;
  let prospectPage: Page;
  let adminPage: Page;
  let leadUrl: string;

  it('a prospect leaves their phone from a shared article, then opens 隐私政策与个人数据', async () => {
    const seller = await firstDemoEmployee(journey.stack.baseUrl, '张伟');
    const employee = await newDesktopContext(journey.browser, journey.stack.baseUrl);
    const page = await employee.newPage();
    await page.goto('/#/pages/console/login/index');
    await page.getByText(seller.name, { exact: true }).click();
    await page.waitForURL(/pages\/home\/index/);
    await tap(page, '物料库');
    await page.waitForURL(/pages\/material\/index/);
    await page.locator('.material-card').first().click();
    await page.waitForURL(/pages\/material\/detail/);
    const linkField = page.getByText(SHARE_LINK);
    await linkField.waitFor();
    const shareLink = (await linkField.textContent())!.trim();
    await employee.close();

    prospect = await newWechatPhoneContext(journey.browser, journey.stack.baseUrl);
    prospectPage = await prospect.newPage();
    await prospectPage.goto(shareLink);
    await prospectPage.waitForURL(/pages\/material\/view/);
    // 留下电话 is offered once the visit is recorded (its token goes to the contact page).
    await prospectPage.waitForLoadState('networkidle');
    await tap(prospectPage, '咨询');
    // The action sheet slides in: a plain click waits until the item stands still.
    await prospectPage.getByText('留下电话，请张伟联系我', { exact: true }).click();
    await prospectPage.waitForURL(/pages\/contact/);
    await prospectPage.getByPlaceholder('如：王先生').locator('input').fill(NAME);
    await prospectPage.getByPlaceholder('11 位手机号').locator('input').fill(PHONE);
    await prospectPage.getByText(/我同意将姓名、手机号和留言/).click();
    await tap(prospectPage, '提交');
    await expectText(prospectPage, '已通知张伟');
    await prospectPage.goBack();
    await prospectPage.waitForURL(/pages\/material\/view/);
    await tap(prospectPage, '隐私政策与个人数据');
    await prospectPage.waitForURL(/pages\/privacy/);
    await expectText(prospectPage, '已同意');
    await expectText(prospectPage, '你的权利');
    await journey.screenshot(prospectPage, 'privacy-page');
  }, 90_000);

  it('they opt out of personalised marketing and download everything held about them', async () => {
    await prospectPage.locator('taro-switch-core').nth(2).locator('input').click({ force: true });
    await expectText(prospectPage, '已撤回');
    const [download] = await Promise.all([
      prospectPage.waitForEvent('download'),
      tap(prospectPage, '导出我的数据'),
    ]);
    const copy = JSON.parse(readFileSync((await download.path())!, 'utf8')) as PersonalDataExport;
    expect(copy.person).toMatchObject({ name: NAME, phone: PHONE });
    expect(copy.consents.map((consent) => [consent.purpose, consent.granted])).toEqual([
      ['contact_me', true],
      ['personalised_marketing', false],
    ]);
    expect(copy.events.map((event) => event.type)).toEqual(expect.arrayContaining(['view', 'consult']));
    await journey.screenshot(prospectPage, 'privacy-opted-out');
  }, 60_000);

  it('the admin sees why the lead has its score, and that the person opted out', async () => {
    const boss = await firstDemoEmployee(journey.stack.baseUrl, '王总');
    const admin = await newDesktopContext(journey.browser, journey.stack.baseUrl);
    adminPage = await admin.newPage();
    await adminPage.goto('/#/pages/console/login/index');
    await adminPage.getByText(boss.name, { exact: true }).click();
    // The login's reLaunch lands on the roster; a page opened before it has rendered would end up beneath it.
    await expectText(adminPage, '批量导入');
    await adminPage.locator('.console__tab', { hasText: '线索' }).click();
    await adminPage.waitForURL(/pages\/console\/leads/);
    await adminPage.locator('.console-table__row', { hasText: NAME }).getByText('查看').click();
    await adminPage.waitForURL(/pages\/leads\/detail/);
    leadUrl = adminPage.url();
    await expectText(adminPage, '为什么是这个分数');
    await expectText(adminPage, '此人已拒绝个性化营销');
    await expectText(adminPage, '个人信息请求');
    await journey.screenshot(adminPage, 'lead-why-score');
  }, 60_000);

  it('the person erases their data: the lead stays, anonymous; the audit log says who did what', async () => {
    await tap(prospectPage, '删除我的个人信息');
    await prospectPage.locator('.taro-modal__foot').getByText('删除', { exact: true }).click();
    await expectText(prospectPage, '你的个人信息已删除');
    await journey.screenshot(prospectPage, 'privacy-erased');

    await adminPage.goto(leadUrl);
    await adminPage.reload();
    await expectText(adminPage, '此人的个人信息已应本人要求删除');
    expect(await adminPage.getByText(NAME).count()).toBe(0);
    expect(await adminPage.getByText(PHONE).count()).toBe(0);

    await adminPage.goto('/#/pages/console/privacy/index');
    await expectText(adminPage, '审计日志');
    await expectText(adminPage, '访客本人');
    await expectText(adminPage, '删除个人信息');
    await expectText(adminPage, '查看线索');
    const limits = adminPage.locator('.privacy-admin__number');
    await limits.nth(0).fill('90');
    await limits.nth(1).fill('30');
    await tap(adminPage, '保存');
    await expectText(adminPage, '已保存，每小时按新的期限清除');
    await journey.screenshot(adminPage, 'console-privacy');
  }, 60_000);
});
