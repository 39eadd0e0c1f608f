import { type LoginResponse, type ShareDto, anonymousVisitorLabel } from '@cardhub/shared';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { TokenService } from '../common/auth';
import { type TestApp, createTestApp, describeEachDatabase } from '../test-support';
import { VisitorIdentity } from '../visitors/entities/visitor-identity.entity';
import { Visitor } from '../visitors/entities/visitor.entity';
import { cardLoop } from './card-loop.testing';
import { VISIT_TOKEN_TTL_SECONDS } from './visit-tokens';

const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

describeEachDatabase('tracking', (database) => {
  let t: TestApp;
  let loop: ReturnType<typeof cardLoop>;
  let zhang: LoginResponse;
  let cardId: string;
  let share: ShareDto;

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url });
    loop = cardLoop(t);
    zhang = await t.loginAs(t.demo.employeeIds[0]!);
    cardId = await loop.cardIdOf(t.demo.employeeIds[0]!);
    share = await loop.shareOwnCard(zhang);
  });
  afterAll(() => t.close());

  describe('POST /api/track/view', () => {
    it('counts a first view, credits the root employee and makes the browser a visitor with first touch', async () => {
      const eventId = randomUUID();
      const visit = await loop.viewOk({
        eventId,
        targetId: cardId,
        shareCode: share.code,
        visitorKey: loop.newVisitorKey(),
      });
      const view = await loop.events().findOneByOrFail({ id: eventId });
      expect(visit).toEqual({
        visitToken: expect.any(String),
        verdict: 'counted',
        visitorLabel: anonymousVisitorLabel(view.visitorId!),
      });
      expect(view).toMatchObject({
        type: 'view',
        counted: true,
        creditedEmployeeId: t.demo.employeeIds[0],
        touchpoint: 'h5',
        actorEmployeeId: null,
      });
      const visitor = await t.get(DataSource).getRepository(Visitor).findOneByOrFail({ id: view.visitorId! });
      expect(visitor).toMatchObject({ firstShareId: view.shareId, firstEmployeeId: t.demo.employeeIds[0] });
    });

    it('counts the same visitor once per 30 minutes, by server time', async () => {
      const visitorKey = loop.newVisitorKey();
      const first = randomUUID();
      expect(
        (await loop.viewOk({ eventId: first, targetId: cardId, shareCode: share.code, visitorKey })).verdict,
      ).toBe('counted');
      expect((await loop.viewOk({ targetId: cardId, visitorKey })).verdict).toBe('repeat');

      // The counted view is moved back past the window where it is stored; a client's clock is never trusted for it.
      await loop.events().update({ id: first }, { receivedAt: new Date(Date.now() - 31 * 60 * 1000) });
      expect((await loop.viewOk({ targetId: cardId, visitorKey })).verdict).toBe('counted');
    });

    it('counts one of several views of the same visitor sent at the same moment', async () => {
      const visitorKey = loop.newVisitorKey();
      const views = await Promise.all(
        Array.from({ length: 6 }, () => loop.viewOk({ targetId: cardId, shareCode: share.code, visitorKey })),
      );
      expect(views.map((view) => view.verdict).sort()).toEqual([
        'counted',
        'repeat',
        'repeat',
        'repeat',
        'repeat',
        'repeat',
      ]);
    });

    it('keeps a client time within five minutes, and replaces one further off with server time', async () => {
      const near = new Date(Date.now() - 60_000).toISOString();
      const far = new Date(Date.now() - 3 * 60 * 60 * 1000).toISOString();
      const [nearId, farId] = [randomUUID(), randomUUID()];
      await loop.viewOk({
        eventId: nearId,
        targetId: cardId,
        visitorKey: loop.newVisitorKey(),
        occurredAt: near,
      });
      await loop.viewOk({
        eventId: farId,
        targetId: cardId,
        visitorKey: loop.newVisitorKey(),
        occurredAt: far,
      });
      expect((await loop.events().findOneByOrFail({ id: nearId })).occurredAt.toISOString()).toBe(near);
      expect(
        Date.now() - (await loop.events().findOneByOrFail({ id: farId })).occurredAt.getTime(),
      ).toBeLessThan(60_000);
    });

    it('never counts self-views, colleagues or bots, and makes none of them a visitor', async () => {
      const colleague = await t.loginAs(t.demo.employeeIds[1]!);
      const cases: [string, Promise<{ verdict: string }>][] = [
        ['self', loop.viewOk({ targetId: cardId, shareCode: share.code }, { token: zhang })],
        ['colleague', loop.viewOk({ targetId: cardId, shareCode: share.code }, { token: colleague })],
        [
          'bot',
          loop.viewOk(
            { targetId: cardId, shareCode: share.code, visitorKey: loop.newVisitorKey() },
            { userAgent: GOOGLEBOT },
          ),
        ],
      ];
      for (const [expected, visit] of cases) {
        const { verdict } = await visit;
        expect(verdict).toBe(expected);
        const stored = await loop.events().findOneByOrFail({ verdict: expected as 'self' });
        expect(stored).toMatchObject({ counted: false, visitorId: null });
      }
      expect((await loop.events().findOneByOrFail({ verdict: 'self' })).actorEmployeeId).toBe(
        t.demo.employeeIds[0],
      );
    });

    it('treats staff of another organization as prospects', async () => {
      const outsider = await t.loginAs(t.demo.otherAdminId);
      const visit = await loop.viewOk(
        { targetId: cardId, visitorKey: loop.newVisitorKey() },
        { token: outsider },
      );
      expect(visit.verdict).toBe('counted');
    });

    it('knows a WeChat prospect by openid across views', async () => {
      const prospect = await t.loginWithWechat('回头客');
      const eventId = randomUUID();
      expect(
        (await loop.viewOk({ eventId, targetId: cardId, touchpoint: 'miniapp' }, { token: prospect }))
          .verdict,
      ).toBe('counted');
      expect(
        (await loop.viewOk({ targetId: cardId, touchpoint: 'miniapp' }, { token: prospect })).verdict,
      ).toBe('repeat');
      const visitorId = (await loop.events().findOneByOrFail({ id: eventId })).visitorId!;
      expect(await t.get(DataSource).getRepository(VisitorIdentity).findBy({ visitorId })).toEqual([
        expect.objectContaining({ kind: 'openid' }),
      ]);
    });

    it('stores a retried view once and answers it the same', async () => {
      const body = {
        eventId: randomUUID(),
        targetId: cardId,
        shareCode: share.code,
        visitorKey: loop.newVisitorKey(),
      };
      const first = await loop.viewOk(body);
      const retry = await loop.viewOk(body);
      expect(retry).toEqual(first);
      expect(await loop.events().countBy({ id: body.eventId })).toBe(1);
    });

    it('rejects unknown, malformed and foreign share codes and a missing visitor key, storing nothing', async () => {
      const otherCard = await loop.cardIdOf(t.demo.employeeIds[1]!);
      const cases: [object, number, string | undefined][] = [
        [{ targetId: cardId, shareCode: 'AAAAAAAAAA', visitorKey: loop.newVisitorKey() }, 404, undefined],
        [{ targetId: cardId, shareCode: 'not a code', visitorKey: loop.newVisitorKey() }, 400, 'shareCode'],
        [{ targetId: otherCard, shareCode: share.code, visitorKey: loop.newVisitorKey() }, 400, 'shareCode'],
        [{ targetId: cardId, shareCode: share.code }, 400, 'visitorKey'],
        [{ targetId: randomUUID(), visitorKey: loop.newVisitorKey() }, 404, undefined],
      ];
      for (const [body, status, field] of cases) {
        const eventId = randomUUID();
        const response = await loop.view({ eventId, ...body });
        expect([response.status, response.body.fields?.[0]?.path]).toEqual([status, field]);
        expect(await loop.events().countBy({ id: eventId })).toBe(0);
      }
    });
  });

  describe('POST /api/track/actions', () => {
    it('stores the actions of a visit once each, counted like the visit', async () => {
      const visit = await loop.viewOk({
        targetId: cardId,
        shareCode: share.code,
        visitorKey: loop.newVisitorKey(),
      });
      const actions = [
        { eventId: randomUUID(), type: 'click', action: 'call' },
        { eventId: randomUUID(), type: 'dwell', seconds: 12 },
        { eventId: randomUUID(), type: 'forward', channel: 'group' },
      ];
      const response = await loop.actions(visit.visitToken, actions);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ stored: 3, duplicates: 0 });
      expect((await loop.actions(visit.visitToken, actions)).body).toEqual({ stored: 0, duplicates: 3 });

      const stored = await loop.events().findBy({ id: actions[0]!.eventId });
      const view = await loop.events().findOneByOrFail({ id: stored[0]!.visitId! });
      expect(stored[0]).toMatchObject({
        type: 'click',
        counted: true,
        props: { action: 'call' },
        visitorId: view.visitorId,
        shareId: view.shareId,
      });
    });

    it('stores reading depth and video progress with their marks, and rejects marks that are not ones', async () => {
      const [articleId] = t.demo.materialIds as [string];
      const visit = await loop.viewOk({
        targetType: 'material',
        targetId: articleId,
        visitorKey: loop.newVisitorKey(),
      });
      const actions = [
        { eventId: randomUUID(), type: 'scroll', depth: 25 },
        { eventId: randomUUID(), type: 'scroll', depth: 100 },
        { eventId: randomUUID(), type: 'video', progress: 'play' },
        { eventId: randomUUID(), type: 'video', progress: 'complete' },
        { eventId: randomUUID(), type: 'click', action: 'consult' },
      ];
      expect((await loop.actions(visit.visitToken, actions)).body).toEqual({ stored: 5, duplicates: 0 });
      const stored = await loop.events().findBy({ id: In(actions.map((action) => action.eventId)) });
      const byId = new Map(stored.map((event) => [event.id, event]));
      expect(
        actions.map((action) => {
          const event = byId.get(action.eventId)!;
          return [event.type, event.props, event.targetType, event.counted];
        }),
      ).toEqual([
        ['scroll', { depth: 25 }, 'material', true],
        ['scroll', { depth: 100 }, 'material', true],
        ['video', { progress: 'play' }, 'material', true],
        ['video', { progress: 'complete' }, 'material', true],
        ['click', { action: 'consult' }, 'material', true],
      ]);

      const bad = [
        { type: 'scroll', depth: 30 },
        { type: 'scroll', depth: '50' },
        { type: 'video', progress: 'pause' },
      ];
      for (const action of bad) {
        const eventId = randomUUID();
        const response = await loop.actions(visit.visitToken, [{ eventId, ...action }]);
        expect(response.status).toBe(400);
        expect(response.body.fields[0].path).toMatch(/^actions\.0\.(depth|progress)$/);
        expect(await loop.events().countBy({ id: eventId })).toBe(0);
      }
    });

    it('keeps the actions of a self-view without counting them', async () => {
      const visit = await loop.viewOk({ targetId: cardId }, { token: zhang });
      const eventId = randomUUID();
      expect(
        (await loop.actions(visit.visitToken, [{ eventId, type: 'click', action: 'open_site' }])).body.stored,
      ).toBe(1);
      expect(await loop.events().findOneByOrFail({ id: eventId })).toMatchObject({
        counted: false,
        actorEmployeeId: t.demo.employeeIds[0],
      });
    });

    it('refuses forged, expired and non-visit tokens with 401, storing nothing', async () => {
      const visit = await loop.viewOk({ targetId: cardId, visitorKey: loop.newVisitorKey() });
      const [body, signature] = visit.visitToken.split('.') as [string, string];
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
      const tokens = t.get(TokenService);
      const cases = [
        `${Buffer.from(JSON.stringify({ ...claims, organizationId: t.demo.otherOrganizationId })).toString('base64url')}.${signature}`,
        tokens.sign(
          claims,
          VISIT_TOKEN_TTL_SECONDS,
          new Date(Date.now() - (VISIT_TOKEN_TTL_SECONDS + 60) * 1000),
        ).token,
        zhang.token,
      ];
      for (const token of cases) {
        const eventId = randomUUID();
        const response = await loop.actions(token, [{ eventId, type: 'click', action: 'call' }]);
        expect(response.status).toBe(401);
        expect(await loop.events().countBy({ id: eventId })).toBe(0);
      }
    });
  });
});
