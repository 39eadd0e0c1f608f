import { type FakeWechat, startFakeWechat } from '@cardhub/tests/fake-wechat';
import { inflateSync } from 'node:zlib';
import type { AppConfig } from '../common/config';
import { WechatApiError, WechatClient } from './wechat.client';

const APP = { appId: 'wxclienttest0001', appSecret: 'client-test-secret' };

/** The real client against the fake WeChat server over HTTP: nothing in the client is mocked. */
describe('WechatClient', () => {
  let fake: FakeWechat;
  let client: WechatClient;

  beforeEach(async () => {
    fake = await startFakeWechat({ port: 0, ...APP });
    client = new WechatClient({ wechat: { ...APP, apiBaseUrl: fake.url } } as AppConfig);
  });
  afterEach(() => fake.close());

  it('redeems a login code once, for the same openid every time', async () => {
    const first = await client.code2Session(fake.issueLoginCode('zhang'));
    const again = await client.code2Session(fake.issueLoginCode('zhang'));
    expect(first.openid).toBe(fake.openidOf('zhang'));
    expect(again.openid).toBe(first.openid);
    expect(first.sessionKey).toMatch(/\S{16,}/);
    expect(first.unionid).toBeUndefined();
    expect((await client.code2Session(fake.issueLoginCode('u_li'))).unionid).toMatch(/^u/);
  });

  it('reports a used or invalid code as an invalid code, without leaking the secret', async () => {
    const code = fake.issueLoginCode('zhang');
    await client.code2Session(code);
    const used = await client.code2Session(code).catch((error: unknown) => error);
    expect(used).toBeInstanceOf(WechatApiError);
    expect((used as WechatApiError).isInvalidCode).toBe(true);
    expect((used as WechatApiError).message).not.toContain(APP.appSecret);
    const invalid = await client.code2Session('never-issued-code').catch((error: unknown) => error);
    expect((invalid as WechatApiError).errcode).toBe(40029);
  });

  it('fails loudly with wrong credentials', async () => {
    const wrong = new WechatClient({
      wechat: { ...APP, appSecret: 'nope', apiBaseUrl: fake.url },
    } as AppConfig);
    await expect(wrong.getAccessToken()).rejects.toMatchObject({ errcode: 40125, isInvalidCode: false });
  });

  it('shares one token refresh among concurrent callers and caches it', async () => {
    const tokens = await Promise.all(Array.from({ length: 10 }, () => client.getAccessToken()));
    expect(new Set(tokens).size).toBe(1);
    await client.getAccessToken();
    expect(fake.tokenRequests).toBe(1);
  });

  it('refreshes a token WeChat no longer accepts and retries the call once', async () => {
    await client.getUnlimitedMiniProgramCode({ scene: 'sc=Ab3dEf7hJk', page: 'pages/card/view/index' });
    fake.expireTokens();
    const png = await client.getUnlimitedMiniProgramCode({
      scene: 'sc=Zz9dEf7hJk',
      page: 'pages/card/view/index',
    });
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(fake.tokenRequests).toBe(2);
  });

  it('returns the unlimited mini-program code as a PNG for the scene', async () => {
    const png = await client.getUnlimitedMiniProgramCode({
      scene: 'sc=Ab3dEf7hJk',
      page: 'pages/card/view/index',
    });
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(280);
    expect(fake.codeRequests).toEqual([
      { scene: 'sc=Ab3dEf7hJk', page: 'pages/card/view/index', width: 430 },
    ]);
  });

  it('refuses a scene over 32 characters before calling WeChat', async () => {
    await expect(
      client.getUnlimitedMiniProgramCode({ scene: 'x'.repeat(33), page: 'pages/card/view/index' }),
    ).rejects.toThrow(RangeError);
    expect(fake.codeRequests).toHaveLength(0);
  });

  it('redeems a phone-number code', async () => {
    await expect(client.getPhoneNumber('phone:13800138000')).resolves.toEqual({
      phoneNumber: '13800138000',
      purePhoneNumber: '13800138000',
      countryCode: '86',
    });
    await expect(client.getPhoneNumber('bogus')).rejects.toMatchObject({
      errcode: 40029,
      isInvalidCode: true,
    });
  });

  it('sends a subscribe message', async () => {
    await client.sendSubscribeMessage({
      toOpenId: fake.openidOf('zhang'),
      templateId: 'tmpl-lead',
      page: 'pages/radar/index',
      data: { thing1: { value: '访客 #3f2a 查看了你的名片' } },
    });
    expect(fake.subscribeMessages).toEqual([
      expect.objectContaining({
        touser: fake.openidOf('zhang'),
        template_id: 'tmpl-lead',
        page: 'pages/radar/index',
      }),
    ]);
  });
});

describe('the fake WeChat PNG', () => {
  it('is a decodable image that differs by scene', async () => {
    const fake = await startFakeWechat({ port: 0, ...APP });
    try {
      const client = new WechatClient({ wechat: { ...APP, apiBaseUrl: fake.url } } as AppConfig);
      const a = await client.getUnlimitedMiniProgramCode({ scene: 'sc=AAAAAAAAAA', page: 'p' });
      const b = await client.getUnlimitedMiniProgramCode({ scene: 'sc=BBBBBBBBBB', page: 'p' });
      const pixels = (png: Buffer) => inflateSync(png.subarray(41, png.length - 12 - 4));
      expect(pixels(a)).toHaveLength(280 * 281);
      expect(pixels(a).equals(pixels(b))).toBe(false);
    } finally {
      await fake.close();
    }
  });
});
