import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { MyTaskDto } from '@cardhub/shared';
import MyTasksPage from '..';
import { fakeServer, ok } from '../../../../test/page-host';

jest.mock('@tarojs/taro', () =>
  jest.requireActual('../../../../test/page-host').taroWithPageHost(() => ({})),
);

const inThreeDays = new Date(Date.now() + 3 * 24 * 3600_000 + 60_000).toISOString();

const halfway: MyTaskDto = {
  id: 'task-1',
  title: '本周推广白皮书',
  note: '每人至少转发一次到客户群',
  material: { id: 'material-1', title: '全员营销白皮书', type: 'article', coverUrl: null },
  deadline: inThreeDays,
  goal: { shares: 2, views: 10 },
  progress: { shares: 1, views: 4 },
  done: false,
};
const finished: MyTaskDto = {
  ...halfway,
  id: 'task-2',
  title: '新品发布会邀请',
  note: '',
  material: { id: 'material-2', title: '2026 春季新品发布会', type: 'poster', coverUrl: null },
  goal: { shares: 1, views: 0 },
  progress: { shares: 3, views: 7 },
  done: true,
};

const navigateTo = jest.fn().mockResolvedValue(undefined);
Object.assign(Taro, { navigateTo });

describe('MyTasksPage', () => {
  beforeEach(() => navigateTo.mockClear());

  it('shows each open task with bars toward its goals and the time left', async () => {
    fakeServer({ 'GET /api/me/tasks': ok({ items: [halfway, finished] }) });
    const { container } = render(<MyTasksPage />);

    expect(await screen.findByText('本周推广白皮书')).toBeTruthy();
    expect(screen.getByText('个任务待完成 · 共 2 个进行中')).toBeTruthy();
    expect(screen.getByText('每人至少转发一次到客户群')).toBeTruthy();
    expect(screen.getByText('还剩 3 天')).toBeTruthy();
    expect(screen.getByText('已完成')).toBeTruthy();

    const [first, second] = [...container.querySelectorAll('.my-task')];
    const bars = (task: Element) =>
      [...task.querySelectorAll('.progress-bar')].map((bar) => ({
        label: bar.querySelector('.progress-bar__label')?.textContent,
        width: (bar.querySelector('.progress-bar__fill') as HTMLElement).style.width,
        reached: bar.classList.contains('progress-bar--reached'),
      }));
    expect(bars(first!)).toEqual([
      { label: '分享次数', width: '50%', reached: false },
      { label: '带来浏览', width: '40%', reached: false },
    ]);
    // A goal of 0 views is no goal: only the shares bar, full and green.
    expect(bars(second!)).toEqual([{ label: '分享次数', width: '100%', reached: true }]);
  });

  it('opens the material to share when a task is tapped', async () => {
    fakeServer({ 'GET /api/me/tasks': ok({ items: [halfway] }) });
    render(<MyTasksPage />);
    fireEvent.click(await screen.findByText('去分享 ›'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/material/detail/index?id=material-1' });
  });

  it('says so when there is nothing to do', async () => {
    fakeServer({ 'GET /api/me/tasks': ok({ items: [] }) });
    render(<MyTasksPage />);
    expect(await screen.findByText('现在没有需要完成的任务')).toBeTruthy();
  });

  it('offers a retry when loading fails', async () => {
    const sent = fakeServer({});
    render(<MyTasksPage />);
    expect(await screen.findByText('任务加载失败，请检查网络')).toBeTruthy();
    fakeServer({ 'GET /api/me/tasks': ok({ items: [halfway] }) });
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('本周推广白皮书')).toBeTruthy();
    expect(sent).toHaveLength(1);
  });
});
