import {
  type LoginResponse,
  type ShareDto,
  h5ShareUrl,
  isShareCode,
  miniProgramPath,
  shareScene,
} from '@cardhub/shared';
import { DataSource } from 'typeorm';
import { TokenService } from '../common/auth';
import { type TestApp, bearer, createTestApp, describeEachDatabase } from '../test-support';
import { cardLoop } from '../tracking/card-loop.testing';
import { Share } from './entities/share.entity';
import { PNG_SIGNATURE } from '../infra/uploads/image-type';

describeEachDatabase('shares', (database) => {
  let t: TestApp;
  let loop: ReturnType<typeof cardLoop>;
  let zhang: LoginResponse;
  let liu: LoginResponse;
  let otherAdmin: LoginResponse;
  let zhangCardId: string;

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url });
    loop = cardLoop(t);
    zhang = await t.loginAs(t.demo.employeeIds[0]!);
    liu = await t.loginAs(t.demo.employeeIds[1]!);
    otherAdmin = await t.loginAs(t.demo.otherAdminId);
    zhangCardId = await loop.cardIdOf(t.demo.employeeIds[0]!);
  });
  afterAll(() => t.close());

  const shareRow = (code: string) => t.get(DataSource).getRepository(Share).findOneByOrFail({ code });

  describe('POST /api/shares by staff', () => {
    it('makes a root share of their own card, with path, scene and link, and records a share event', async () => {
      const response = await loop.share(zhang, { targetId: zhangCardId, channel: 'moments' });
      expect(response.status).toBe(201);
      const share = response.body as ShareDto;
      expect(isShareCode(share.code)).toBe(true);
      expect(share).toMatchObject({
        targetType: 'card',
        targetId: zhangCardId,
        channel: 'moments',
        parentCode: null,
        depth: 0,
        path: miniProgramPath('card', share.code),
        scene: shareScene(share.code),
        url: h5ShareUrl('http://cardhub.test', share.code),
      });
      const row = await shareRow(share.code);
      expect(row).toMatchObject({
        rootShareId: row.id,
        creditedEmployeeId: t.demo.employeeIds[0],
        sharerEmployeeId: t.demo.employeeIds[0],
      });
      const events = await loop.events().findBy({ shareId: row.id });
      expect(events).toEqual([
        expect.objectContaining({ type: 'share', actorEmployeeId: t.demo.employeeIds[0], counted: true }),
      ]);
    });

    it("refuses a colleague's card without a parent share (403) and another organization's (404)", async () => {
      expect((await loop.share(liu, { targetId: zhangCardId })).status).toBe(403);
      expect((await loop.share(otherAdmin, { targetId: zhangCardId })).status).toBe(404);
    });

    it("lets a colleague re-share a share, keeping the root employee's credit", async () => {
      const root = await loop.shareOwnCard(zhang);
      const response = await loop.share(liu, {
        targetId: zhangCardId,
        parentCode: root.code,
        channel: 'group',
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ parentCode: root.code, depth: 1 });
      const [rootRow, child] = [await shareRow(root.code), await shareRow(response.body.code)];
      expect(child).toMatchObject({
        rootShareId: rootRow.id,
        parentShareId: rootRow.id,
        creditedEmployeeId: t.demo.employeeIds[0],
      });
    });

    it('rejects a parent share of another target', async () => {
      const liuShare = await loop.shareOwnCard(liu);
      const response = await loop.share(zhang, { targetId: zhangCardId, parentCode: liuShare.code });
      expect(response.status).toBe(400);
      expect(response.body.fields[0].path).toBe('parentCode');
    });
  });

  describe('POST /api/shares by a prospect (a forward)', () => {
    it('makes a child share credited to the root, with share and forward events', async () => {
      const root = await loop.shareOwnCard(zhang);
      const visit = await loop.viewOk({
        targetId: zhangCardId,
        shareCode: root.code,
        visitorKey: loop.newVisitorKey(),
      });

      const response = await loop.share(undefined, {
        targetId: zhangCardId,
        parentCode: root.code,
        visitToken: visit.visitToken,
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ parentCode: root.code, depth: 1 });
      const child = await shareRow(response.body.code);
      const viewEvent = (
        await loop.events().findBy({ type: 'view', shareId: (await shareRow(root.code)).id })
      )[0]!;
      expect(child).toMatchObject({
        sharerEmployeeId: null,
        sharerVisitorId: viewEvent.visitorId,
        creditedEmployeeId: t.demo.employeeIds[0],
      });
      const events = await loop.events().find({ where: { shareId: child.id }, order: { type: 'DESC' } });
      expect(events.map((event) => [event.type, event.visitorId, event.visitId])).toEqual([
        ['share', viewEvent.visitorId, null],
        ['forward', viewEvent.visitorId, viewEvent.id],
      ]);
    });

    it('needs the token of a visit of the same share tree', async () => {
      const root = await loop.shareOwnCard(zhang);
      const otherTree = await loop.shareOwnCard(zhang);
      const visit = await loop.viewOk({
        targetId: zhangCardId,
        shareCode: otherTree.code,
        visitorKey: loop.newVisitorKey(),
      });
      const forged = t.get(TokenService).sign({ kind: 'session', sub: 'x', who: 'prospect' }, 60).token;
      const forward = (body: object) =>
        loop.share(undefined, { targetId: zhangCardId, parentCode: root.code, ...body });

      expect((await forward({})).status).toBe(401);
      expect((await forward({ visitToken: 'abc.def' })).status).toBe(401);
      expect((await forward({ visitToken: forged })).status).toBe(401);
      expect((await forward({ visitToken: visit.visitToken })).status).toBe(403);
      const noParent = await loop.share(undefined, { targetId: zhangCardId, visitToken: visit.visitToken });
      expect(noParent.status).toBe(400);
      expect(noParent.body.fields[0].path).toBe('parentCode');
      expect(
        await t
          .get(DataSource)
          .getRepository(Share)
          .countBy({ rootShareId: (await shareRow(root.code)).id }),
      ).toBe(1);
    });
  });

  describe('GET /api/public/shares/:code', () => {
    it('opens the shared card for anyone; unknown and malformed codes are 404', async () => {
      const share = await loop.shareOwnCard(zhang);
      const response = await t.http.get(`/api/public/shares/${share.code}`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        card: { id: zhangCardId, name: '张伟' },
        share: { code: share.code, channel: 'chat', depth: 0 },
      });
      for (const code of ['AAAAAAAAAA', 'bad code!', 'x']) {
        const missing = await t.http.get(`/api/public/shares/${encodeURIComponent(code)}`);
        expect(missing.status).toBe(404);
        expect(missing.body.message).toBe('名片不存在或已失效');
      }
    });

    it('shows an edit of the card at once, though opened a moment before', async () => {
      const share = await loop.shareOwnCard(zhang);
      expect((await t.http.get(`/api/public/shares/${share.code}`)).body.card.title).not.toBe('首席顾问');
      const card = (await t.http.get('/api/me/card').set(bearer(zhang))).body;
      const edited = await t.http
        .put('/api/me/card')
        .set(bearer(zhang))
        .send({ ...card, title: '首席顾问' });
      expect(edited.status).toBe(200);
      const reopened = await t.http.get(`/api/public/shares/${share.code}`);
      expect(reopened.body.card.title).toBe('首席顾问');
    });
  });

  describe('share images', () => {
    it("gives the sharer WeChat's mini-program code as PNG, and no one else", async () => {
      const share = await loop.shareOwnCard(zhang);
      const url = `/api/shares/${share.code}/wxacode.png`;
      const response = await t.http.get(url).set(bearer(zhang)).buffer(true);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('image/png');
      expect((response.body as Buffer).subarray(0, 8)).toEqual(PNG_SIGNATURE);
      const again = await t.http.get(url).set(bearer(zhang)).buffer(true);
      expect(Buffer.compare(again.body as Buffer, response.body as Buffer)).toBe(0);

      expect((await t.http.get(url)).status).toBe(401);
      expect((await t.http.get(url).set(bearer(liu))).status).toBe(403);
      expect((await t.http.get(url).set(bearer(otherAdmin))).status).toBe(404);
    });

    it('gives anyone an SVG QR code of the H5 link', async () => {
      const share = await loop.shareOwnCard(zhang);
      const response = await t.http.get(`/api/shares/${share.code}/qrcode.svg`).buffer(true);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^image\/svg\+xml/);
      expect(response.headers['cache-control']).toContain('max-age');
      expect(response.body.toString()).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect((await t.http.get('/api/shares/AAAAAAAAAA/qrcode.svg')).status).toBe(404);
    });
  });
});
