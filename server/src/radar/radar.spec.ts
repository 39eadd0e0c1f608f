import { type LoginResponse, type RadarResponse, anonymousVisitorLabel } from '@cardhub/shared';
import { type TestApp, bearer, createTestApp, describeEachDatabase } from '../test-support';
import { cardLoop } from '../tracking/card-loop.testing';

describeEachDatabase('radar', (database) => {
  let t: TestApp;
  let loop: ReturnType<typeof cardLoop>;
  let zhang: LoginResponse;
  let liu: LoginResponse;

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url });
    loop = cardLoop(t);
    zhang = await t.loginAs(t.demo.employeeIds[0]!);
    liu = await t.loginAs(t.demo.employeeIds[1]!);
  });
  afterAll(() => t.close());

  const radarOf = async (employee: LoginResponse, query = ''): Promise<RadarResponse> => {
    const response = await t.http.get(`/api/me/radar${query}`).set(bearer(employee));
    expect(response.status).toBe(200);
    return response.body as RadarResponse;
  };

  it("shows an employee's visits newest first, with actions, dwell and the forward chain", async () => {
    const cardId = await loop.cardIdOf(t.demo.employeeIds[0]!);
    const root = await loop.shareOwnCard(zhang);

    const firstVisit = await loop.viewOk({
      targetId: cardId,
      shareCode: root.code,
      visitorKey: loop.newVisitorKey(),
    });
    await loop.actions(firstVisit.visitToken, [
      { type: 'dwell', seconds: 10 },
      { type: 'click', action: 'call' },
      { type: 'dwell', seconds: 5 },
    ]);
    const forward = await loop.share(undefined, {
      targetId: cardId,
      parentCode: root.code,
      visitToken: firstVisit.visitToken,
    });
    expect(forward.status).toBe(201);
    const secondVisit = await loop.viewOk({
      targetId: cardId,
      shareCode: forward.body.code,
      visitorKey: loop.newVisitorKey(),
    });

    const { visits } = await radarOf(zhang);
    expect(visits.map((visit) => visit.visitor.label)).toEqual([
      secondVisit.visitorLabel,
      firstVisit.visitorLabel,
    ]);
    const [second, first] = visits as [RadarResponse['visits'][number], RadarResponse['visits'][number]];
    expect(second).toMatchObject({
      shareCode: forward.body.code,
      forwardedBy: [firstVisit.visitorLabel],
      verdict: 'counted',
      target: { type: 'card', id: cardId, title: '我的名片' },
      touchpoint: 'h5',
      dwellSeconds: 0,
      actions: [],
    });
    expect(first).toMatchObject({
      shareCode: root.code,
      forwardedBy: [],
      dwellSeconds: 15,
      visitor: { label: firstVisit.visitorLabel, name: null, avatarUrl: null },
      actions: [
        { type: 'click', action: 'call', channel: null },
        { type: 'forward', action: null, channel: 'chat' },
      ],
    });
    expect(first.visitor.label).toBe(anonymousVisitorLabel(first.visitor.id));
    expect(Date.parse(first.lastActivityAt)).toBeGreaterThanOrEqual(Date.parse(first.startedAt));
  });

  it("keeps each employee's radar to their own visits, and pages into the past", async () => {
    const liuCard = await loop.cardIdOf(t.demo.employeeIds[1]!);
    const visit = await loop.viewOk({ targetId: liuCard, visitorKey: loop.newVisitorKey() });
    const liuRadar = await radarOf(liu);
    expect(liuRadar.visits.map((shown) => shown.visitor.label)).toEqual([visit.visitorLabel]);
    expect((await radarOf(zhang)).visits.map((shown) => shown.visitor.label)).not.toContain(
      visit.visitorLabel,
    );

    const firstPage = await radarOf(zhang, '?limit=1');
    expect(firstPage.visits).toHaveLength(1);
    const secondPage = await radarOf(zhang, `?limit=1&before=${encodeURIComponent(firstPage.nextBefore!)}`);
    expect(secondPage.visits).toHaveLength(1);
    expect(secondPage.visits[0]!.visitId).not.toBe(firstPage.visits[0]!.visitId);
    expect(Date.parse(secondPage.visits[0]!.startedAt)).toBeLessThan(
      Date.parse(firstPage.visits[0]!.startedAt),
    );
  });

  it('names the material a visit read, with how deep it was read and how the video was watched', async () => {
    const chen = await t.loginAs(t.demo.employeeIds[2]!);
    const videoId = t.demo.materialIds[3]!;
    const shared = await loop.share(chen, { targetType: 'material', targetId: videoId });
    const visit = await loop.viewOk({
      targetType: 'material',
      targetId: videoId,
      shareCode: shared.body.code,
      visitorKey: loop.newVisitorKey(),
    });
    // Reported as they happen, one after another.
    for (const action of [
      { type: 'scroll', depth: 25 },
      { type: 'video', progress: 'play' },
      { type: 'scroll', depth: 50 },
      { type: 'video', progress: 'complete' },
      { type: 'click', action: 'consult' },
    ]) {
      expect((await loop.actions(visit.visitToken, [action])).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }

    const [shown] = (await radarOf(chen)).visits;
    expect(shown).toMatchObject({
      target: { type: 'material', id: videoId, title: '客户案例：华东某制造企业的数字化获客之路' },
    });
    expect(shown!.actions.map(({ at: _at, ...action }) => action)).toEqual([
      { type: 'scroll', action: null, channel: null, depth: 25, progress: null },
      { type: 'video', action: null, channel: null, depth: null, progress: 'play' },
      { type: 'scroll', action: null, channel: null, depth: 50, progress: null },
      { type: 'video', action: null, channel: null, depth: null, progress: 'complete' },
      { type: 'click', action: 'consult', channel: null, depth: null, progress: null },
    ]);
  });

  it('rejects a bad query with the field at fault, and is for staff only', async () => {
    const response = await t.http.get('/api/me/radar?before=yesterday').set(bearer(zhang));
    expect(response.status).toBe(400);
    expect(response.body.fields[0].path).toBe('before');
    expect((await t.http.get('/api/me/radar')).status).toBe(401);
  });
});
