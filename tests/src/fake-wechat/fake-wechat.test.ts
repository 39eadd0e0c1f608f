import { crc32, inflateSync } from 'node:zlib';
import { type FakeWechat, startFakeWechat } from './index';

const APP = { appId: 'wxfaketest000001', appSecret: 'fake-test-secret' };

/** Decodes the fake's 8-bit greyscale PNG, checking every chunk's CRC on the way. */
function decodeGreyscalePng(png: Buffer): { width: number; height: number; rows: Buffer[] } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const chunks: { type: string; data: Buffer }[] = [];
  for (let offset = 8; offset < png.length;) {
    const length = png.readUInt32BE(offset);
    const typeAndData = png.subarray(offset + 4, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(typeAndData));
    chunks.push({ type: typeAndData.subarray(0, 4).toString('ascii'), data: typeAndData.subarray(4) });
    offset += 12 + length;
  }
  expect(chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
  const header = chunks[0].data;
  const [width, height] = [header.readUInt32BE(0), header.readUInt32BE(4)];
  expect([header[8], header[9]]).toEqual([8, 0]); // 8-bit greyscale
  const pixels = inflateSync(chunks[1].data);
  expect(pixels).toHaveLength(height * (width + 1));
  const rows = Array.from({ length: height }, (_, y) =>
    pixels.subarray(y * (width + 1), (y + 1) * (width + 1)),
  );
  return { width, height, rows };
}

