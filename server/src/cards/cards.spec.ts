import type { CardDto, LoginResponse } from '@cardhub/shared';
import { DataSource } from 'typeorm';
import { Employee } from '../org/entities/employee.entity';
import {
  type TestApp,
  bearer,
  createTestApp,
  describeEachDatabase,
  PNG_BYTES,
  WINDOWS_EXECUTABLE,
} from '../test-support';
import { cardLoop } from '../tracking/card-loop.testing';

const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x20, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);

const validCard = {
  name: '张伟',
  title: '首席顾问',
  company: '星辰科技',
  phone: '+86 138-0013-8001',
  wechatId: 'zhangwei_2026',
  email: 'zw@xingchen-tech.cn',
  address: '上海市浦东新区',
  bio: '你好',
  siteUrl: 'https://xingchen-tech.cn',
};

describeEachDatabase('cards', (database) => {
  let t: TestApp;
  let employee: LoginResponse;
  let loop: ReturnType<typeof cardLoop>;

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url });
    employee = await t.loginAs(t.demo.employeeIds[0]!);
    loop = cardLoop(t);
  });
  afterAll(() => t.close());

  const myCard = async (): Promise<CardDto> =>
    (await t.http.get('/api/me/card').set(bearer(employee))).body as CardDto;

  describe('GET/PUT /api/me/card', () => {
    it('shows the employee their own card', async () => {
      const response = await t.http.get('/api/me/card').set(bearer(employee));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        name: '张伟',
        organizationName: '星辰科技',
        employeeId: t.demo.employeeIds[0],
      });
    });

    it('updates every field, trimmed', async () => {
      const response = await t.http
        .put('/api/me/card')
        .set(bearer(employee))
        .send({ ...validCard, title: '  首席顾问 ' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ ...validCard, title: '首席顾问' });
      expect(await myCard()).toMatchObject(validCard);
    });

    it('rejects a bad phone, WeChat ID and email naming each, and changes nothing', async () => {
      const before = await myCard();
      const response = await t.http
        .put('/api/me/card')
        .set(bearer(employee))
        .send({ ...validCard, name: '改名', phone: 'call me', wechatId: '1abc', email: 'not-an-email' });
      expect(response.status).toBe(400);
      expect(response.body.fields.map((field: { path: string }) => field.path).sort()).toEqual([
        'email',
        'phone',
        'wechatId',
      ]);
      expect(await myCard()).toEqual(before);
    });

    it('is for staff only', async () => {
      const prospect = await t.loginWithWechat('路人甲');
      expect((await t.http.get('/api/me/card')).status).toBe(401);
      expect((await t.http.get('/api/me/card').set(bearer(prospect))).status).toBe(403);
    });
  });

  describe('POST /api/me/card/avatar', () => {
    it('stores a PNG under a random name and serves it at /uploads', async () => {
      const response = await t.http
        .post('/api/me/card/avatar')
        .set(bearer(employee))
        .attach('file', PNG_BYTES, 'me.png');
      expect(response.status).toBe(200);
      const avatarUrl = (response.body as CardDto).avatarUrl!;
      expect(avatarUrl).toMatch(/^http:\/\/cardhub\.test\/uploads\/avatars\/[0-9a-f]{32}\.png$/);
      const served = await t.http.get(new URL(avatarUrl).pathname).buffer(true);
      expect(served.status).toBe(200);
      expect(Buffer.compare(served.body as Buffer, PNG_BYTES)).toBe(0);
      expect((await myCard()).avatarUrl).toBe(avatarUrl);
    });

    it('recognises WebP by its content whatever the file is called', async () => {
      const response = await t.http
        .post('/api/me/card/avatar')
        .set(bearer(employee))
        .attach('file', WEBP, 'photo.bin');
      expect(response.status).toBe(200);
      expect((response.body as CardDto).avatarUrl).toMatch(/\.webp$/);
    });

    it('refuses an executable renamed .png with 415, and files over 2 MB with 413', async () => {
      const before = await myCard();
      const fake = await t.http
        .post('/api/me/card/avatar')
        .set(bearer(employee))
        .attach('file', WINDOWS_EXECUTABLE, 'cute.png');
      expect(fake.status).toBe(415);
      expect(fake.body.fields).toEqual([{ path: 'file', message: 'file must be a PNG, JPEG or WebP image' }]);

      const huge = Buffer.concat([PNG_BYTES, Buffer.alloc(2 * 1024 * 1024)]);
      const tooBig = await t.http
        .post('/api/me/card/avatar')
        .set(bearer(employee))
        .attach('file', huge, 'big.png');
      expect(tooBig.status).toBe(413);
      expect(tooBig.body.message).toContain('2 MB');
      expect(await myCard()).toEqual(before);
    });

    it('wants a multipart file', async () => {
      const response = await t.http.post('/api/me/card/avatar').set(bearer(employee)).send({ file: 'x' });
      expect(response.status).toBe(400);
      expect(response.body.fields[0].path).toBe('file');
    });
  });

  describe('GET /api/public/cards/:cardId', () => {
    it('shows any visitor the card, without a share', async () => {
      const cardId = await loop.cardIdOf(t.demo.employeeIds[1]!);
      const response = await t.http.get(`/api/public/cards/${cardId}`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        card: { id: cardId, name: '刘洋', organizationName: '星辰科技' },
        share: null,
      });
    });

    it("hides unknown cards and disabled employees' cards", async () => {
      const cardId = await loop.cardIdOf(t.demo.employeeIds[2]!);
      await t
        .get(DataSource)
        .getRepository(Employee)
        .update({ id: t.demo.employeeIds[2]! }, { status: 'disabled' });
      const disabled = await t.http.get(`/api/public/cards/${cardId}`);
      expect(disabled.status).toBe(404);
      expect(disabled.body.message).toBe('名片不存在或已失效');
      expect((await t.http.get('/api/public/cards/00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await t.http.get('/api/public/cards/not-a-uuid')).status).toBe(404);
    });
  });
});
