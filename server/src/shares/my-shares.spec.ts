import type { LoginResponse, MySharesResponse, ShareDto } from '@cardhub/shared';
import { DataSource } from 'typeorm';
import { type TestApp, bearer, createTestApp, describeEachDatabase } from '../test-support';
import { cardLoop } from '../tracking/card-loop.testing';
import { Share } from './entities/share.entity';

describeEachDatabase('my shares', (database) => {
  let t: TestApp;
  let loop: ReturnType<typeof cardLoop>;
  let zhang: LoginResponse;
  let liu: LoginResponse;
  let admin: LoginResponse;

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url });
    loop = cardLoop(t);
    zhang = await t.loginAs(t.demo.employeeIds[0]!);
    liu = await t.loginAs(t.demo.employeeIds[1]!);
    admin = await t.loginAs(t.demo.adminId);
  });
  afterAll(() => t.close());

  const myShares = (who: LoginResponse | undefined, query: Record<string, string> = {}) => {
    const request = t.http.get('/api/me/shares').query(query);
    return who ? request.set(bearer(who)) : request;
  };
  const mySharesOk = async (who: LoginResponse, query: Record<string, string> = {}) => {
    const response = await myShares(who, query);
    expect(response.status).toBe(200);
    return response.body as MySharesResponse;
  };
  const shareMaterial = async (sharer: LoginResponse, materialId: string, channel = 'chat') => {
    const response = await loop.share(sharer, { targetType: 'material', targetId: materialId, channel });
    expect(response.status).toBe(201);
    return response.body as ShareDto;
  };
  const viewMaterial = (materialId: string, shareCode: string, visitorKey = loop.newVisitorKey()) =>
    loop.viewOk({ targetType: 'material', targetId: materialId, shareCode, visitorKey });
  /** SQLite keeps share times to the second: spread them so "newest first" is unambiguous. */
  const backdate = (share: ShareDto, minutesAgo: number) =>
    t
      .get(DataSource)
      .getRepository(Share)
      .update({ code: share.code }, { createdAt: new Date(Date.now() - minutesAgo * 60_000) });

  it('lists my shares newest first with what each brought, forwards and their views included', async () => {
    const [articleId, productId] = t.demo.materialIds as [string, string];
    const articleShare = await shareMaterial(zhang, articleId, 'moments');
    const cardShare = await loop.shareOwnCard(zhang);
    const productShare = await shareMaterial(zhang, productId, 'poster');
    await backdate(articleShare, 30);
    await backdate(cardShare, 20);
    await backdate(productShare, 10);

    // Two views by one reader count once; the reader forwards, and a friend reads the forward.
    const readerKey = loop.newVisitorKey();
    const reading = await viewMaterial(articleId, articleShare.code, readerKey);
    expect((await viewMaterial(articleId, articleShare.code, readerKey)).verdict).toBe('repeat');
    const forward = await loop.share(undefined, {
      targetType: 'material',
      targetId: articleId,
      parentCode: articleShare.code,
      visitToken: reading.visitToken,
    });
    expect(forward.status).toBe(201);
    await viewMaterial(articleId, forward.body.code);
    // A colleague's view and my own never count.
    await loop.viewOk(
      { targetType: 'material', targetId: articleId, shareCode: articleShare.code },
      { token: liu },
    );
    await loop.viewOk(
      { targetType: 'material', targetId: articleId, shareCode: articleShare.code },
      { token: zhang },
    );
    await loop.viewOk({
      targetId: await loop.cardIdOf(t.demo.employeeIds[0]!),
      shareCode: cardShare.code,
      visitorKey: loop.newVisitorKey(),
    });

    const { items, total } = await mySharesOk(zhang);
    expect(total).toBe(3);
    expect(items.map((item) => item.code)).toEqual([productShare.code, cardShare.code, articleShare.code]);
    const [product, card, article] = items;
    expect(article).toEqual({
      code: articleShare.code,
      target: {
        type: 'material',
        id: articleId,
        title: '全员营销时代，销售如何用一张名片撬动私域流量',
        materialType: 'article',
        available: true,
      },
      channel: 'moments',
      createdAt: expect.any(String),
      views: 2,
      visitors: 2,
      forwards: 1,
      url: `http://cardhub.test/v/${articleShare.code}`,
    });
    expect(card).toMatchObject({
      target: { type: 'card', title: '张伟的名片', materialType: null, available: true },
      channel: 'chat',
      views: 1,
      visitors: 1,
      forwards: 0,
    });
    expect(product).toMatchObject({
      target: { title: '星辰智能名片 企业版', materialType: 'product' },
      channel: 'poster',
      views: 0,
      visitors: 0,
      forwards: 0,
    });

    // The forward is the reader's share, not mine; the colleague has shared nothing.
    expect((await mySharesOk(liu)).total).toBe(0);
    expect((await mySharesOk(zhang, { limit: '2', page: '2' })).items.map((item) => item.code)).toEqual([
      articleShare.code,
    ]);
  });

  it("counts a share's forwards at every depth, and marks a share of an archived material", async () => {
    const created = await t.http.post('/api/materials').set(bearer(admin)).send({
      type: 'poster',
      title: '限时活动海报',
      mediaUrl: 'https://cdn.example.com/poster.png',
    });
    const materialId = created.body.id as string;
    await t.http.post(`/api/materials/${materialId}/publish`).set(bearer(admin));
    const root = await shareMaterial(liu, materialId, 'group');

    let parent = root;
    for (let level = 0; level < 3; level++) {
      const visit = await viewMaterial(materialId, parent.code);
      const child = await loop.share(undefined, {
        targetType: 'material',
        targetId: materialId,
        parentCode: parent.code,
        visitToken: visit.visitToken,
      });
      expect(child.status).toBe(201);
      parent = child.body as ShareDto;
    }
    await t.http.post(`/api/materials/${materialId}/archive`).set(bearer(admin));

    const [listed] = (await mySharesOk(liu)).items;
    expect(listed).toMatchObject({
      code: root.code,
      target: { title: '限时活动海报', materialType: 'poster', available: false },
      views: 3,
      visitors: 3,
      forwards: 3,
    });
  });

  it('is for staff: 401 without a login, 403 for a prospect, 400 for bad paging', async () => {
    expect((await myShares(undefined)).status).toBe(401);
    expect((await myShares(await t.loginWithWechat('路人'))).status).toBe(403);
    for (const [query, field] of [
      [{ limit: '0' }, 'limit'],
      [{ limit: '51' }, 'limit'],
      [{ page: 'first' }, 'page'],
    ] as const) {
      const response = await myShares(zhang, query);
      expect(response.status).toBe(400);
      expect(response.body.fields[0].path).toBe(field);
    }
  });

  it("shows another organization's admin none of our shares", async () => {
    const otherAdmin = await t.loginAs(t.demo.otherAdminId);
    expect(await mySharesOk(otherAdmin)).toEqual({ items: [], total: 0 });
  });
});
