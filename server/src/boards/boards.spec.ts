import type {
  BoardEventsResponse,
  DashboardResponse,
  DepartmentBoardResponse,
  EmployeeBoardResponse,
  LoginResponse,
} from '@cardhub/shared';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { type TestApp, bearer, createTestApp, describeEachDatabase } from '../test-support';
import { cardLoop } from '../tracking/card-loop.testing';
import { RollupRebuild } from './rollup-rebuild';
import { rollupSnapshot } from './rollup-snapshot.testing';
import { RollupWriter } from './rollup-writer';

const BOT_USER_AGENT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

describeEachDatabase('leaderboards and dashboard', (database) => {
  let t: TestApp;
  let loop: ReturnType<typeof cardLoop>;
  let zhang: LoginResponse;
  let liu: LoginResponse;
  let wang: LoginResponse;
  let manager: LoginResponse;
  let admin: LoginResponse;
  let otherAdmin: LoginResponse;

  const get = async <T>(who: LoginResponse, path: string, status = 200): Promise<T> => {
    const response = await t.http.get(path).set(bearer(who));
    expect({
      path,
      status: response.status,
      body: response.status === status ? null : response.body,
    }).toEqual({
      path,
      status,
      body: null,
    });
    return response.body as T;
  };

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url });
    loop = cardLoop(t);
    [zhang, liu, wang] = await Promise.all(t.demo.employeeIds.slice(0, 3).map((id) => t.loginAs(id)));
    manager = await t.loginAs(t.demo.managerId);
    admin = await t.loginAs(t.demo.adminId);
    otherAdmin = await t.loginAs(t.demo.otherAdminId);

    // 张 (销售一部): three people view his card, plus a repeat, a bot, himself and a colleague — only the three count.
    const zhangCard = await loop.cardIdOf(t.demo.employeeIds[0]!);
    const zhangShare = await loop.shareOwnCard(zhang);
    const [a, b, c] = [loop.newVisitorKey(), loop.newVisitorKey(), loop.newVisitorKey()];
    const view = (visitorKey: string, options = {}) =>
      loop.viewOk({ targetId: zhangCard, shareCode: zhangShare.code, visitorKey }, options);
    expect((await view(a)).verdict).toBe('counted');
    expect((await view(b)).verdict).toBe('counted');
    expect((await view(c)).verdict).toBe('counted');
    expect((await view(a)).verdict).toBe('repeat');
    expect((await view(loop.newVisitorKey(), { userAgent: BOT_USER_AGENT })).verdict).toBe('bot');
    expect((await view(loop.newVisitorKey(), { token: zhang })).verdict).toBe('self');
    expect((await view(loop.newVisitorKey(), { token: liu })).verdict).toBe('colleague');

    // 刘 (销售一部) ties with three views; visitor a saw both cards, so the organization has five visitors, not six.
    const liuCard = await loop.cardIdOf(t.demo.employeeIds[1]!);
    const liuShare = await loop.shareOwnCard(liu);
    for (const visitorKey of [a, loop.newVisitorKey(), loop.newVisitorKey()])
      await loop.viewOk({ targetId: liuCard, shareCode: liuShare.code, visitorKey });

    // 王 (销售二部): one view.
    const wangShare = await loop.shareOwnCard(wang);
    await loop.viewOk({
      targetId: await loop.cardIdOf(t.demo.employeeIds[2]!),
      shareCode: wangShare.code,
      visitorKey: loop.newVisitorKey(),
    });
  });
  afterAll(() => t.close());

  it('ranks employees by counted views only, ties sharing a rank, with each caller’s gap to the next place', async () => {
    const board = await get<EmployeeBoardResponse>(wang, '/api/boards/employees?metric=views&period=today');
    const ids = t.demo.employeeIds;
    expect(board.rows.slice(0, 3).map((row) => [row.employee.id, row.rank, row.value])).toEqual([
      [expect.stringMatching(new RegExp(`^(${ids[0]}|${ids[1]})$`)), 1, 3],
      [expect.stringMatching(new RegExp(`^(${ids[0]}|${ids[1]})$`)), 1, 3],
      [ids[2], 3, 1],
    ]);
    // Everyone else is tied at zero, behind them.
    expect(board.rows.slice(3).every((row) => row.rank === 4 && row.value === 0)).toBe(true);
    expect(board.total).toBe(board.rows.length);
    expect(board.rows[0]!.metrics).toMatchObject({ views: 3, visitors: 3, shares: 1 });
    expect(board.me).toEqual({
      rank: 3,
      value: 1,
      total: board.total,
      gapToNext: 3,
      next: { name: expect.any(String), value: 3 },
    });

    const zhangView = await get<EmployeeBoardResponse>(
      zhang,
      '/api/boards/employees?metric=views&period=week',
    );
    expect(zhangView.me).toMatchObject({ rank: 1, value: 3, gapToNext: null, next: null });
  });

  it('counts visitors distinct over a range, and the same figures over a custom range read from day rows', async () => {
    const dashboard = await get<DashboardResponse>(admin, '/api/dashboard?period=today');
    expect(dashboard.totals).toMatchObject({ views: 7, visitors: 6, shares: 3 });
    const day = dashboard.range.from;
    const custom = await get<DashboardResponse>(admin, `/api/dashboard?period=custom&from=${day}&to=${day}`);
    expect(custom.totals).toEqual(dashboard.totals);
    expect(dashboard.trend).toEqual([{ day, shares: 3, views: 7, visitors: 6, leads: 0 }]);
    expect(dashboard.funnel.map((step) => [step.stage, step.value])).toEqual([
      ['reach', 6],
      ['act', 0],
      ['convert', 0],
      ['engage', 0],
    ]);
    expect(dashboard.channels.find((channel) => channel.channel === 'chat')).toMatchObject({
      shares: 3,
      views: 7,
    });
  });

  it('filters by department and ranks departments with their members’ figures', async () => {
    const sales1 = t.demo.departmentIds['销售一部']!;
    const filtered = await get<EmployeeBoardResponse>(
      manager,
      `/api/boards/employees?metric=views&period=today&departmentId=${sales1}`,
    );
    expect(filtered.rows.map((row) => row.value)).toEqual([3, 3, 0]);
    const departments = await get<DepartmentBoardResponse>(
      zhang,
      '/api/boards/departments?metric=views&period=today',
    );
    expect(
      departments.rows.map((row) => [row.department.name, row.rank, row.value, row.metrics.visitors]),
    ).toEqual([
      ['销售一部', 1, 6, 5],
      ['销售二部', 2, 1, 1],
      ['市场部', 3, 0, 0],
    ]);
  });

  it('opens a number to the events behind it, with what was excluded and why', async () => {
    const drill = await get<BoardEventsResponse>(
      manager,
      `/api/boards/events?metric=views&period=today&employeeId=${t.demo.employeeIds[0]}`,
    );
    expect(drill.summary).toEqual({ counted: 3, excluded: { self: 1, colleague: 1, bot: 1, repeat: 1 } });
    expect(drill.items.map((item) => item.reason).sort()).toEqual(
      ['计入', '计入', '计入', '30分钟内重复', '机器人', '本人浏览', '同事浏览'].sort(),
    );
    const firstPage = await get<BoardEventsResponse>(
      zhang,
      `/api/boards/events?metric=views&period=today&limit=4`,
    );
    expect(firstPage.items).toHaveLength(4);
    const rest = await get<BoardEventsResponse>(
      zhang,
      `/api/boards/events?metric=views&period=today&limit=4&cursor=${firstPage.nextCursor}`,
    );
    expect(rest.items).toHaveLength(3);
    expect(rest.nextCursor).toBeNull();
  });

  it('lets employees open only their own numbers, managers their departments, admins everything', async () => {
    const zhangId = t.demo.employeeIds[0]!;
    await get(liu, `/api/boards/events?metric=views&period=today&employeeId=${zhangId}`, 403);
    await get(
      manager,
      `/api/boards/events?metric=views&period=today&employeeId=${t.demo.employeeIds[2]}`,
      403,
    );
    await get(admin, `/api/boards/events?metric=views&period=today&employeeId=${t.demo.employeeIds[2]}`);
    await get(otherAdmin, `/api/boards/events?metric=views&period=today&employeeId=${zhangId}`, 404);
    await get(zhang, '/api/dashboard', 403);
    await get(zhang, '/api/boards/materials', 403);
    await get(manager, `/api/dashboard?departmentId=${t.demo.departmentIds['销售二部']}`, 403);
    const own = await get<DashboardResponse>(manager, '/api/dashboard?period=today');
    expect(own.totals.views).toBe(6);
    const other = await get<EmployeeBoardResponse>(otherAdmin, '/api/boards/employees?period=today');
    expect(other.rows.every((row) => row.value === 0)).toBe(true);
  });

  it('refuses bad queries with a clear message', async () => {
    const response = await t.http
      .get('/api/boards/employees?period=custom&from=2026-01-01')
      .set(bearer(zhang));
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('自定义周期需要开始和结束日期');
    expect((await t.http.get('/api/boards/employees?metric=likes').set(bearer(zhang))).status).toBe(400);
  });

  it('exports boards to Excel and CSV with Chinese headers and file names', async () => {
    const xlsx = await t.http
      .get('/api/boards/employees/export?metric=views&period=today&format=xlsx')
      .set(bearer(manager))
      .buffer(true)
      .parse((res, done) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () => done(null, Buffer.concat(parts)));
      });
    expect(xlsx.status).toBe(200);
    expect(decodeURIComponent(String(xlsx.headers['content-disposition']))).toContain('员工排行-今日-');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as ArrayBuffer);
    const sheet = workbook.getWorksheet('员工排行')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '排名',
      '员工',
      '部门',
      '分享',
      '浏览',
      '访客',
      '转发',
      '新线索',
      'MQL',
      'SQL',
      '成交客户',
    ]);
    expect([sheet.getRow(2).getCell(1).value, sheet.getRow(2).getCell(5).value]).toEqual([1, 3]);

    const csv = await t.http
      .get('/api/boards/departments/export?metric=views&period=today&format=csv')
      .set(bearer(admin));
    expect(csv.text.startsWith('\uFEFF排名,部门,人数,分享,浏览')).toBe(true);
    expect(csv.text).toContain('\r\n1,销售一部,3,2,6,5');
    await get(zhang, '/api/boards/employees/export?format=csv', 403);
  });

  it('rebuilds the same rollups from the raw events as ingest kept', async () => {
    const dataSource = t.get(DataSource);
    const before = await rollupSnapshot(dataSource, t.demo.organizationId);
    expect(before.rollups.length).toBeGreaterThan(0);
    await new RollupRebuild(dataSource, t.get(RollupWriter)).run(t.demo.organizationId, () => undefined, 3);
    expect(await rollupSnapshot(dataSource, t.demo.organizationId)).toEqual(before);
  });

  it('changes the credit split and time zone in settings, rebuilding in the background', async () => {
    await get(manager, '/api/boards/settings', 403);
    const bad = await t.http
      .put('/api/boards/settings')
      .set(bearer(admin))
      .send({ timeZone: 'Mars/Base', creditSplit: 'root' });
    expect(bad.status).toBe(400);
    const response = await t.http
      .put('/api/boards/settings')
      .set(bearer(admin))
      .send({ timeZone: 'Asia/Shanghai', creditSplit: 'chain' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ creditSplit: 'chain', rebuild: { state: 'running' } });
    const { RebuildJobs } = await import('./rebuild-jobs');
    await t.get(RebuildJobs).finished(t.demo.organizationId);
    const progress = await get<{ state: string; processed: number; total: number }>(
      admin,
      '/api/boards/rebuild',
    );
    expect(progress.state).toBe('idle');
    expect(progress.processed).toBe(progress.total);
    const board = await get<EmployeeBoardResponse>(zhang, '/api/boards/employees?metric=views&period=today');
    expect(board.rows[0]!.value).toBe(3);
  });
});
