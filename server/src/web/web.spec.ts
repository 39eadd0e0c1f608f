import { type LoginResponse, type MaterialDto, type ShareDto, h5TargetPageUrl } from '@cardhub/shared';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { type TestApp, bearer, createTestApp, describeEachDatabase } from '../test-support';
import { cardLoop } from '../tracking/card-loop.testing';

describeEachDatabase('web', (database) => {
  let t: TestApp;
  let loop: ReturnType<typeof cardLoop>;
  let zhang: LoginResponse;
  const h5Dir = mkdtempSync(join(tmpdir(), 'cardhub-h5-'));

  beforeAll(async () => {
    mkdirSync(join(h5Dir, 'js'));
    writeFileSync(join(h5Dir, 'index.html'), '<!doctype html><title>cardhub</title>');
    writeFileSync(join(h5Dir, 'js', 'app.3f9a1c2be4.js'), 'console.log(1)');
    // What the build's precompress step writes next to each asset.
    writeFileSync(join(h5Dir, 'js', 'app.3f9a1c2be4.js.br'), brotliCompressSync('console.log(1)'));
    t = await createTestApp({ databaseUrl: database.url, env: { H5_DIST_DIR: h5Dir } });
    loop = cardLoop(t);
    zhang = await t.loginAs(t.demo.employeeIds[0]!);
  });
  afterAll(async () => {
    await t.close();
    rmSync(h5Dir, { recursive: true, force: true });
  });

  describe('GET /v/:code', () => {
    it('gives link previews escaped Open Graph tags and sends people on to the H5 card, recording nothing', async () => {
      const card = (await t.http.get('/api/me/card').set(bearer(zhang))).body;
      const update = await t.http
        .put('/api/me/card')
        .set(bearer(zhang))
        .send({ ...card, name: '<script>alert("x")</script>', company: 'A&B "商贸"' });
      expect(update.status).toBe(200);
      const share = await loop.shareOwnCard(zhang);
      const eventsBefore = await loop.events().count();

      const response = await t.http.get(`/v/${share.code}`).set('User-Agent', 'facebookexternalhit/1.1');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      const html = response.text;
      expect(html).not.toContain('<script>alert');
      expect(html).toContain(
        '&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;的名片 · A&#38;B &#34;商贸&#34;',
      );
      expect(html).toMatch(/<meta property="og:title" content="[^"]+">/);
      expect(html).toContain(`<meta property="og:url" content="${share.url}">`);
      expect(html).toContain(
        '<meta property="og:description" content="高级销售顾问 | A&#38;B &#34;商贸&#34; | ',
      );
      const target = h5TargetPageUrl('http://cardhub.test', 'card', share.code);
      expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${target.replace(/&/g, '&#38;')}">`);
      expect(html).toContain(`location.replace(${JSON.stringify(target)})`);
      expect(await loop.events().count()).toBe(eventsBefore);
    });

    it('previews a shared material from its title and summary and sends people on to the H5 material page', async () => {
      const materialId = t.demo.materialIds[0]!;
      const material = (await t.http.get(`/api/materials/${materialId}`).set(bearer(zhang)))
        .body as MaterialDto;
      const update = await t.http
        .put(`/api/materials/${materialId}`)
        .set(bearer(await t.loginAs(t.demo.adminId)))
        .send({
          type: material.type,
          category: material.category,
          tags: material.tags,
          body: material.body,
          title: '<b>"新品"</b> & 案例',
          summary: '三步<获客>',
        });
      expect(update.status).toBe(200);
      const shared = await loop.share(zhang, {
        targetType: 'material',
        targetId: materialId,
        channel: 'link',
      });
      const share = shared.body as ShareDto;
      const eventsBefore = await loop.events().count();

      const response = await t.http.get(`/v/${share.code}`);
      expect(response.status).toBe(200);
      const html = response.text;
      expect(html).toContain(
        '<meta property="og:title" content="&#60;b&#62;&#34;新品&#34;&#60;/b&#62; &#38; 案例">',
      );
      expect(html).toContain('<meta property="og:description" content="三步&#60;获客&#62;">');
      expect(html).toContain('<meta property="og:site_name" content="星辰科技">');
      const target = h5TargetPageUrl('http://cardhub.test', 'material', share.code);
      expect(target).toContain('/#/pages/material/view/index?sc=');
      expect(html).toContain(`location.replace(${JSON.stringify(target)})`);
      expect(await loop.events().count()).toBe(eventsBefore);
    });

    it('answers an unknown code with a Chinese 404 page', async () => {
      const response = await t.http.get('/v/AAAAAAAAAA');
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).toContain('名片或物料不存在或已失效');
    });
  });

  describe('H5 hosting', () => {
    it('serves index.html uncached and hashed assets for a year', async () => {
      const index = await t.http.get('/');
      expect(index.status).toBe(200);
      expect(index.text).toContain('<title>cardhub</title>');
      expect(index.headers['cache-control']).toBe('no-cache');
      const asset = await t.http.get('/js/app.3f9a1c2be4.js');
      expect(asset.status).toBe(200);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    });

    it('sends the precompressed copy of an asset to browsers that accept it, cached like the asset', async () => {
      const asset = await t.http.get('/js/app.3f9a1c2be4.js').set('Accept-Encoding', 'gzip, deflate, br');
      expect(asset.status).toBe(200);
      expect(asset.headers['content-encoding']).toBe('br');
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(asset.text).toBe('console.log(1)');
    });

    it('compresses large API answers for clients that accept it', async () => {
      const docs = await t.http.get('/docs/json').set('Accept-Encoding', 'gzip');
      expect(docs.status).toBe(200);
      expect(docs.headers['content-encoding']).toBe('gzip');
      expect(docs.body.openapi).toMatch(/^3\./);
      const plain = await t.http.get('/docs/json').set('Accept-Encoding', 'identity');
      expect(plain.headers['content-encoding']).toBeUndefined();
    });

    it('leaves the API, docs and health to their routes', async () => {
      const unknownApi = await t.http.get('/api/no-such-route');
      expect(unknownApi.status).toBe(404);
      expect(unknownApi.body).toMatchObject({ statusCode: 404 });
      expect((await t.http.get('/health')).body).toMatchObject({ status: 'ok' });
      expect((await t.http.get('/docs/json')).status).toBe(200);
      expect((await t.http.get('/uploads/nothing.png')).status).toBe(404);
    });
  });
});
