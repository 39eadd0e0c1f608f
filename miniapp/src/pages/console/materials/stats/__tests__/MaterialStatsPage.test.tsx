import { render, screen } from '@testing-library/react';
import type { MaterialStats } from '@cardhub/shared';
import MaterialStatsPage from '..';
import { fakeServer, ok, signInAs } from '../../../../../../test/page-host';
import { formatReadTime } from '../readingFormat';

let mockParams: Record<string, string> = {};
jest.mock('@tarojs/taro', () =>
  jest.requireActual('../../../../../../test/page-host').taroWithPageHost(() => mockParams),
);

const stats: MaterialStats = {
  material: {
    id: 'material-1',
    title: '全员营销白皮书',
    type: 'article',
    status: 'published',
    coverUrl: null,
    publishedAt: '2026-11-20T02:00:00.000Z',
  },
  shares: 2,
  views: 4,
  visitors: 4,
  averageReadSeconds: 28.8,
  averageReadDepth: 43.8,
  fullReads: 1,
  fullReadRate: 0.25,
  depthDistribution: [
    { depth: 0, visits: 1 },
    { depth: 25, visits: 2 },
    { depth: 50, visits: 0 },
    { depth: 75, visits: 0 },
    { depth: 100, visits: 1 },
  ],
  video: { plays: 0, completions: 0 },
  forwards: 2,
  deepestChain: 2,
  leads: 1,
  topSharers: [
    { employeeId: 'zhang', name: '张伟', departmentName: '销售一部', shares: 1, views: 3 },
    { employeeId: 'liu', name: '刘洋', departmentName: '销售一部', shares: 1, views: 1 },
  ],
  chain: [
    {
      code: 'Ab3dEf7hJk',
      depth: 0,
      channel: 'chat',
      sharer: { kind: 'employee', label: '张伟' },
      views: 2,
      createdAt: '2026-11-21T02:00:00.000Z',
      children: [
        {
          code: 'Bc4eFg8iKl',
          depth: 1,
          channel: 'moments',
          sharer: { kind: 'visitor', label: '访客 #3f2a' },
          views: 1,
          createdAt: '2026-11-21T03:00:00.000Z',
          children: [
            {
              code: 'Cd5fGh9jLm',
              depth: 2,
              channel: 'group',
              sharer: { kind: 'visitor', label: '林女士' },
              views: 0,
              createdAt: '2026-11-21T04:00:00.000Z',
              children: [],
            },
          ],
        },
      ],
    },
  ],
  chainOmitted: 3,
};

const tileValue = (container: HTMLElement, label: string) => {
  const tile = [...container.querySelectorAll('.stat-tile')].find(
    (element) => element.querySelector('.stat-tile__label')?.textContent === label,
  );
  return tile?.querySelector('.stat-tile__value-row')?.textContent;
};

describe('MaterialStatsPage', () => {
  beforeEach(() => {
    signInAs('admin');
    mockParams = { id: 'material-1' };
  });

  it('shows the figures as tiles', async () => {
    fakeServer({ 'GET /api/materials/material-1/stats': ok(stats) });
    const { container } = render(<MaterialStatsPage />);
    expect(await screen.findByText('全员营销白皮书')).toBeTruthy();
    expect(
      Object.fromEntries(
        [
          '浏览量',
          '访客数',
          '员工分享',
          '访客转发',
          '最深链路',
          '产生线索',
          '平均阅读时长',
          '平均阅读深度',
          '完读率',
        ].map((label) => [label, tileValue(container, label)]),
      ),
    ).toEqual({
      浏览量: '4次',
      访客数: '4人',
      员工分享: '2次',
      访客转发: '2次',
      最深链路: '2层',
      产生线索: '1条',
      平均阅读时长: '28.8秒',
      平均阅读深度: '43.8%',
      完读率: '25%',
    });
    // An article nobody played a video in has no video tile.
    expect(tileValue(container, '视频播放 / 完播')).toBeUndefined();
  });

  it('draws the read-depth distribution relative to the most common depth', async () => {
    fakeServer({ 'GET /api/materials/material-1/stats': ok(stats) });
    const { container } = render(<MaterialStatsPage />);
    await screen.findByText('阅读深度分布');
    const bars = [...container.querySelectorAll('.depth-bar')].map((bar) => [
      bar.querySelector('.depth-bar__label')?.textContent,
      (bar.querySelector('.depth-bar__fill') as HTMLElement).style.width,
      bar.querySelector('.depth-bar__count')?.textContent,
    ]);
    expect(bars).toEqual([
      ['未滚动', '50%', '1 25%'],
      ['25%', '100%', '2 50%'],
      ['50%', '0%', '0 0%'],
      ['75%', '0%', '0 0%'],
      ['读完', '50%', '1 25%'],
    ]);
  });

  it('ranks the sharers and indents the share chain by forward depth', async () => {
    fakeServer({ 'GET /api/materials/material-1/stats': ok(stats) });
    const { container } = render(<MaterialStatsPage />);
    await screen.findByText('分享排行');
    const sharers = [...container.querySelectorAll('.material-stats__sharer')].map(
      (cell) => cell.textContent,
    );
    expect(sharers).toEqual(['张伟销售一部', '刘洋销售一部']);
    const nodes = [...container.querySelectorAll('.chain-tree__node')].map((node) => [
      node.className.match(/level-(\d)/)?.[1],
      node.querySelector('.chain-tree__label')?.textContent,
      node.querySelector('.chain-tree__channel')?.textContent,
      node.querySelector('.chain-tree__views-count')?.textContent,
    ]);
    expect(nodes).toEqual([
      ['0', '张伟', '微信好友', '2'],
      ['1', '访客 #3f2a', '朋友圈', '1'],
      ['2', '林女士', '微信群', '0'],
    ]);
    expect(screen.getByText('另有 3 次分享浏览较少，未列出')).toBeTruthy();
  });

  it('explains an unknown material', async () => {
    fakeServer({});
    render(<MaterialStatsPage />);
    expect(await screen.findByText('不存在')).toBeTruthy();
  });

  it.each([
    [28.8, '28.8', '秒'],
    [125, '2分05', '秒'],
  ])('formats %d seconds of reading as %s %s', (seconds, value, unit) => {
    expect(formatReadTime(seconds)).toEqual({ value, unit });
  });
});
