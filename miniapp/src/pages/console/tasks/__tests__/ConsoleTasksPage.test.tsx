import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { MaterialDto, SharingTaskDetail, TaskTargetsResponse } from '@cardhub/shared';
import ConsoleTasksPage from '..';
import { type SentRequest, fakeServer, ok, signInAs } from '../../../../../test/page-host';

let mockParams: Record<string, string> = {};
jest.mock('@tarojs/taro', () =>
  jest.requireActual('../../../../../test/page-host').taroWithPageHost(() => mockParams),
);

/** Ids as the server hands them out (the form checks them with the shared schema). */
const ID = {
  material: '0b9a3c1e-1111-4c57-9a55-6d2f1a0b7c01',
  salesOne: '0b9a3c1e-2222-4c57-9a55-6d2f1a0b7c01',
  salesTwo: '0b9a3c1e-2222-4c57-9a55-6d2f1a0b7c02',
  east: '0b9a3c1e-2222-4c57-9a55-6d2f1a0b7c03',
  li: '0b9a3c1e-3333-4c57-9a55-6d2f1a0b7c00',
  zhang: '0b9a3c1e-3333-4c57-9a55-6d2f1a0b7c01',
  liu: '0b9a3c1e-3333-4c57-9a55-6d2f1a0b7c02',
  sun: '0b9a3c1e-3333-4c57-9a55-6d2f1a0b7c03',
  chen: '0b9a3c1e-3333-4c57-9a55-6d2f1a0b7c04',
  yang: '0b9a3c1e-3333-4c57-9a55-6d2f1a0b7c05',
};

const inAWeek = new Date(Date.now() + 7 * 24 * 3600_000 + 60_000).toISOString();

const task: SharingTaskDetail = {
  id: 'task-1',
  title: '本周推广白皮书',
  note: '每人至少转发一次到客户群',
  material: { id: ID.material, title: '全员营销白皮书', type: 'article', coverUrl: null },
  status: 'active',
  startsAt: new Date().toISOString(),
  deadline: inAWeek,
  closedAt: null,
  createdBy: { id: 'employee-admin', name: '王总' },
  goal: { shares: 1, views: 2 },
  assignees: 4,
  completed: 1,
  progress: { shares: 4, views: 4 },
  createdAt: new Date().toISOString(),
  departments: [
    {
      departmentId: ID.salesOne,
      name: '销售一部',
      assignees: 3,
      completed: 1,
      progress: { shares: 3, views: 4 },
      goal: { shares: 3, views: 6 },
    },
    {
      departmentId: ID.east,
      name: '销售一部 / 华东组',
      assignees: 1,
      completed: 0,
      progress: { shares: 1, views: 0 },
      goal: { shares: 1, views: 2 },
    },
  ],
  assigneeProgress: [
    {
      employeeId: ID.zhang,
      name: '张伟',
      title: '高级销售顾问',
      departmentId: ID.salesOne,
      departmentName: '销售一部',
      progress: { shares: 1, views: 3 },
      done: true,
    },
    {
      employeeId: ID.sun,
      name: '孙磊',
      title: '销售代表',
      departmentId: ID.east,
      departmentName: '销售一部 / 华东组',
      progress: { shares: 1, views: 0 },
      done: false,
    },
  ],
};

const targets: TaskTargetsResponse = {
  departments: [
    { id: ID.salesOne, parentId: null, name: '销售一部', staff: 3 },
    { id: ID.east, parentId: ID.salesOne, name: '华东组', staff: 1 },
    { id: ID.salesTwo, parentId: null, name: '销售二部', staff: 2 },
  ],
  employees: [
    { id: ID.li, name: '李经理', title: '经理', departmentId: ID.salesOne },
    { id: ID.zhang, name: '张伟', title: '', departmentId: ID.salesOne },
    { id: ID.liu, name: '刘洋', title: '', departmentId: ID.salesOne },
    { id: ID.sun, name: '孙磊', title: '', departmentId: ID.east },
    { id: ID.chen, name: '陈静', title: '', departmentId: ID.salesTwo },
    { id: ID.yang, name: '杨帆', title: '', departmentId: ID.salesTwo },
  ],
};

const material = {
  id: ID.material,
  type: 'article',
  title: '全员营销白皮书',
  category: '行业洞察',
  coverUrl: null,
} as MaterialDto;

const navigateTo = jest.fn().mockResolvedValue(undefined);
const showModal = jest.fn().mockResolvedValue({ confirm: true });
Object.assign(Taro, { navigateTo, showModal, redirectTo: jest.fn(), showToast: jest.fn() });

/** Taro's Input reports typing as an `input` event whose detail carries the value. */
function typeInto(field: Element, value: string) {
  act(() => {
    field.dispatchEvent(new CustomEvent('input', { bubbles: true, detail: { value } }));
  });
}

const listAnswers = {
  'GET /api/tasks': ok({ items: [task, { ...task, id: 'task-2', title: '上月活动', status: 'closed' }] }),
  'GET /api/tasks/targets': ok(targets),
  'GET /api/materials?status=published&limit=50': ok({ items: [material], total: 1 }),
};