describe('fake WeChat API', () => {
  let fake: FakeWechat;

  beforeEach(async () => {
    fake = await startFakeWechat(APP);
  });
  afterEach(() => fake.close());

  const get = async (path: string) => (await fetch(fake.url + path)).json();
  const post = (path: string, body: unknown) =>
    fetch(fake.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const postJson = async (path: string, body: unknown) => (await post(path, body)).json();
  const login = (code: string, secret = APP.appSecret) =>
    get(
      `/sns/jscode2session?appid=${APP.appId}&secret=${secret}&js_code=${encodeURIComponent(code)}&grant_type=authorization_code`,
    );
  const stableToken = (forceRefresh = false) =>
    postJson('/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: APP.appId,
      secret: APP.appSecret,
      force_refresh: forceRefresh,
    }) as Promise<{ access_token: string; expires_in: number }>;
  const drawCode = (token: string, scene: string, width?: number) =>
    post(`/wxa/getwxacodeunlimit?access_token=${token}`, { scene, page: 'pages/card/view/index', width });

  describe('jscode2session', () => {
    it('accepts each login code once, giving one openid per person', async () => {
      const code = fake.issueLoginCode('张三');
      const first = await login(code);
      expect(first).toEqual({ openid: fake.openidOf('张三'), session_key: expect.any(String) });
      expect(first.openid).toMatch(/^o[\w-]{27}$/);
      expect(await login(code)).toMatchObject({ errcode: 40163 });
      expect((await login(fake.issueLoginCode('张三'))).openid).toBe(first.openid);
      expect((await login('test:张三')).openid).toBe(first.openid);
      expect((await login(fake.issueLoginCode('李四'))).openid).not.toBe(first.openid);
    });

    it('gives a unionid to names starting with u_', async () => {
      expect(await login(fake.issueLoginCode('u_wang'))).toMatchObject({
        unionid: expect.stringMatching(/^u/),
      });
    });

    it('refuses codes it did not issue and a wrong secret', async () => {
      expect(await login('0a3Xyz-real-looking-code')).toMatchObject({ errcode: 40029 });
      expect(await login(fake.issueLoginCode('张三'), 'wrong')).toMatchObject({ errcode: 40125 });
    });
  });

  describe('stable_token', () => {
    it('hands out the same token while it is valid, and counts the requests', async () => {
      const first = await stableToken();
      expect(first.expires_in).toBe(7200);
      expect((await stableToken()).access_token).toBe(first.access_token);
      expect(fake.tokenRequests).toBe(2);
    });

    it('answers 42001 for an expired token and then issues a new one', async () => {
      const { access_token: old } = await stableToken();
      fake.expireTokens();
      expect(await (await drawCode(old, 'sc=Ab3dEf7hJk')).json()).toMatchObject({ errcode: 42001 });
      const { access_token: renewed } = await stableToken();
      expect(renewed).not.toBe(old);
      expect((await drawCode(renewed, 'sc=Ab3dEf7hJk')).headers.get('content-type')).toBe('image/png');
    });

    it('answers 40001 for a token voided by a forced refresh', async () => {
      const { access_token: old } = await stableToken();
      const { access_token: forced } = await stableToken(true);
      expect(forced).not.toBe(old);
      expect(await (await drawCode(old, 'sc=Ab3dEf7hJk')).json()).toMatchObject({ errcode: 40001 });
      fake.revokeTokens();
      expect(await (await drawCode(forced, 'sc=Ab3dEf7hJk')).json()).toMatchObject({ errcode: 40001 });
    });

    it('rotates a token in its last 5 minutes and keeps the old one valid meanwhile', async () => {
      await fake.close();
      fake = await startFakeWechat({ ...APP, tokenLifetimeSeconds: 299 });
      const first = await stableToken();
      const second = await stableToken();
      expect(second.access_token).not.toBe(first.access_token);
      expect((await drawCode(first.access_token, 'sc=Ab3dEf7hJk')).headers.get('content-type')).toBe(
        'image/png',
      );
    });
  });

  describe('getwxacodeunlimit', () => {
    it('draws a valid PNG per scene, at the width asked within 280–1280', async () => {
      const { access_token: token } = await stableToken();
      const png = decodeGreyscalePng(
        Buffer.from(await (await drawCode(token, 'sc=Ab3dEf7hJk')).arrayBuffer()),
      );
      expect([png.width, png.height]).toEqual([430, 430]);
      expect(png.rows.every((row) => row[0] === 0)).toBe(true); // filter type none
      const shades = new Set(png.rows.flatMap((row) => [...row.subarray(1)]));
      expect(shades).toEqual(new Set([0x11, 0xff]));

      const other = decodeGreyscalePng(
        Buffer.from(await (await drawCode(token, 'sc=Zz9dEf7hJk', 100)).arrayBuffer()),
      );
      expect(other.width).toBe(280);
      const small = decodeGreyscalePng(
        Buffer.from(await (await drawCode(token, 'sc=Ab3dEf7hJk', 280)).arrayBuffer()),
      );
      expect(Buffer.concat(small.rows).equals(Buffer.concat(other.rows))).toBe(false);
      expect(fake.codeRequests.map((request) => request.scene)).toEqual([
        'sc=Ab3dEf7hJk',
        'sc=Zz9dEf7hJk',
        'sc=Ab3dEf7hJk',
      ]);
    });

    it('answers 40169 for a scene over 32 characters or with characters WeChat refuses', async () => {
      const { access_token: token } = await stableToken();
      for (const scene of ['x'.repeat(33), 'sc=名片', '']) {
        const response = await drawCode(token, scene);
        expect(response.headers.get('content-type')).toMatch(/^application\/json/);
        expect(await response.json()).toMatchObject({ errcode: 40169 });
      }
      expect(fake.codeRequests).toHaveLength(0);
    });

    it('answers 41001 without a token', async () => {
      expect(await (await post('/wxa/getwxacodeunlimit', { scene: 'sc=1' })).json()).toMatchObject({
        errcode: 41001,
      });
    });
  });

  describe('getuserphonenumber and subscribe/send', () => {
    it('redeems phone codes once and records subscribe messages', async () => {
      const { access_token: token } = await stableToken();
      const phone = `/wxa/business/getuserphonenumber?access_token=${token}`;
      expect(await postJson(phone, { code: 'phone:13912345678' })).toMatchObject({
        errcode: 0,
        phone_info: { phoneNumber: '13912345678', purePhoneNumber: '13912345678', countryCode: 86 },
      });
      expect(await postJson(phone, { code: 'phone:13912345678' })).toMatchObject({ errcode: 40163 });
      expect(await postJson(phone, { code: 'whatever' })).toMatchObject({ errcode: 40029 });
      expect(fake.phoneRequests).toEqual(['phone:13912345678']);

      const send = `/cgi-bin/message/subscribe/send?access_token=${token}`;
      const message = {
        touser: fake.openidOf('张三'),
        template_id: 'tmpl',
        data: { thing1: { value: '新访客' } },
      };
      expect(await postJson(send, message)).toEqual({ errcode: 0, errmsg: 'ok' });
      expect(await postJson(send, { ...message, touser: 'nobody' })).toMatchObject({ errcode: 40003 });
      expect(fake.subscribeMessages).toEqual([message]);
    });
  });
});
