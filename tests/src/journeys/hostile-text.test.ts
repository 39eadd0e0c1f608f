/**
 * Issue 6, "nobody in where they don't belong": text an attacker types into a card and a material comes back
 * from the API exactly as typed, and the H5 pages a prospect opens show it as text. No script of theirs runs,
 * no element of theirs appears, and the pages load under the server's content security policy.
 */
import { describeEachDatabase } from '@cardhub/server/src/test-support/databases';
import type { CardDto, DemoAccount, LoginResponse, MaterialDto, ShareDto } from '@cardhub/shared';
import type { Page } from 'playwright-core';
import { newWechatPhoneContext } from '../support/browser';
import { journeyStack } from '../support/journey';
import { expectText } from '../support/page-actions';

/** Each payload sets `window.__injected` if it ever runs as code. */
const CARD_NAME = '<img src=x onerror=__injected=1>';
const CARD_TITLE = '"><script>window.__injected=2</script>';
const CARD_BIO = '<svg onload="window.__injected=3"></svg>\' OR 1=1 -- {{7*7}} ${7*7}';
const MATERIAL_TITLE = '</title><script>window.__injected=4</script>';
const MATERIAL_BODY =
  '<p>正文</p><img src="x" onerror="window.__injected=5"><script>window.__injected=6</script><a href="javascript:window.__injected=7">链接</a>';

describeEachDatabase('hostile text', (database) => {
  const journey = journeyStack(database, 'hostile-text');

  async function api<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
    const response = await fetch(`${journey.stack.baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  async function demoLogin(role: DemoAccount['role']): Promise<string> {
    const accounts = await api<DemoAccount[]>('GET', '/api/auth/demo-accounts');
    const account = accounts.find((candidate) => candidate.role === role)!;
    return (
      await api<LoginResponse>('POST', '/api/auth/demo-login', undefined, { employeeId: account.employeeId })
    ).token;
  }

  /** Opens a page as a prospect and records anything that would show an injection or a policy violation. */
  async function openAsProspect(url: string) {
    const context = await newWechatPhoneContext(journey.browser, journey.stack.baseUrl);
    const page = await context.newPage();
    const trouble: string[] = [];
    page.on('dialog', (dialog) => {
      trouble.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) trouble.push(`csp: ${message.text()}`);
    });
    await page.goto(url);
    return { page, trouble };
  }

  const injectedElements = (page: Page) =>
    page.evaluate(() => ({
      ran: (window as unknown as { __injected?: number }).__injected ?? null,
      images: document.querySelectorAll('img[src="x"]').length,
      svgs: document.querySelectorAll('svg[onload]').length,
      scripts: Array.from(document.scripts)
        .filter((script) => script.text.includes('__injected'))
        .map((script) => script.outerHTML.slice(0, 200)),
      javascriptLinks: document.querySelectorAll('a[href^="javascript:"]').length,
    }));
  const nothingInjected = { ran: null, images: 0, svgs: 0, scripts: [], javascriptLinks: 0 };

  it('keeps a card typed with markup and SQL byte for byte, and shows it as text', async () => {
    const token = await demoLogin('employee');
    const typed = { name: CARD_NAME, title: CARD_TITLE, bio: CARD_BIO };
    const saved = await api<CardDto>('PUT', '/api/me/card', token, typed);
    expect({ name: saved.name, title: saved.title, bio: saved.bio }).toEqual(typed);
    const share = await api<ShareDto>('POST', '/api/shares', token, {
      targetType: 'card',
      targetId: saved.id,
      channel: 'link',
    });
    const publicCard = await api<{ card: CardDto }>('GET', `/api/public/shares/${share.code}`);
    expect({ name: publicCard.card.name, title: publicCard.card.title, bio: publicCard.card.bio }).toEqual(
      typed,
    );

    const { page, trouble } = await openAsProspect(share.url);
    await page.waitForURL(/pages\/card\/view/);
    await expectText(page, CARD_BIO);
    await expectText(page, CARD_TITLE);
    await journey.screenshot(page, 'card-with-markup');
    expect(await injectedElements(page)).toEqual(nothingInjected);
    expect(trouble).toEqual([]);
  });

  it('shows a material titled with markup as text, its rich body without scripts or handlers', async () => {
    const admin = await demoLogin('admin');
    const created = await api<MaterialDto>('POST', '/api/materials', admin, {
      type: 'article',
      title: MATERIAL_TITLE,
      body: MATERIAL_BODY,
    });
    expect(created.title).toBe(MATERIAL_TITLE);
    await api<MaterialDto>('POST', `/api/materials/${created.id}/publish`, admin);
    const employee = await demoLogin('employee');
    const share = await api<ShareDto>('POST', '/api/shares', employee, {
      targetType: 'material',
      targetId: created.id,
      channel: 'link',
    });

    const { page, trouble } = await openAsProspect(share.url);
    await page.waitForURL(/pages\/material\/view/);
    await expectText(page, MATERIAL_TITLE);
    await expectText(page, '正文');
    await journey.screenshot(page, 'material-with-markup');
    expect(await injectedElements(page)).toEqual(nothingInjected);
    expect(trouble).toEqual([]);
  });
});
