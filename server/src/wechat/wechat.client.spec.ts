import { type FakeWechat, type FakeWechatOptions, startFakeWechat } from '@cardhub/tests/fake-wechat';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { RedisAccessTokenStore, TOKEN_RETRY_AFTER_MS, WechatApiError, WechatClient } from './wechat.client';
import { PNG_SIGNATURE } from '../infra/uploads/image-type';

const APP = { appId: 'wxclienttest0001', appSecret: 'client-test-secret' };
const CARD_PAGE = 'pages/card/view/index';

function failureOf(promise: Promise<unknown>): Promise<WechatApiError> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(WechatApiError);
      return error as WechatApiError;
    },
  );
}

/** The real client against the fake WeChat server over HTTP: neither the client nor fetch is mocked. */
describe('WechatClient', () => {
  let fake: FakeWechat;
  let client: WechatClient;

  async function startWith(options: Partial<FakeWechatOptions> = {}) {
    fake = await startFakeWechat({ ...APP, ...options });
    client = new WechatClient({ ...APP, apiBaseUrl: fake.url });
  }

  afterEach(() => fake.close());

  describe('code2Session', () => {
    beforeEach(() => startWith());

    it('redeems login codes for the same openid every time', async () => {
      const first = await client.code2Session(fake.issueLoginCode('zhang'));
      const again = await client.code2Session(fake.issueLoginCode('zhang'));
      const other = await client.code2Session(fake.issueLoginCode('wang'));
      expect(first.openid).toBe(fake.openidOf('zhang'));
      expect(again.openid).toBe(first.openid);
      expect(other.openid).not.toBe(first.openid);
      expect(first.sessionKey).toMatch(/^\S{16,}$/);
      expect(first.unionid).toBeUndefined();
      expect((await client.code2Session(fake.issueLoginCode('u_li'))).unionid).toMatch(/^u\S{27}$/);
    });

    it('reports a used or unknown code as an invalid code, without the secret in the message', async () => {
      const code = fake.issueLoginCode('zhang');
      await client.code2Session(code);
      const used = await failureOf(client.code2Session(code));
      expect(used).toMatchObject({ api: 'code2Session', errcode: 40163, isInvalidCode: true });
      expect(used.message).not.toContain(APP.appSecret);
      const unknown = await failureOf(client.code2Session('not-a-code-wechat-issued'));
      expect(unknown).toMatchObject({ errcode: 40029, isInvalidCode: true });
    });

    it('tells wrong credentials apart from a bad code', async () => {
      const misconfigured = new WechatClient({ ...APP, appSecret: 'wrong-secret', apiBaseUrl: fake.url });
      const error = await failureOf(misconfigured.code2Session(fake.issueLoginCode('zhang')));
      expect(error).toMatchObject({ errcode: 40125, isInvalidCode: false });
      expect(error.message).not.toContain('wrong-secret');
    });
  });

  describe('access token', () => {
    it('is fetched once for concurrent callers, then served from the cache', async () => {
      await startWith();
      const tokens = await Promise.all(Array.from({ length: 10 }, () => client.getAccessToken()));
      expect(new Set(tokens).size).toBe(1);
      expect(await client.getAccessToken()).toBe(tokens[0]);
      expect(fake.tokenRequests).toBe(1);
    });

    it('is refreshed when it enters its last 5 minutes, when WeChat hands out the next one', async () => {
      // A 301 s token is due for refresh after 1 s.
      await startWith({ tokenLifetimeSeconds: 301 });
      const first = await client.getAccessToken();
      expect(await client.getAccessToken()).toBe(first);
      await sleep(1100);
      const second = await client.getAccessToken();
      expect(second).not.toBe(first);
      expect(fake.tokenRequests).toBe(2);
      await client.getPhoneNumber('phone:13800138000');
      expect(fake.tokenRequests).toBe(2);
    });

    it.each([
      ['expired (42001)', (wechat: FakeWechat) => wechat.expireTokens()],
      ['revoked by a forced refresh elsewhere (40001)', (wechat: FakeWechat) => wechat.revokeTokens()],
    ])('is replaced when WeChat calls it %s, and the call retried once', async (_case, makeStale) => {
      await startWith();
      const first = await client.getAccessToken();
      makeStale(fake);
      await expect(client.getPhoneNumber('phone:13800138000')).resolves.toMatchObject({
        purePhoneNumber: '13800138000',
      });
      expect(await client.getAccessToken()).not.toBe(first);
      expect(fake.tokenRequests).toBe(2);
    });

    it('is refreshed once when many calls are refused at the same time', async () => {
      await startWith();
      await client.getAccessToken();
      fake.revokeTokens();
      const phones = await Promise.all(
        Array.from({ length: 5 }, (_, index) => client.getPhoneNumber(`phone:1380013800${index}`)),
      );
      expect(phones.map((phone) => phone.purePhoneNumber)).toHaveLength(5);
      expect(fake.tokenRequests).toBe(2);
    });

    // Several server instances share one Redis (REDIS_URL); declared only when one is configured.
    if (process.env.REDIS_URL) {
      describe('shared through Redis by several instances', () => {
        const prefix = `cardhub-test:${randomBytes(6).toString('hex')}:`;
        const connections: Redis[] = [];
        const instance = () => {
          const redis = new Redis(process.env.REDIS_URL!);
          connections.push(redis);
          return new WechatClient(
            { ...APP, apiBaseUrl: fake.url },
            new RedisAccessTokenStore(redis, prefix, APP.appId),
          );
        };

        afterAll(async () => {
          const keys = await connections[0]!.keys(`${prefix}*`);
          if (keys.length > 0) await connections[0]!.del(...keys);
          await Promise.all(connections.map((redis) => redis.quit()));
        });

        it('is fetched once for all of them, and a refused token replaced once for all', async () => {
          await startWith();
          const instances = [instance(), instance(), instance()];
          const tokens = await Promise.all(
            instances.flatMap((each) => [each.getAccessToken(), each.getAccessToken()]),
          );
          expect(new Set(tokens).size).toBe(1);
          expect(fake.tokenRequests).toBe(1);

          fake.revokeTokens();
          const phones = await Promise.all(
            instances.map((each, index) => each.getPhoneNumber(`phone:1390013900${index}`)),
          );
          expect(phones).toHaveLength(3);
          expect(fake.tokenRequests).toBe(2);
          expect(new Set(await Promise.all(instances.map((each) => each.getAccessToken()))).size).toBe(1);
        });
      });
    }

    it('is not asked for again within 10 s of a failed fetch, then is', async () => {
      await startWith();
      const misconfigured = new WechatClient({ ...APP, appSecret: 'wrong-secret', apiBaseUrl: fake.url });
      await expect(failureOf(misconfigured.getAccessToken())).resolves.toMatchObject({ errcode: 40125 });
      const burst = await Promise.all(
        Array.from({ length: 5 }, () => failureOf(misconfigured.getPhoneNumber('phone:13800138000'))),
      );
      expect(burst.map((error) => error.errcode)).toEqual([40125, 40125, 40125, 40125, 40125]);
      expect(burst[0]!.message).toMatch(/not asked again within 10 s/);
      expect(fake.tokenRequests).toBe(1);

      const later = Date.now() + TOKEN_RETRY_AFTER_MS;
      jest.spyOn(Date, 'now').mockReturnValue(later);
      try {
        await expect(failureOf(misconfigured.getAccessToken())).resolves.toMatchObject({ errcode: 40125 });
        expect(fake.tokenRequests).toBe(2);
      } finally {
        jest.restoreAllMocks();
      }
    });

    it('fails with the errcode when the credentials are wrong', async () => {
      await startWith();
      const misconfigured = new WechatClient({ ...APP, appSecret: 'wrong-secret', apiBaseUrl: fake.url });
      await expect(failureOf(misconfigured.getAccessToken())).resolves.toMatchObject({
        api: 'getStableAccessToken',
        errcode: 40125,
      });
    });
  });

  describe('getUnlimitedMiniProgramCode', () => {
    beforeEach(() => startWith());

    it('returns the PNG WeChat drew for the scene and page', async () => {
      const png = await client.getUnlimitedMiniProgramCode({ scene: 'sc=Ab3dEf7hJk', page: CARD_PAGE });
      expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
      expect(png.readUInt32BE(16)).toBe(430); // IHDR width: WeChat's default
      expect(fake.codeRequests).toEqual([{ scene: 'sc=Ab3dEf7hJk', page: CARD_PAGE, width: 430 }]);
    });

    it.each([
      ['longer than 32 characters', 'x'.repeat(33)],
      ['empty', ''],
      ['with characters WeChat refuses', 'sc=名片'],
    ])('refuses a scene %s before calling WeChat', async (_case, scene) => {
      await expect(client.getUnlimitedMiniProgramCode({ scene, page: CARD_PAGE })).rejects.toThrow(
        RangeError,
      );
      expect(fake.codeRequests).toHaveLength(0);
    });

    it("turns WeChat's JSON error instead of an image into a WechatApiError", async () => {
      const error = await failureOf(
        client.getUnlimitedMiniProgramCode({ scene: 'sc=Ab3dEf7hJk', page: `${CARD_PAGE}?x=1` }),
      );
      expect(error).toMatchObject({ api: 'getUnlimitedQRCode', errcode: 41030 });
    });
  });

  describe('getPhoneNumber', () => {
    beforeEach(() => startWith());

    it('redeems a phone-number code once', async () => {
      await expect(client.getPhoneNumber('phone:13800138000')).resolves.toEqual({
        phoneNumber: '13800138000',
        purePhoneNumber: '13800138000',
        countryCode: '86',
      });
      expect(fake.phoneRequests).toEqual(['phone:13800138000']);
      await expect(failureOf(client.getPhoneNumber('phone:13800138000'))).resolves.toMatchObject({
        errcode: 40163,
        isInvalidCode: true,
      });
      await expect(failureOf(client.getPhoneNumber('bogus'))).resolves.toMatchObject({
        errcode: 40029,
        isInvalidCode: true,
      });
    });
  });

  describe('sendSubscribeMessage', () => {
    beforeEach(() => startWith());

    it('sends the message WeChat expects', async () => {
      await client.sendSubscribeMessage({
        toOpenId: fake.openidOf('zhang'),
        templateId: 'tmpl-lead',
        page: 'pages/radar/index',
        data: { thing1: { value: '访客 #3f2a 查看了你的名片' } },
      });
      expect(fake.subscribeMessages).toEqual([
        {
          touser: fake.openidOf('zhang'),
          template_id: 'tmpl-lead',
          page: 'pages/radar/index',
          data: { thing1: { value: '访客 #3f2a 查看了你的名片' } },
          miniprogram_state: 'formal',
          lang: 'zh_CN',
        },
      ]);
    });

    it("reports WeChat's refusal", async () => {
      const error = await failureOf(
        client.sendSubscribeMessage({ toOpenId: 'not-an-openid', templateId: 'tmpl-lead', data: {} }),
      );
      expect(error).toMatchObject({ api: 'subscribeMessage.send', errcode: 40003 });
      expect(fake.subscribeMessages).toHaveLength(0);
    });
  });

  it('reports an unreachable WeChat as a WechatApiError naming the API, not the URL with the secret', async () => {
    await startWith();
    const gone = await startFakeWechat(APP);
    await gone.close();
    const error = await failureOf(
      new WechatClient({ ...APP, apiBaseUrl: gone.url }).code2Session('test:zhang'),
    );
    expect(error).toMatchObject({ api: 'code2Session', errcode: -1 });
    expect(error.message).toMatch(/unreachable/);
    expect(error.message).not.toContain(APP.appSecret);
  });
});
