import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ConsoleBoardsPage from '..';
import ConsoleBoardEventsPage from '../events';
import { fakeServer, mockRoute, ok, signInAs } from '../../../../../test/page-host';
import { LIU_ID, ZHANG_ID, employeeBoard, materialBoard } from '../../../../../test/fixtures/boards';

jest.mock('@tarojs/taro', () => jest.requireActual('../../../../../test/page-host').taroForPages());

const navigateTo = jest.fn().mockResolvedValue(undefined);
Object.assign(Taro, { navigateTo, redirectTo: jest.fn().mockResolvedValue(undefined) });

const EMPLOYEES = 'GET /api/boards/employees?period=month&metric=views&limit=50&offset=0';
const DEPARTMENTS = { 'GET /api/departments': ok({ departments: [], total: 0, unassigned: 0 }) };
const MANAGER_ID = '00000000-0000-4000-8000-0000000000a9';

const tableRows = (container: HTMLElement) =>
  [...container.querySelectorAll('.ranked-table__row:not(.ranked-table__row--head)')].map((row) =>
    [...row.querySelectorAll('.rank-badge__place, .boards__name, .ranked-table__figure')].map(
      (cell) => cell.textContent,
    ),
  );

describe('ConsoleBoardsPage', () => {
  beforeEach(() => navigateTo.mockClear());

  it('ranks employees with every metric as a column, the ranked one highlighted, and ties sharing a rank', async () => {
    signInAs('manager', MANAGER_ID, '李经理');
    fakeServer({ [EMPLOYEES]: ok({ ...employeeBoard, me: null }), ...DEPARTMENTS });
    const { container } = render(<ConsoleBoardsPage />);
    await screen.findByText('张伟');
    const head = [...container.querySelectorAll('.ranked-table__row--head .ranked-table__figure')].map(
      (cell) => cell.textContent,
    );
    expect(head).toEqual(['分享', '浏览▼', '访客', '转发', '新线索', 'MQL', 'SQL', '成交客户']);
    expect(tableRows(container)).toEqual([
      ['1', '张伟', '3', '12', '11', '0', '2', '0', '0', '0'],
      ['2', '李娜', '2', '9', '8', '0', '0', '0', '0', '0'],
      ['2', '刘洋', '4', '9', '8', '0', '0', '0', '0', '0'],
      ['4', '陈静', '1', '6', '5', '0', '0', '0', '0', '0'],
    ]);
    const ranked = [...container.querySelectorAll('.ranked-table__figure--ranked')].map(
      (cell) => cell.textContent,
    );
    expect(ranked).toEqual(['浏览▼', '12', '9', '9', '6']);
    expect(container.querySelectorAll('.rank-badge__tie')).toHaveLength(2);
    expect(screen.getByText(/本月 · 11月1日 – 11月23日/)).toBeTruthy();
  });

  it('opens the events behind any number of the table', async () => {
    signInAs('manager', MANAGER_ID, '李经理');
    fakeServer({ [EMPLOYEES]: ok(employeeBoard), ...DEPARTMENTS });
    const { container } = render(<ConsoleBoardsPage />);
    await screen.findByText('刘洋');
    const liu = [...container.querySelectorAll('.ranked-table__row')].find((row) =>
      row.textContent?.includes('刘洋'),
    )!;
    fireEvent.click(within(liu as HTMLElement).getByTitle('查看分享明细'));
    expect(navigateTo).toHaveBeenCalledWith({
      url: `/pages/console/boards/events/index?metric=shares&employeeId=${LIU_ID}&label=${encodeURIComponent('刘洋')}&period=month`,
    });
  });

  it('exports the board as shown, with the session, as CSV or Excel', async () => {
    signInAs('manager', MANAGER_ID, '李经理');
    fakeServer({ [EMPLOYEES]: ok(employeeBoard), ...DEPARTMENTS });
    const fetchMock = jest.fn().mockResolvedValue({
      ok: true,
      status: 200,
      headers: new Headers({
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('员工排行-本月-2026-11.xlsx')}`,
      }),
      blob: async () => new Blob(['x']),
    });
    Object.assign(globalThis, { fetch: fetchMock });
    Object.assign(URL, { createObjectURL: () => 'blob:board', revokeObjectURL: () => undefined });
    const saved: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    render(<ConsoleBoardsPage />);
    await screen.findByText('张伟');
    fireEvent.click(screen.getByText('导出 Excel'));
    await waitFor(() => expect(saved).toEqual(['员工排行-本月-2026-11.xlsx']));
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/boards/employees/export?period=month&metric=views&format=xlsx',
      {
        headers: { Authorization: 'Bearer token-manager' },
      },
    );
    fireEvent.click(screen.getByText('导出 CSV'));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    expect(fetchMock.mock.calls[1][0]).toBe(
      '/api/boards/employees/export?period=month&metric=views&format=csv',
    );
  });

  it('ranks materials by the leads they produced, not only shares and views', async () => {
    signInAs('manager', MANAGER_ID, '李经理');
    fakeServer({
      [EMPLOYEES]: ok(employeeBoard),
      'GET /api/boards/materials?period=month&metric=leads&limit=50&offset=0': ok(materialBoard),
      ...DEPARTMENTS,
    });
    const { container } = render(<ConsoleBoardsPage />);
    await screen.findByText('张伟');
    fireEvent.click(screen.getByText('物料回报'));
    await screen.findByText('全员营销白皮书');
    const head = [...container.querySelectorAll('.ranked-table__row--head .ranked-table__figure')].map(
      (cell) => cell.textContent,
    );
    expect(head.slice(0, 4)).toEqual(['新线索▼', 'MQL', 'SQL', '成交客户']);
    expect(tableRows(container)).toEqual([['1', '全员营销白皮书', '3', '2', '1', '0', '6', '40', '0', '0']]);
  });

  it('shows the deepest share chains with the re-sharers along each', async () => {
    signInAs('admin');
    fakeServer({
      [EMPLOYEES]: ok(employeeBoard),
      'GET /api/boards/chains?period=month&order=deepest&limit=20': ok({
        range: employeeBoard.range,
        order: 'deepest',
        rows: [
          {
            rootShareId: 'root-1',
            code: 'Ab3dEf7hJk',
            channel: 'moments',
            createdAt: '2026-11-20T02:00:00.000Z',
            employee: { id: ZHANG_ID, name: '张伟' },
            target: { type: 'card', id: 'card-1', title: '张伟的名片' },
            depth: 2,
            width: 1,
            forwards: 2,
            views: 5,
            visitors: 4,
            path: [
              { name: '张伟', kind: 'employee', depth: 0 },
              { name: '访客 #3f2a', kind: 'visitor', depth: 1 },
              { name: '林女士', kind: 'visitor', depth: 2 },
            ],
          },
        ],
      }),
      ...DEPARTMENTS,
    });
    const { container } = render(<ConsoleBoardsPage />);
    await screen.findByText('张伟');
    fireEvent.click(screen.getByText('转发链路'));
    await screen.findByText('2 层');
    expect(container.querySelector('.chain-path')?.textContent).toBe('张伟→访客 #3f2a→林女士');
    expect(screen.getByText('朋友圈')).toBeTruthy();
  });

  it('offers the statistics settings to admins only', async () => {
    signInAs('manager', MANAGER_ID, '李经理');
    fakeServer({ [EMPLOYEES]: ok(employeeBoard), ...DEPARTMENTS });
    const { unmount } = render(<ConsoleBoardsPage />);
    await screen.findByText('张伟');
    expect(screen.queryByText('统计设置')).toBeNull();
    unmount();

    signInAs('admin');
    fakeServer({
      [EMPLOYEES]: ok(employeeBoard),
      ...DEPARTMENTS,
      'GET /api/boards/settings': ok({
        timeZone: 'Asia/Shanghai',
        creditSplit: 'root',
        rebuild: { state: 'idle', processed: 0, total: 0, startedAt: null, finishedAt: null },
      }),
      'PUT /api/boards/settings': (body) =>
        ok({
          ...(body as object),
          rebuild: {
            state: 'running',
            processed: 120,
            total: 480,
            startedAt: '2026-11-23T02:00:00.000Z',
            finishedAt: null,
          },
        }),
    });
    render(<ConsoleBoardsPage />);
    fireEvent.click(await screen.findByText('统计设置'));
    fireEvent.click(await screen.findByText('在转发链上的员工之间平分'));
    fireEvent.click(screen.getByText('保存并重算'));
    expect(await screen.findByText('正在重新计算… 120 / 480')).toBeTruthy();
    expect((document.querySelector('.progress-bar__fill') as HTMLElement).style.width).toBe('25%');
  });

  it('is not for plain employees', async () => {
    signInAs('employee', ZHANG_ID, '张伟');
    fakeServer({});
    render(<ConsoleBoardsPage />);
    expect(await screen.findByText('你的账号没有「排行榜」的权限，如需开通请联系管理员。')).toBeTruthy();
  });
});

describe('ConsoleBoardEventsPage', () => {
  afterEach(() => {
    mockRoute.params = {};
  });

  it('explains a number: counted, excluded by reason, and each event with its reason, paged by cursor', async () => {
    signInAs('manager', MANAGER_ID, '李经理');
    mockRoute.params = { metric: 'views', period: 'month', employeeId: ZHANG_ID, label: '张伟' };
    const item = (id: string, counted: boolean, verdict: string, reason: string) => ({
      id,
      kind: 'event',
      type: 'view',
      at: '2026-11-21T02:00:00.000Z',
      counted,
      verdict,
      reason,
      visitorLabel: `访客 #${id}`,
      target: { type: 'card', id: 'card-1', title: '张伟的名片' },
      channel: 'chat',
    });
    const base = `GET /api/boards/events?metric=views&period=month&employeeId=${ZHANG_ID}`;
    const summary = { counted: 412, excluded: { self: 3, colleague: 2, bot: 5, repeat: 9 } };
    fakeServer({
      [`${base}&limit=30`]: ok({
        summary,
        items: [item('a1', true, 'counted', '计入'), item('a2', false, 'bot', '机器人')],
        nextCursor: 'next-1',
      }),
      [`${base}&cursor=next-1&limit=30`]: ok({
        summary,
        items: [item('a3', false, 'repeat', '30分钟内重复'), item('a4', false, 'colleague', '同事浏览')],
        nextCursor: null,
      }),
    });
    const { container } = render(<ConsoleBoardEventsPage />);
    await screen.findByText('加载更多');
    expect(container.querySelector('.board-events__counted-value')?.textContent).toBe('412');
    const reasons = [...container.querySelectorAll('.board-events__reason')].map(
      (reason) => reason.textContent,
    );
    expect(reasons).toEqual(['本人3', '同事2', '机器人5', '30分钟内重复9']);
    fireEvent.click(screen.getByText('加载更多'));
    await screen.findByText('同事浏览');
    const verdicts = [...container.querySelectorAll('.board-events__item .board-events__verdict')].map(
      (verdict) => verdict.textContent,
    );
    expect(verdicts).toEqual(['计入', '机器人', '30分钟内重复', '同事浏览']);
    expect(screen.getByText('已显示全部 4 条')).toBeTruthy();
  });
});
