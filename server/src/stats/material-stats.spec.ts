import type { LoginResponse, MaterialDto, MaterialStats, ShareDto } from '@cardhub/shared';
import { type TestApp, bearer, createTestApp, describeEachDatabase } from '../test-support';
import { EventLog } from '../tracking/event-log';
import { GOOGLEBOT, type MaterialVisit, materialLoop } from './material-loop.testing';

describeEachDatabase('material statistics', (database) => {
  let t: TestApp;
  let loop: ReturnType<typeof materialLoop>;
  let admin: LoginResponse;
  let manager: LoginResponse;
  let zhang: LoginResponse;
  let liu: LoginResponse;
  let chen: LoginResponse;
  let otherAdmin: LoginResponse;
  let material: MaterialDto;
  let zhangShare: ShareDto;
  let liuShare: ShareDto;
  let forward: ShareDto;
  let reader: MaterialVisit;
  let forwardReader: MaterialVisit;

  const statsOf = (id: string, who: LoginResponse) =>
    t.http.get(`/api/materials/${id}/stats`).set(bearer(who));

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url });
    loop = materialLoop(t);
    admin = await t.loginAs(t.demo.adminId);
    manager = await t.loginAs(t.demo.managerId);
    [zhang, liu, chen] = await Promise.all(t.demo.employeeIds.slice(0, 3).map((id) => t.loginAs(id)));
    otherAdmin = await t.loginAs(t.demo.otherAdminId);
    material = await loop.publish(admin, { title: '全员营销白皮书' });

    // The scripted stream: two employees share; four prospects read in different depths.
    zhangShare = await loop.shareMaterial(zhang, material.id);
    liuShare = await loop.shareMaterial(liu, material.id);

    reader = await loop.viewMaterial(material.id, zhangShare.code);
    await loop.act(reader, [
      { type: 'dwell', seconds: 30 },
      { type: 'scroll', depth: 25 },
      { type: 'scroll', depth: 50 },
      { type: 'scroll', depth: 75 },
      { type: 'scroll', depth: 100 },
      { type: 'dwell', seconds: 15 },
      // The same tap that made the forward share below, reported by the page as well: counted once.
      { type: 'forward', channel: 'chat' },
    ]);
    const skimmer = await loop.viewMaterial(material.id, zhangShare.code);
    await loop.act(skimmer, [
      { type: 'dwell', seconds: 20 },
      { type: 'scroll', depth: 25 },
      { type: 'video', progress: 'play' },
    ]);
    forward = await loop.forward(reader, material.id, zhangShare.code);
    forwardReader = await loop.viewMaterial(material.id, forward.code);
    await loop.act(forwardReader, [
      { type: 'dwell', seconds: 40 },
      { type: 'scroll', depth: 25 },
      { type: 'scroll', depth: 50 },
      { type: 'video', progress: 'play' },
      { type: 'video', progress: 'complete' },
      // A forward from the share sheet that made no share of ours.
      { type: 'forward', channel: 'moments' },
    ]);
    const glancer = await loop.viewMaterial(material.id, liuShare.code);
    await loop.act(glancer, [{ type: 'dwell', seconds: 10 }]);

    // None of these count: the sharer himself, a colleague, a crawler, and the first reader coming back.
    const uncounted = [
      await loop.viewMaterial(material.id, zhangShare.code, { token: zhang }),
      await loop.viewMaterial(material.id, zhangShare.code, { token: chen }),
      await loop.viewMaterial(material.id, zhangShare.code, { userAgent: GOOGLEBOT }),
      await loop.viewMaterial(material.id, zhangShare.code, { visitorKey: reader.visitorKey }),
    ];
    expect(uncounted.map((visit) => visit.verdict)).toEqual(['self', 'colleague', 'bot', 'repeat']);
    for (const visit of uncounted) {
      await loop.act(visit, [
        { type: 'dwell', seconds: 300 },
        { type: 'scroll', depth: 100 },
        { type: 'video', progress: 'complete' },
        { type: 'forward', channel: 'chat' },
      ]);
    }

    // The first reader's reading (to the end, five minutes more on coming back, a forward) crosses the MQL
    // threshold: the lead pipeline makes them a lead first brought by this material.
    await t.get(EventLog).settled();
  });
  afterAll(() => t.close());

  it('counts shares, views, visitors and reading by the counting rules', async () => {
    const response = await statsOf(material.id, admin);
    expect(response.status).toBe(200);
    const stats = response.body as MaterialStats;
    expect(stats).toMatchObject({
      material: { id: material.id, title: '全员营销白皮书', type: 'article', status: 'published' },
      shares: 2,
      views: 4,
      visitors: 4,
      // (45 + 20 + 40 + 10) s over 4 counted visits; deepest marks 100, 25, 50 and 0.
      averageReadSeconds: 28.8,
      averageReadDepth: 43.8,
      fullReads: 1,
      fullReadRate: 0.25,
      depthDistribution: [
        { depth: 0, visits: 1 },
        { depth: 25, visits: 1 },
        { depth: 50, visits: 1 },
        { depth: 75, visits: 0 },
        { depth: 100, visits: 1 },
      ],
      video: { plays: 2, completions: 1 },
      forwards: 2,
      deepestChain: 1,
      leads: 1,
    });
  });

  it('ranks the sharers by the counted views credited to them, forwards included', async () => {
    const stats = (await statsOf(material.id, manager)).body as MaterialStats;
    expect(stats.topSharers).toEqual([
      { employeeId: t.demo.employeeIds[0], name: '张伟', departmentName: '销售一部', shares: 1, views: 3 },
      { employeeId: t.demo.employeeIds[1], name: '刘洋', departmentName: '销售一部', shares: 1, views: 1 },
    ]);
  });

  it('draws the share chain: employee shares, then the forwards with their views and forwarder', async () => {
    const stats = (await statsOf(material.id, admin)).body as MaterialStats;
    expect(stats.chainOmitted).toBe(0);
    expect(stats.chain).toEqual([
      expect.objectContaining({
        code: zhangShare.code,
        depth: 0,
        sharer: { kind: 'employee', label: '张伟' },
        views: 2,
        children: [
          expect.objectContaining({
            code: forward.code,
            depth: 1,
            sharer: { kind: 'visitor', label: reader.visitorLabel },
            views: 1,
            children: [],
          }),
        ],
      }),
      expect.objectContaining({ code: liuShare.code, sharer: { kind: 'employee', label: '刘洋' }, views: 1 }),
    ]);
  });

  it('lists the table figures for a page of materials, leaving out ids that are not ours', async () => {
    const untouched = t.demo.materialIds[0]!;
    const theirs = await loop.publish(otherAdmin, { title: '别家的物料' });
    const response = await t.http
      .get('/api/materials/stats')
      .query({ ids: [material.id, untouched, theirs.id].join(',') })
      .set(bearer(admin));
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      { materialId: material.id, shares: 2, views: 4, visitors: 4 },
      { materialId: untouched, shares: 0, views: 0, visitors: 0 },
    ]);
  });

  it('keeps the figures of an archived material', async () => {
    const archived = await loop.publish(admin, { title: '下架前有人看过' });
    const share = await loop.shareMaterial(zhang, archived.id);
    await loop.viewMaterial(archived.id, share.code);
    expect((await t.http.post(`/api/materials/${archived.id}/archive`).set(bearer(admin))).status).toBe(200);
    const stats = (await statsOf(archived.id, admin)).body as MaterialStats;
    expect(stats).toMatchObject({ material: { status: 'archived' }, shares: 1, views: 1, visitors: 1 });
  });

  it('answers bad input and the wrong caller with a clear 4xx', async () => {
    expect((await statsOf(material.id, zhang)).status).toBe(403);
    expect((await t.http.get(`/api/materials/${material.id}/stats`)).status).toBe(401);
    const theirs = await statsOf(material.id, otherAdmin);
    expect(theirs.status).toBe(404);
    expect(theirs.body.message).toBe('物料不存在或已下架');
    expect((await statsOf('4b1f3c7e-0000-4000-8000-000000000000', admin)).status).toBe(404);

    const noIds = await t.http.get('/api/materials/stats').set(bearer(admin));
    expect(noIds.status).toBe(400);
    expect(noIds.body.fields[0].path).toBe('ids');
    const badIds = await t.http.get('/api/materials/stats').query({ ids: 'abc,def' }).set(bearer(admin));
    expect(badIds.status).toBe(400);
    expect(badIds.body.fields[0].path).toMatch(/^ids/);
    expect(
      (await t.http.get('/api/materials/stats').query({ ids: material.id }).set(bearer(zhang))).status,
    ).toBe(403);
  });
});
