import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ConsoleDashboardPage from '..';
import { fakeServer, ok, signInAs } from '../../../../../test/page-host';
import { dashboard } from '../../../../../test/fixtures/boards';

jest.mock('@tarojs/taro', () => jest.requireActual('../../../../../test/page-host').taroForPages());

const navigateTo = jest.fn().mockResolvedValue(undefined);
Object.assign(Taro, { navigateTo });

const live = (views: number) => ({
  day: '2026-11-23',
  shares: 5,
  views,
  visitors: 40,
  leads: 2,
  updatedAt: '2026-11-23T06:30:05.000Z',
});

const answers = (liveViews: () => number) => ({
  'GET /api/dashboard?period=month': ok(dashboard),
  'GET /api/dashboard/live': () => ok(live(liveViews())),
  'GET /api/departments': ok({ departments: [], total: 0, unassigned: 0 }),
});

const kpi = (container: HTMLElement, metric: string) => {
  const card = container.querySelector(`.kpi[data-metric="${metric}"]`)!;
  return [
    card.querySelector('.kpi__value')?.textContent,
    card.querySelector('.kpi__change')?.textContent,
    card.querySelector('.kpi__previous')?.textContent,
  ];
};

describe('ConsoleDashboardPage', () => {
  beforeEach(() => signInAs('manager', '00000000-0000-4000-8000-0000000000a9', '李经理'));
  afterEach(() => jest.useRealTimers());

  it('shows the totals with their change against the previous period', async () => {
    fakeServer(answers(() => 634));
    const { container } = render(<ConsoleDashboardPage />);
    await screen.findByText('核心指标');
    expect(kpi(container, 'views')).toEqual(['1,234次', '持平', '上期 1,234']);
    expect(kpi(container, 'shares')).toEqual(['12次', '▲ +50%', '上期 8']);
    expect(kpi(container, 'visitors')).toEqual(['80人', '▼ −20%', '上期 100']);
    expect(kpi(container, 'forwards')).toEqual(['6次', '▲ 新增', '上期 0']);
  });

  it('draws a trend chart per figure, one point per day, with day labels and a round value axis', async () => {
    fakeServer(answers(() => 634));
    const { container } = render(<ConsoleDashboardPage />);
    await screen.findByText('每日趋势');
    const charts = [...container.querySelectorAll('.trend-chart')];
    expect(charts.map((chart) => chart.querySelector('.trend-chart__title')?.textContent)).toEqual([
      '分享',
      '浏览',
      '访客',
      '新线索',
    ]);
    const views = charts[1]!;
    expect(views.querySelectorAll('.trend-chart__dot')).toHaveLength(4);
    expect([...views.querySelectorAll('.trend-chart__day-label')].map((label) => label.textContent)).toEqual([
      '11/20',
      '11/21',
      '11/22',
      '11/23',
    ]);
    expect([...views.querySelectorAll('.trend-chart__grid text')].map((label) => label.textContent)).toEqual([
      '0',
      '200',
      '400',
      '600',
      '800',
    ]);
    expect(views.querySelector('.trend-chart__figure')?.textContent).toBe('合计1,234次');
    // Pointing at a day shows that day's figure.
    fireEvent.click(views.querySelector('svg')!, { clientX: 0 });
    expect(views.querySelector('.trend-chart__figure')?.textContent).toBe('11/20100次');
  });

  it('shows the funnel with conversion rates, the channel mix and the top material and chain', async () => {
    fakeServer(answers(() => 634));
    const { container } = render(<ConsoleDashboardPage />);
    await screen.findByText('营销漏斗');
    const stages = [...container.querySelectorAll('.funnel-chart__row')].map((row) => [
      row.querySelector('.funnel-chart__name')?.textContent,
      row.querySelector('.funnel-chart__value')?.textContent,
      (row.querySelector('.funnel-chart__bar') as HTMLElement).style.width,
    ]);
    expect(stages).toEqual([
      ['触达', '80', '100%'],
      ['激活', '20', '25%'],
      ['转化', '5', '6.25%'],
      ['成交', '1', '2%'],
    ]);
    expect(
      [...container.querySelectorAll('.funnel-chart__rate strong')].map((rate) => rate.textContent),
    ).toEqual(['25%', '25%', '20%']);
    const channels = [...container.querySelectorAll('.donut-chart__row')].map((row) => row.textContent);
    expect(channels).toEqual(['好友聊天分享 8900次72.9%', '朋友圈分享 4334次27.1%']);
    expect(container.querySelector('.top-table__title')?.textContent).toBe('全员营销白皮书');
    expect(container.querySelector('.top-chain .chain-path')?.textContent).toBe('张伟→访客 #3f2a→林女士');
  });

  it("polls today's live counter every 5 seconds and flashes a figure that moved", async () => {
    jest.useFakeTimers();
    let liveViews = 634;
    const sent = fakeServer(answers(() => liveViews));
    render(<ConsoleDashboardPage />);
    await waitFor(() => expect(screen.getByTestId('live-views').textContent).toBe('634'));
    const pollsBefore = sent.filter((request) => request.url === '/api/dashboard/live').length;
    liveViews = 640;
    await act(async () => {
      jest.advanceTimersByTime(5000);
    });
    await waitFor(() => expect(screen.getByTestId('live-views').textContent).toBe('640'));
    expect(screen.getByTestId('live-views').className).toContain('live-counter__value--changed');
    expect(screen.getByTestId('live-shares').className).not.toContain('live-counter__value--changed');
    expect(sent.filter((request) => request.url === '/api/dashboard/live')).toHaveLength(pollsBefore + 1);
  });

  it('opens the events behind a total', async () => {
    fakeServer(answers(() => 634));
    const { container } = render(<ConsoleDashboardPage />);
    await screen.findByText('核心指标');
    fireEvent.click(container.querySelector('.kpi[data-metric="leads"]')!);
    expect(navigateTo).toHaveBeenCalledWith({
      url: `/pages/console/boards/events/index?period=month&metric=leads&label=${encodeURIComponent('我管理的部门')}`,
    });
  });
});
