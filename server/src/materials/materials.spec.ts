import type {
  CreateMaterialInput,
  LoginResponse,
  MaterialDto,
  MaterialListResponse,
  PublicMaterialResponse,
  ShareDto,
} from '@cardhub/shared';
import {
  type TestApp,
  bearer,
  createTestApp,
  describeEachDatabase,
  MP4_BYTES,
  PNG_BYTES,
  WINDOWS_EXECUTABLE,
} from '../test-support';
import { cardLoop } from '../tracking/card-loop.testing';

const article: CreateMaterialInput = {
  type: 'article',
  title: '2026 智能名片白皮书',
  summary: '全员营销如何把每一次分享变成线索',
  category: '行业洞察',
  tags: ['白皮书', '获客'],
  body: '<h2>引言</h2><p>每位员工都是<strong>入口</strong>。</p>',
};

describeEachDatabase('materials', (database) => {
  let t: TestApp;
  let loop: ReturnType<typeof cardLoop>;
  let admin: LoginResponse;
  let zhang: LoginResponse;
  let otherAdmin: LoginResponse;

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url });
    loop = cardLoop(t);
    admin = await t.loginAs(t.demo.adminId);
    zhang = await t.loginAs(t.demo.employeeIds[0]!);
    otherAdmin = await t.loginAs(t.demo.otherAdminId);
  });
  afterAll(() => t.close());

  const create = async (fields: Partial<CreateMaterialInput> = {}): Promise<MaterialDto> => {
    const response = await t.http
      .post('/api/materials')
      .set(bearer(admin))
      .send({ ...article, ...fields });
    if (response.status !== 201)
      throw new Error(`create failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as MaterialDto;
  };
  const transition = (material: MaterialDto, action: 'publish' | 'archive', as = admin) =>
    t.http.post(`/api/materials/${material.id}/${action}`).set(bearer(as));
  const createPublished = async (fields: Partial<CreateMaterialInput> = {}): Promise<MaterialDto> => {
    const response = await transition(await create(fields), 'publish');
    return response.body as MaterialDto;
  };
  const listAs = async (who: LoginResponse, query: Record<string, string> = {}) => {
    const response = await t.http.get('/api/materials').query(query).set(bearer(who));
    expect(response.status).toBe(200);
    return response.body as MaterialListResponse;
  };
  const shareMaterial = (sharer: LoginResponse | undefined, body: Record<string, unknown>) =>
    loop.share(sharer, { targetType: 'material', ...body });
  /** A prospect's view of a material, through a share when a code is given. */
  const viewMaterial = (materialId: string, shareCode?: string) =>
    loop.view({ targetType: 'material', targetId: materialId, shareCode, visitorKey: loop.newVisitorKey() });

  describe('writing (admins)', () => {
    it('creates a draft, edits it, publishes and archives it', async () => {
      const draft = await create();
      expect(draft).toMatchObject({ ...article, status: 'draft', publishedAt: null, coverUrl: null });

      const edited = await t.http
        .put(`/api/materials/${draft.id}`)
        .set(bearer(admin))
        .send({ ...article, title: '  白皮书（修订版） ', tags: ['白皮书'] });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ title: '白皮书（修订版）', tags: ['白皮书'], status: 'draft' });

      const published = await transition(draft, 'publish');
      expect(published.status).toBe(200);
      expect(published.body.status).toBe('published');
      expect(Date.parse(published.body.publishedAt)).not.toBeNaN();

      const archived = await transition(draft, 'archive');
      expect(archived.status).toBe(200);
      expect(archived.body).toMatchObject({ status: 'archived', publishedAt: published.body.publishedAt });
    });

    it('rejects bad input naming each field, and stores nothing', async () => {
      const before = (await listAs(admin)).total;
      const response = await t.http
        .post('/api/materials')
        .set(bearer(admin))
        .send({
          type: 'podcast',
          title: '长'.repeat(121),
          tags: Array.from({ length: 11 }, (_, index) => `标签${index}`),
          mediaUrl: 'javascript:alert(1)',
        });
      expect(response.status).toBe(400);
      expect(response.body.fields.map((field: { path: string }) => field.path).sort()).toEqual([
        'mediaUrl',
        'tags',
        'title',
        'type',
      ]);
      const posterWithBody = await t.http
        .post('/api/materials')
        .set(bearer(admin))
        .send({ ...article, type: 'poster' });
      expect(posterWithBody.status).toBe(400);
      expect(posterWithBody.body.fields[0].path).toBe('body');
      // 20 000 characters, but "&" is stored escaped and the cleaned body no longer fits.
      const swollen = await t.http
        .post('/api/materials')
        .set(bearer(admin))
        .send({ ...article, body: '&'.repeat(20_000) });
      expect(swollen.status).toBe(400);
      expect(swollen.body.fields[0].path).toBe('body');
      expect((await listAs(admin)).total).toBe(before);
    });

    it('stores article bodies with scripts and event handlers removed', async () => {
      const material = await create({
        body: '<p>你好<script>alert(1)</script></p><img src="https://cdn.example.com/a.png" onerror="alert(2)">',
      });
      expect(material.body).toBe('<p>你好</p><img src="https://cdn.example.com/a.png" />');
      const read = await t.http.get(`/api/materials/${material.id}`).set(bearer(admin));
      expect(read.body.body).toBe(material.body);
    });

    it('is for admins: employees get 403, anonymous callers 401', async () => {
      const material = await create();
      expect((await t.http.post('/api/materials').set(bearer(zhang)).send(article)).status).toBe(403);
      expect((await transition(material, 'publish', zhang)).status).toBe(403);
      expect(
        (await t.http.put(`/api/materials/${material.id}`).set(bearer(zhang)).send(article)).status,
      ).toBe(403);
      expect((await t.http.post('/api/materials').send(article)).status).toBe(401);
      expect((await t.http.get('/api/materials')).status).toBe(401);
    });

    it("hides our materials from another organization's admin (404)", async () => {
      const material = await createPublished();
      for (const response of [
        await t.http.get(`/api/materials/${material.id}`).set(bearer(otherAdmin)),
        await t.http.put(`/api/materials/${material.id}`).set(bearer(otherAdmin)).send(article),
        await transition(material, 'archive', otherAdmin),
      ]) {
        expect(response.status).toBe(404);
        expect(response.body.message).toBe('物料不存在或已下架');
      }
      expect((await listAs(otherAdmin)).items.map((item) => item.id)).not.toContain(material.id);
    });
  });

  describe('POST /api/materials/:id/cover', () => {
    it('stores a PNG cover, served at /uploads', async () => {
      const material = await create();
      const response = await t.http
        .post(`/api/materials/${material.id}/cover`)
        .set(bearer(admin))
        .attach('file', PNG_BYTES, 'cover.png');
      expect(response.status).toBe(200);
      const coverUrl = (response.body as MaterialDto).coverUrl!;
      expect(coverUrl).toMatch(/^http:\/\/cardhub\.test\/uploads\/covers\/[0-9a-f]{32}\.png$/);
      expect((await t.http.get(new URL(coverUrl).pathname)).status).toBe(200);
      // Editing without a cover keeps the uploaded one.
      const edited = await t.http.put(`/api/materials/${material.id}`).set(bearer(admin)).send(article);
      expect(edited.body.coverUrl).toBe(coverUrl);
    });

    it('refuses a fake PNG with 415 and files over 2 MB with 413', async () => {
      const material = await create();
      const url = `/api/materials/${material.id}/cover`;
      const fake = await t.http.post(url).set(bearer(admin)).attach('file', WINDOWS_EXECUTABLE, 'cover.png');
      expect(fake.status).toBe(415);
      expect(fake.body.fields[0].path).toBe('file');
      const huge = Buffer.concat([PNG_BYTES, Buffer.alloc(2 * 1024 * 1024)]);
      expect((await t.http.post(url).set(bearer(admin)).attach('file', huge, 'big.png')).status).toBe(413);
      const read = await t.http.get(`/api/materials/${material.id}`).set(bearer(admin));
      expect(read.body.coverUrl).toBeNull();
    });
  });

  describe('POST /api/materials/:id/media and /api/materials/images', () => {
    const uploadMedia = (material: MaterialDto, file: Buffer, name: string, as = admin) =>
      t.http.post(`/api/materials/${material.id}/media`).set(bearer(as)).attach('file', file, name);

    it("stores a poster's image and a video's file, each checked by content", async () => {
      const poster = await create({ type: 'poster', body: undefined, title: '年终大促海报' });
      const stored = await uploadMedia(poster, PNG_BYTES, 'poster.png');
      expect(stored.status).toBe(200);
      const posterUrl = (stored.body as MaterialDto).mediaUrl!;
      expect(posterUrl).toMatch(/^http:\/\/cardhub\.test\/uploads\/posters\/[0-9a-f]{32}\.png$/);
      expect((await t.http.get(new URL(posterUrl).pathname)).status).toBe(200);
      // A poster takes an image, not a video; a video takes a video, not an executable.
      expect((await uploadMedia(poster, MP4_BYTES, 'poster.png')).status).toBe(415);

      const video = await create({ type: 'video', body: undefined, title: '三分钟看懂智能名片' });
      const uploaded = await uploadMedia(video, MP4_BYTES, 'intro.mp4');
      expect(uploaded.status).toBe(200);
      expect(uploaded.body.mediaUrl).toMatch(/\/uploads\/videos\/[0-9a-f]{32}\.mp4$/);
      const fake = await uploadMedia(video, WINDOWS_EXECUTABLE, 'intro.mp4');
      expect(fake.status).toBe(415);
      expect(fake.body.message).toBe('视频必须是 MP4 或 WebM 格式');
      // Saving the editor's form sends our own link back; it keeps pointing at the upload.
      const edited = await t.http
        .put(`/api/materials/${video.id}`)
        .set(bearer(admin))
        .send({ type: 'video', title: '三分钟看懂智能名片', mediaUrl: uploaded.body.mediaUrl });
      expect(edited.body.mediaUrl).toBe(uploaded.body.mediaUrl);
    });

    it('refuses media for an article (400), posters over 5 MB and videos over 50 MB (413), and other organizations (404)', async () => {
      const article = await create();
      const refused = await uploadMedia(article, PNG_BYTES, 'a.png');
      expect(refused.status).toBe(400);
      expect(refused.body.message).toBe('只有海报和视频可以上传媒体文件');
      const poster = await create({ type: 'poster', body: undefined });
      const huge = Buffer.concat([PNG_BYTES, Buffer.alloc(5 * 1024 * 1024)]);
      const tooBig = await uploadMedia(poster, huge, 'big.png');
      expect(tooBig.status).toBe(413);
      expect(tooBig.body.message).toContain('5 MB');
      const video = await create({ type: 'video', body: undefined });
      const longVideo = await uploadMedia(
        video,
        Buffer.concat([MP4_BYTES, Buffer.alloc(50 * 1024 * 1024)]),
        'v.mp4',
      );
      expect(longVideo.status).toBe(413);
      expect(longVideo.body.message).toBe('视频不能超过 50 MB，请压缩后重新上传');
      expect((await uploadMedia(poster, PNG_BYTES, 'p.png', otherAdmin)).status).toBe(404);
      expect((await uploadMedia(poster, PNG_BYTES, 'p.png', zhang)).status).toBe(403);
      expect((await t.http.get(`/api/materials/${poster.id}`).set(bearer(admin))).body.mediaUrl).toBeNull();
    });

    it('stores pictures for article bodies and product galleries', async () => {
      const response = await t.http
        .post('/api/materials/images')
        .set(bearer(admin))
        .attach('file', PNG_BYTES, 'photo.png');
      expect(response.status).toBe(201);
      const { url } = response.body as { url: string };
      expect((await t.http.get(new URL(url).pathname)).status).toBe(200);
      const product = await create({
        type: 'product',
        title: '智能名片 企业版',
        priceText: '¥2,980 起/年',
        specs: [{ name: '部署', value: '公有云 / 私有化' }],
        images: [url, 'https://cdn.example.com/p2.jpg'],
      });
      expect(product).toMatchObject({
        priceText: '¥2,980 起/年',
        specs: [{ name: '部署', value: '公有云 / 私有化' }],
        images: [url, 'https://cdn.example.com/p2.jpg'],
      });
      const exe = await t.http
        .post('/api/materials/images')
        .set(bearer(admin))
        .attach('file', WINDOWS_EXECUTABLE, 'photo.png');
      expect(exe.status).toBe(415);
    });

    it('keeps prices, specifications and galleries to products', async () => {
      const response = await t.http
        .post('/api/materials')
        .set(bearer(admin))
        .send({ ...article, priceText: '¥99' });
      expect(response.status).toBe(400);
      expect(response.body.fields).toEqual([
        { path: 'type', message: 'type must be "product" to have a price, specifications or a gallery' },
      ]);
    });
  });

  describe('reading (staff)', () => {
    it('shows employees published materials only, newest first, filtered by category, tag and search', async () => {
      const draft = await create({ title: '未发布的草稿 filter-test', category: '筛选' });
      const older = await createPublished({ title: '旧案例 filter-test', category: '筛选', tags: ['案例'] });
      const newer = await createPublished({
        type: 'video',
        body: undefined,
        mediaUrl: 'https://video.example.com/intro.mp4',
        title: '新视频 filter-test',
        summary: '三分钟看懂 100% 增长',
        category: '筛选',
        tags: ['视频', '案例'],
      });
      const ids = async (query: Record<string, string>) =>
        (await listAs(zhang, query)).items.map((item) => item.id);

      const inCategory = await listAs(zhang, { category: '筛选' });
      expect(inCategory).toEqual({ items: [newer, older], total: 2 });
      expect(await ids({ category: '筛选', tag: '视频' })).toEqual([newer.id]);
      expect(await ids({ category: '筛选', tag: '案例' })).toEqual([newer.id, older.id]);
      expect(await ids({ category: '筛选', tag: '案' })).toEqual([]);
      expect(await ids({ q: '旧案例' })).toEqual([older.id]);
      expect(await ids({ q: '100%' })).toEqual([newer.id]);
      expect(await ids({ q: 'filter-test', status: 'draft' })).toEqual([newer.id, older.id]);
      expect(await ids({ category: '筛选', limit: '1', page: '2' })).toEqual([older.id]);

      expect((await t.http.get(`/api/materials/${draft.id}`).set(bearer(zhang))).status).toBe(404);
      expect((await t.http.get(`/api/materials/${newer.id}`).set(bearer(zhang))).body).toEqual(newer);
      expect((await listAs(admin, { q: 'filter-test', status: 'draft' })).items).toEqual([draft]);
      expect((await listAs(admin, { category: '筛选' })).total).toBe(3);
    });
  });

  describe('sharing and opening a material', () => {
    it("lets an employee share it; a prospect opens it with the sharer's card and the view is credited", async () => {
      const material = await createPublished();
      const shared = await shareMaterial(zhang, { targetId: material.id, channel: 'moments' });
      expect(shared.status).toBe(201);
      const share = shared.body as ShareDto;
      expect(share).toMatchObject({ targetType: 'material', targetId: material.id, depth: 0 });

      const opened = await t.http.get(`/api/public/materials/shares/${share.code}`);
      expect(opened.status).toBe(200);
      const page = opened.body as PublicMaterialResponse;
      expect(page).toMatchObject({
        material: { id: material.id, title: article.title, body: material.body },
        card: { employeeId: t.demo.employeeIds[0], name: '张伟' },
        share: { code: share.code, channel: 'moments', depth: 0 },
      });

      const view = await viewMaterial(material.id, share.code);
      expect(view.body.verdict).toBe('counted');
      const [stored] = await loop.events().findBy({ type: 'view', targetId: material.id });
      expect(stored).toMatchObject({
        targetType: 'material',
        creditedEmployeeId: t.demo.employeeIds[0],
        counted: true,
      });
    });

    it('records a view without a share uncredited, and refuses a share code of another target', async () => {
      const material = await createPublished();
      const view = await viewMaterial(material.id);
      expect(view.body.verdict).toBe('counted');
      const [stored] = await loop.events().findBy({ type: 'view', targetId: material.id });
      expect(stored).toMatchObject({ creditedEmployeeId: null, shareId: null });

      const cardShare = await loop.shareOwnCard(zhang);
      const mismatched = await viewMaterial(material.id, cardShare.code);
      expect(mismatched.status).toBe(400);
      expect(mismatched.body.fields[0].path).toBe('shareCode');
    });

    it('lets no one share drafts, archived or foreign materials, and closes the public page once archived', async () => {
      const draft = await create();
      expect((await shareMaterial(zhang, { targetId: draft.id })).status).toBe(404);
      expect((await shareMaterial(otherAdmin, { targetId: (await createPublished()).id })).status).toBe(404);

      const material = await createPublished();
      const share = (await shareMaterial(zhang, { targetId: material.id })).body as ShareDto;
      await transition(material, 'archive');
      expect((await shareMaterial(zhang, { targetId: material.id })).status).toBe(404);
      const closed = await t.http.get(`/api/public/materials/shares/${share.code}`);
      expect(closed.status).toBe(404);
      expect(closed.body.message).toBe('物料不存在或已下架');
      expect((await viewMaterial(material.id, share.code)).status).toBe(404);

      const cardShare = await loop.shareOwnCard(zhang);
      for (const code of [cardShare.code, 'AAAAAAAAAA', 'bad code!']) {
        expect((await t.http.get(`/api/public/materials/shares/${encodeURIComponent(code)}`)).status).toBe(
          404,
        );
      }
    });
  });
});
