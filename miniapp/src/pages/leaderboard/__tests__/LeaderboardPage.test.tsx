import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import LeaderboardPage from '..';
import LeaderboardEventsPage from '../events';
import { fakeServer, mockRoute, ok, signInAs } from '../../../../test/page-host';
import { CHEN_ID, departmentBoard, employeeBoard } from '../../../../test/fixtures/boards';

jest.mock('@tarojs/taro', () => jest.requireActual('../../../../test/page-host').taroForPages());

const navigateTo = jest.fn().mockResolvedValue(undefined);
Object.assign(Taro, { navigateTo });

const rowsOf = (container: HTMLElement) =>
  [...container.querySelectorAll('.leaderboard__row')].map((row) => [
    row.querySelector('.rank-badge__place')?.textContent,
    row.querySelector('.rank-badge__tie') ? '并列' : '',
    row.querySelector('.leaderboard__name')?.textContent,
    row.querySelector('.leaderboard__value')?.textContent,
  ]);

describe('LeaderboardPage', () => {
  beforeEach(() => {
    signInAs('employee', CHEN_ID, '陈静');
    navigateTo.mockClear();
  });

  it('ranks the organization with ties sharing a place, and pins my standing with the gap to the next place', async () => {
    fakeServer({ 'GET /api/boards/employees?period=week&metric=views&limit=50': ok(employeeBoard) });
    const { container } = render(<LeaderboardPage />);
    await screen.findByText('张伟');
    expect(rowsOf(container)).toEqual([
      ['1', '', '张伟', '12次'],
      ['2', '并列', '李娜', '9次'],
      ['2', '并列', '刘洋', '9次'],
      ['4', '', '陈静（我）', '6次'],
    ]);
    expect(container.querySelector('.leaderboard__row--me')?.textContent).toContain('陈静');
    expect(screen.getByText('第 4 名 · 距上一名还差 4')).toBeTruthy();
  });

  it('says when I lead instead of a gap', async () => {
    const leading = { ...employeeBoard, me: { rank: 1, value: 12, total: 4, gapToNext: null, next: null } };
    fakeServer({ 'GET /api/boards/employees?period=week&metric=views&limit=50': ok(leading) });
    render(<LeaderboardPage />);
    expect(await screen.findByText('第 1 名 · 暂列第一')).toBeTruthy();
  });

  it('switches metric, period and board, asking the server for each', async () => {
    const sent = fakeServer({
      'GET /api/boards/employees?period=week&metric=views&limit=50': ok(employeeBoard),
      'GET /api/boards/employees?period=week&metric=leads&limit=50': ok({
        ...employeeBoard,
        metric: 'leads',
      }),
      'GET /api/boards/employees?period=today&metric=leads&limit=50': ok(employeeBoard),
      'GET /api/boards/departments?period=today&metric=leads&limit=50': ok(departmentBoard),
    });
    const { container } = render(<LeaderboardPage />);
    await screen.findByText('张伟');
    fireEvent.click(screen.getByText('新线索'));
    await waitFor(() =>
      expect(sent.map((request) => request.url)).toContain(
        '/api/boards/employees?period=week&metric=leads&limit=50',
      ),
    );
    fireEvent.click(screen.getByText('今日'));
    await waitFor(() =>
      expect(sent.map((request) => request.url)).toContain(
        '/api/boards/employees?period=today&metric=leads&limit=50',
      ),
    );
    fireEvent.click(screen.getByText('部门榜'));
    await screen.findByText('销售一部');
    expect(rowsOf(container)).toEqual([['1', '', '销售一部', '27条']]);
    // The department board has no personal standing.
    expect(container.querySelector('.leaderboard__mine')).toBeNull();
  });

  it('opens the events behind my own number', async () => {
    fakeServer({ 'GET /api/boards/employees?period=week&metric=views&limit=50': ok(employeeBoard) });
    render(<LeaderboardPage />);
    fireEvent.click(await screen.findByText('明细 ›'));
    expect(navigateTo).toHaveBeenCalledWith({
      url: `/pages/leaderboard/events/index?period=week&metric=views&employeeId=${CHEN_ID}&label=${encodeURIComponent('我')}`,
    });
  });

  it('explains a failure', async () => {
    fakeServer({});
    render(<LeaderboardPage />);
    expect(await screen.findByText('不存在')).toBeTruthy();
  });
});

describe('LeaderboardEventsPage', () => {
  it('shows what counted and why the rest did not', async () => {
    signInAs('employee', CHEN_ID, '陈静');
    mockRoute.params = { metric: 'views', period: 'week', employeeId: CHEN_ID, label: '%E6%88%91' };
    fakeServer({
      [`GET /api/boards/events?metric=views&period=week&employeeId=${CHEN_ID}&limit=30`]: ok({
        summary: { counted: 6, excluded: { self: 2, colleague: 1, bot: 1, repeat: 3 } },
        items: [
          {
            id: 'e1',
            kind: 'event',
            type: 'view',
            at: '2026-11-23T02:00:00.000Z',
            counted: false,
            verdict: 'self',
            reason: '本人浏览',
            visitorLabel: '陈静',
            target: { type: 'card', id: 'c1', title: '陈静的名片' },
            channel: 'chat',
          },
        ],
        nextCursor: null,
      }),
    });
    const { container } = render(<LeaderboardEventsPage />);
    expect(await screen.findByText('本人浏览')).toBeTruthy();
    expect(screen.getByText('浏览 · 本周')).toBeTruthy();
    expect(container.querySelector('.board-events__counted-value')?.textContent).toBe('6');
    expect(container.querySelector('.board-events__excluded-total')?.textContent).toBe('7');
    mockRoute.params = {};
  });
});
