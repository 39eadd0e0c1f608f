/**
 * The compiled WeChat card page (dist/weapp, built by `taro build --type weapp`), rendered by WeChat's own
 * template compiler through miniprogram-simulate: the card shows, and a tap on 拨打电话 dials and is reported.
 */
import path from 'node:path';
import simulate from 'miniprogram-simulate';
import { WEAPP_DIST, installMiniProgramHost, wxAsync } from './mini-program-host';
import { exampleCard } from '../fixtures/card';

const card = exampleCard;

const requests: { url: string; method: string; data: unknown }[] = [];
const dialled: string[] = [];

/** Our server's answers, as the page would get them over wx.request. */
function serverAnswer(url: string): { statusCode: number; data: unknown } {
  const route = url.replace('http://localhost:3000', '');
  if (route === '/api/auth/wechat-login') {
    return {
      statusCode: 200,
      data: {
        token: 'prospect-token',
        expiresAt: '2099-01-01T00:00:00.000Z',
        role: 'prospect',
        principal: { kind: 'prospect', wechatUserId: 'w1' },
      },
    };
  }
  if (route === '/api/public/shares/Ab3dEf7hJk')
    return { statusCode: 200, data: { card, share: { code: 'Ab3dEf7hJk', channel: 'chat', depth: 0 } } };
  if (route === '/api/track/view')
    return {
      statusCode: 200,
      data: { visitToken: 'visit-token', verdict: 'counted', visitorLabel: '访客 #3f2a' },
    };
  if (route === '/api/track/actions') return { statusCode: 200, data: { stored: 1, duplicates: 0 } };
  return { statusCode: 404, data: { statusCode: 404, error: 'Not Found', message: 'not found' } };
}

installMiniProgramHost({
  login: wxAsync(() => ({ code: 'wx-login-code', errMsg: 'login:ok' })),
  request: wxAsync((options) => {
    requests.push({ url: String(options.url), method: String(options.method), data: options.data });
    return { ...serverAnswer(String(options.url)), header: {}, errMsg: 'request:ok' };
  }),
  makePhoneCall: wxAsync((options) => void dialled.push(String(options.phoneNumber))),
});

/** The text a rendered piece of the page shows (j-component types `dom` as optional). */
const textOf = (component: { dom?: Node } | undefined) => component?.dom?.textContent ?? '';

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
async function waitFor(check: () => boolean, what: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (check()) return;
    await settle();
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('the WeChat build of the card page', () => {
  // WeChat runs app.js (Taro's runtime and the React app) before any page.
  beforeAll(() => import(path.join(WEAPP_DIST, 'app.js')));

  it('renders the shared card and dials when 拨打电话 is tapped', async () => {
    const id = simulate.load(path.join(WEAPP_DIST, 'pages/card/view/index'), {
      compiler: 'official',
      rootPath: WEAPP_DIST,
    });
    const page = simulate.render(id);
    // The shim passes `__query` to onLoad, as WeChat passes the opened path's query.
    (page.instance as unknown as { __query: Record<string, string> }).__query = { sc: 'Ab3dEf7hJk' };
    page.attach(document.createElement('parent-wrapper'));

    await waitFor(() => textOf(page).includes('陈静'), 'the card to render');
    expect(textOf(page)).toContain('大客户经理');
    expect(textOf(page)).toContain('13800138003');

    await waitFor(
      () => requests.some((request) => request.url.endsWith('/api/track/view')),
      'the view to be recorded',
    );
    // Taro binds taps on each action's view; the first action of a card with a phone number is 拨打电话.
    const firstAction = page.querySelector('.business-card__action');
    expect(textOf(firstAction)).toContain('拨打电话');
    firstAction?.dispatchEvent('tap');
    await waitFor(() => dialled.length > 0, 'the phone call');
    expect(dialled).toEqual(['13800138003']);
    await waitFor(
      () => requests.some((request) => request.url.endsWith('/api/track/actions')),
      'the click report',
    );
    const click = requests.find((request) => request.url.endsWith('/api/track/actions'))!;
    expect(click.data).toMatchObject({
      visitToken: 'visit-token',
      actions: [{ type: 'click', action: 'call' }],
    });
  });
});
