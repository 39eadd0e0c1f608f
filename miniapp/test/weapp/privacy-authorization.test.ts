/**
 * WeChat's privacy-authorization flow in the compiled WeChat build: app.json turns the check on, the app listens
 * for `onNeedPrivacyAuthorization` before any page runs, and the contact page (whose getPhoneNumber button is a
 * privacy API) shows our popup with the policy link, 拒绝 and an `agreePrivacyAuthorization` 同意 button.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import simulate from 'miniprogram-simulate';
import { WEAPP_DIST, installMiniProgramHost, wxAsync } from './mini-program-host';

type Resolve = (option: { event: string; buttonId?: string }) => void;
const privacyListeners: ((resolve: Resolve) => void)[] = [];
const navigations: string[] = [];

installMiniProgramHost({
  onNeedPrivacyAuthorization: (listener: (resolve: Resolve) => void) => void privacyListeners.push(listener),
  navigateTo: wxAsync((options) => void navigations.push(String(options.url))),
  request: wxAsync(() => ({ statusCode: 404, data: {}, header: {}, errMsg: 'request:ok' })),
});

const textOf = (component: { dom?: Node } | undefined) => component?.dom?.textContent ?? '';
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
async function waitFor(check: () => boolean, what: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (check()) return;
    await settle();
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** WeChat asks: a privacy API is pending until `resolve` is called with the person's answer. */
async function wechatAsks(): Promise<jest.Mock> {
  const resolve = jest.fn();
  privacyListeners.forEach((listener) => listener(resolve));
  await settle();
  return resolve;
}

let contactPageId: string;
function renderContactPage() {
  contactPageId ??= simulate.load(path.join(WEAPP_DIST, 'pages/contact/index'), {
    compiler: 'official',
    rootPath: WEAPP_DIST,
  });
  const id = contactPageId;
  const page = simulate.render(id);
  (page.instance as unknown as { __query: Record<string, string> }).__query = { token: 'visit-token' };
  page.attach(document.createElement('parent-wrapper'));
  return page;
}

describe('the privacy-authorization flow of the WeChat build', () => {
  beforeAll(() => import(path.join(WEAPP_DIST, 'app.js')));

  it('turns the check on in app.json and listens before any page is opened', () => {
    const appJson = JSON.parse(readFileSync(path.join(WEAPP_DIST, 'app.json'), 'utf8'));
    expect(appJson.__usePrivacyCheck__).toBe(true);
    expect(appJson.pages).toContain('pages/privacy/index');
    expect(privacyListeners).toHaveLength(1);
  });

  it('shows our popup when WeChat asks; 同意 answers agree with the button WeChat checks', async () => {
    const page = renderContactPage();
    await settle();
    expect(textOf(page)).not.toContain('个人信息保护提示');

    const resolve = await wechatAsks();
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' });
    await waitFor(() => textOf(page).includes('个人信息保护提示'), 'the privacy popup');
    expect(textOf(page)).toContain('查看《隐私政策》');

    const agree = page.querySelector('#privacy-agree');
    expect(agree).toBeTruthy();
    agree!.dispatchEvent('agreeprivacyauthorization');
    await waitFor(() => resolve.mock.calls.length === 2, 'the answer');
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: 'privacy-agree' });
    await waitFor(() => !textOf(page).includes('个人信息保护提示'), 'the popup to close');
  });

  it('拒绝 answers disagree, and the policy link opens the privacy page', async () => {
    const page = renderContactPage();
    const resolve = await wechatAsks();
    await waitFor(() => textOf(page).includes('个人信息保护提示'), 'the privacy popup');
    page.querySelector('.privacy-popup__link')!.dispatchEvent('tap');
    await waitFor(() => navigations.length > 0, 'the navigation');
    expect(navigations.at(-1)).toBe('/pages/privacy/index');
    page.querySelector('.privacy-popup__refuse')!.dispatchEvent('tap');
    await waitFor(() => resolve.mock.calls.length === 2, 'the answer');
    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' });
    await waitFor(() => !textOf(page).includes('个人信息保护提示'), 'the popup to close');
  });
});
