import {
  BOT_USER_AGENT_TOKENS,
  NOT_BOT_USER_AGENT_TOKENS,
  VIEW_DEDUPE_WINDOW_MS,
  classifyView,
  isBotUserAgent,
  isWithinDedupeWindow,
} from './counting';

const people = [
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49(0x18003129) NetType/WIFI Language/zh_CN',
  'Mozilla/5.0 (Linux; Android 14; V2203A Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20240301 MMWEBID/1571 MicroMessenger/8.0.48.2580(0x28003036) WeChat/arm64 Weixin NetType/5G Language/zh_CN ABI/arm64 miniProgram/wx1234567890abcdef',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  // A mini-program web view on iOS.
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49(0x18003129) NetType/WIFI Language/zh_CN miniProgram/wx1234567890abcdef',
  // WeChat for Windows opening a link.
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/81.0.4044.138 Safari/537.36 NetType/WIFI MicroMessenger/7.0.20.1781(0x6700143B) WindowsWechat(0x63090a13) XWEB/9129 Flue',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Linux; Android 12; HarmonyOS; NOH-AN00; HMSCore 6.13.0.302) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/99.0.4844.88 HuaweiBrowser/14.0.5.302 Mobile Safari/537.36',
  // A Cubot phone: "bot" in the device name.
  'Mozilla/5.0 (Linux; Android 11; CUBOT KINGKONG 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36',
];

const bots = [
  '',
  '   ',
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
  'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)',
  'Sogou web spider/4.0(+http://www.sogou.com/docs/help/webmasters.htm#07)',
  'Mozilla/5.0 (compatible; Bytespider; spider-feedback@bytedance.com)',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36',
  'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
  'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
  'TelegramBot (like TwitterBot)',
  'WhatsApp/2.23.20.0',
  'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)',
  'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
  'curl/8.5.0',
  'Wget/1.21.4',
  'python-requests/2.31.0',
  'Go-http-client/1.1',
  'okhttp/4.12.0',
  'axios/1.6.7',
  'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)',
  'Mozilla/5.0 (compatible; YisouSpider/5.0)',
  'Mozilla/5.0 (compatible; 360Spider)',
  'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Applebot/0.1)',
  'Twitterbot/1.0',
  'Mozilla/5.0 (Linux; Android 7.0;) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 (compatible; PetalBot;+https://webmaster.petalsearch.com/site/petalbot)',
  'Mozilla/5.0 (compatible; ToutiaoSpider/1.0; http://web.toutiao.com/media_cooperation/;)',
  'meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)',
  'Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5',
  'WeChatShareExtensionNew/8.0.49 CFNetwork/1494.0.7 Darwin/23.4.0',
  'Java/17.0.2',
  'Apache-HttpClient/4.5.14 (Java/17.0.8)',
  'python-urllib3/2.0.7',
  // A bot on a Cubot phone is still a bot.
  'Mozilla/5.0 (Linux; Android 11; CUBOT X30) (compatible; Googlebot/2.1)',
];

describe('isBotUserAgent', () => {
  it.each(people)('lets a person through: %s', (userAgent) => {
    expect(isBotUserAgent(userAgent)).toBe(false);
  });
  it.each(bots)('recognises a bot: %p', (userAgent) => {
    expect(isBotUserAgent(userAgent)).toBe(true);
  });
  it('treats a missing user agent as a bot', () => {
    expect(isBotUserAgent(undefined)).toBe(true);
    expect(isBotUserAgent(null)).toBe(true);
  });
  it.each([...BOT_USER_AGENT_TOKENS, ...NOT_BOT_USER_AGENT_TOKENS])(
    'matches %p case-insensitively (the token is lowercase)',
    (token) => {
      expect(token).toBe(token.toLowerCase());
    },
  );
});

describe('the 30-minute dedupe window', () => {
  const opened = new Date('2026-11-23T08:00:00.000Z');
  const after = (ms: number) => new Date(opened.getTime() + ms);
  it.each([
    ['at once', 0, true],
    ['29:59.999 later', VIEW_DEDUPE_WINDOW_MS - 1, true],
    ['exactly 30 minutes later', VIEW_DEDUPE_WINDOW_MS, false],
    ['an hour later', 2 * VIEW_DEDUPE_WINDOW_MS, false],
    ['with the clock gone back a minute', -60_000, true],
  ])('%s → inside: %p', (_label, offset, inside) => {
    expect(isWithinDedupeWindow(opened, after(offset))).toBe(inside);
  });
});

describe('classifyView', () => {
  const person = people[0];
  const owner = { employeeId: 'e-zhang', organizationId: 'org-a' };
  const now = new Date('2026-11-23T08:00:00.000Z');
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  it.each([
    ['a first view by a prospect', person, {}, null, 'counted'],
    ['a view 10 minutes after a counted one', person, {}, minutesAgo(10), 'repeat'],
    ['a view 30 minutes after a counted one', person, {}, minutesAgo(30), 'counted'],
    [
      'the owner opening their own card',
      person,
      { employeeId: 'e-zhang', organizationId: 'org-a' },
      null,
      'self',
    ],
    ['a colleague', person, { employeeId: 'e-li', organizationId: 'org-a' }, null, 'colleague'],
    [
      'a colleague within the window',
      person,
      { employeeId: 'e-li', organizationId: 'org-a' },
      minutesAgo(1),
      'colleague',
    ],
    [
      'an employee of another company',
      person,
      { employeeId: 'e-x', organizationId: 'org-b' },
      null,
      'counted',
    ],
    ['a bot', 'curl/8.5.0', {}, null, 'bot'],
    [
      'the owner through a bot',
      'curl/8.5.0',
      { employeeId: 'e-zhang', organizationId: 'org-a' },
      null,
      'bot',
    ],
  ] as const)('%s → %s', (_label, userAgent, viewer, lastCountedViewAt, verdict) => {
    expect(classifyView({ userAgent, viewer, owner, lastCountedViewAt, now })).toBe(verdict);
  });

  it('treats staff opening an unshared (uncredited) material as colleagues, and a prospect as counted', () => {
    const uncredited = { employeeId: null, organizationId: 'org-a' };
    const colleague = { employeeId: 'e-li', organizationId: 'org-a' };
    const classify = (viewer: typeof colleague | object) =>
      classifyView({ userAgent: person, viewer, owner: uncredited, lastCountedViewAt: null, now });
    expect(classify(colleague)).toBe('colleague');
    expect(classify({})).toBe('counted');
  });
});