describe('ConsoleTasksPage', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    mockParams = {};
    signInAs('admin');
  });

  it('lists tasks with their status and completion, and opens one', async () => {
    fakeServer(listAnswers);
    const { container } = render(<ConsoleTasksPage />);
    expect(await screen.findByText('本周推广白皮书')).toBeTruthy();
    expect(screen.getByText('进行中')).toBeTruthy();
    expect(screen.getByText('已结束')).toBeTruthy();
    expect(screen.getAllByText('1/4 人完成')).toHaveLength(2);
    expect([...container.querySelectorAll('.console-tasks__rate')].map((rate) => rate.textContent)).toEqual([
      '25%',
      '25%',
    ]);
    // The overview counts the running task only.
    const tiles = [...container.querySelectorAll('.stat-tile')].map((tile) => [
      tile.querySelector('.stat-tile__label')?.textContent,
      tile.querySelector('.stat-tile__value-row')?.textContent,
    ]);
    expect(tiles).toEqual([
      ['进行中的任务', '1个'],
      ['目标达成', '25%'],
      ['任务期内分享', '4次'],
      ['带来浏览', '4次'],
    ]);
    fireEvent.click(screen.getByText('本周推广白皮书'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/console/tasks/index?id=task-1' });
  });

  it('creates a task for a department and counts who it will reach, sub-departments included', async () => {
    let created: SentRequest['data'] = null;
    fakeServer({
      ...listAnswers,
      'POST /api/tasks': (body) => {
        created = body;
        return { statusCode: 201, data: { ...task, id: 'task-9' } };
      },
    });
    const { container } = render(<ConsoleTasksPage />);
    fireEvent.click(await screen.findByText('+ 新建任务'));
    expect(await screen.findByText('新建营销任务')).toBeTruthy();

    fireEvent.click(screen.getByText('销售一部', { selector: '.task-form__branch-name' }));
    expect(container.querySelector('.task-form__reach-count')?.textContent).toBe('4');
    fireEvent.click(screen.getByText('陈静'));
    expect(container.querySelector('.task-form__reach-count')?.textContent).toBe('5');

    typeInto(container.querySelector('.task-form__input')!, '本周推广白皮书');
    fireEvent.click(screen.getAllByText('全员营销白皮书')[0]!);
    fireEvent.click(screen.getByText('发布任务'));

    await waitFor(() =>
      expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/console/tasks/index?id=task-9' }),
    );
    expect(created).toEqual({
      title: '本周推广白皮书',
      materialId: ID.material,
      note: '',
      departmentIds: [ID.salesOne],
      employeeIds: [ID.chen],
      deadline: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/),
      goalShares: 1,
      goalViews: 0,
    });
  });

  it('explains what is missing before sending anything, and shows the server’s field errors', async () => {
    const sent = fakeServer({
      ...listAnswers,
      'POST /api/tasks': {
        statusCode: 404,
        data: {
          statusCode: 404,
          error: 'Not Found',
          message: '物料不存在或已下架',
          fields: [
            { path: 'materialId', message: 'materialId must be a published material of your organization' },
          ],
        },
      },
    });
    const { container } = render(<ConsoleTasksPage />);
    fireEvent.click(await screen.findByText('+ 新建任务'));
    fireEvent.click(await screen.findByText('发布任务'));

    expect(await screen.findByText('请填写任务名称（最多 40 字）')).toBeTruthy();
    expect(screen.getByText('请选择一个已发布的物料')).toBeTruthy();
    expect(screen.getByText('请至少选择一个部门或员工')).toBeTruthy();
    expect(sent.filter((request) => request.method === 'POST')).toHaveLength(0);

    typeInto(container.querySelector('.task-form__input')!, '本周推广白皮书');
    fireEvent.click(screen.getAllByText('全员营销白皮书')[0]!);
    fireEvent.click(screen.getByText('张伟'));
    fireEvent.click(screen.getByText('发布任务'));
    await waitFor(() => expect(sent.filter((request) => request.method === 'POST')).toHaveLength(1));
    expect(await screen.findByText('物料不存在或已下架')).toBeTruthy();
    expect(screen.getByText('请选择一个已发布的物料')).toBeTruthy();
    expect(navigateTo).not.toHaveBeenCalled();
  });

  it('shows a task’s progress per department and per person, and closes it', async () => {
    mockParams = { id: 'task-1' };
    fakeServer({
      'GET /api/tasks/task-1': ok(task),
      'POST /api/tasks/task-1/close': ok({ ...task, status: 'closed', closedAt: new Date().toISOString() }),
    });
    const { container } = render(<ConsoleTasksPage />);
    expect(await screen.findByText('部门完成情况')).toBeTruthy();

    const departments = [...container.querySelectorAll('.task-department')].map((row) => ({
      name: row.querySelector('.task-department__name')?.textContent,
      rate: row.querySelector('.task-department__rate')?.textContent,
    }));
    expect(departments).toEqual([
      { name: '销售一部', rate: '1/3 人完成 · 33%' },
      { name: '销售一部 / 华东组', rate: '0/1 人完成 · 0%' },
    ]);
    expect(screen.getByText('张伟')).toBeTruthy();
    expect(screen.getByText('孙磊')).toBeTruthy();
    expect(screen.getByText('已完成')).toBeTruthy();
    expect(screen.getByText('未完成')).toBeTruthy();

    fireEvent.click(screen.getByText('结束任务'));
    expect(await screen.findByText('已结束')).toBeTruthy();
    expect(showModal).toHaveBeenCalled();
    expect(screen.queryByText('结束任务')).toBeNull();
  });

  it('offers closing only to admins and to the manager who created the task', async () => {
    mockParams = { id: 'task-1' };
    signInAs('manager', ID.li, '李经理');
    fakeServer({ 'GET /api/tasks/task-1': ok(task) });
    render(<ConsoleTasksPage />);
    expect(await screen.findByText('部门完成情况')).toBeTruthy();
    expect(screen.queryByText('结束任务')).toBeNull();
  });
});
