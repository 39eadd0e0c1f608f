import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ConsoleMaterialsPage from '..';
import { exampleMaterial } from '../../../../../test/fixtures/material';
import { signInAs } from '../../../../../test/page-host';
import { changeMaterialStatus } from '../../../../services/material-admin';
import { listMaterials } from '../../../../services/materials';

jest.mock('../../../../services/material-admin');
jest.mock('../../../../services/materials');
// Taro shows a page once it mounts; jsdom has no page host, so "shown" means "mounted" here.
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro');
  const { useEffect } = jest.requireActual('react');
  return {
    ...actual,
    __esModule: true,
    default: actual.default ?? actual,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once, as a page is shown once on mount
    useDidShow: (callback: () => void) => useEffect(() => callback(), []),
  };
});

const article = exampleMaterial();
const draft = exampleMaterial({
  id: '5a6c2b9e-8d5f-4c57-9a55-6d2f1a0b7c11',
  title: '新品海报',
  type: 'poster',
  status: 'draft',
  body: null,
});

const showModal = jest.fn();
const navigateTo = jest.fn();
Object.assign(Taro, { showModal, navigateTo, redirectTo: jest.fn() });

describe('ConsoleMaterialsPage', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    signInAs('admin');
    jest.mocked(listMaterials).mockResolvedValue({ items: [article, draft], total: 2 });
  });

  const rowOf = (title: string) => screen.getByText(title).closest('.material-admin__row') as HTMLElement;

  it('lists every status with its badge, and filters by status and search', async () => {
    render(<ConsoleMaterialsPage />);
    await screen.findByText(article.title);
    expect(within(rowOf(article.title)).getByText('已发布')).toBeTruthy();
    expect(within(rowOf('新品海报')).getByText('草稿')).toBeTruthy();
    // Drafts can be published; only published ones have figures and can be archived.
    expect(within(rowOf('新品海报')).getByText('发布')).toBeTruthy();
    expect(within(rowOf('新品海报')).queryByText('数据')).toBeNull();

    fireEvent.click(screen.getByRole('tab', { name: '已归档' }));
    await waitFor(() =>
      expect(listMaterials).toHaveBeenLastCalledWith({
        status: 'archived',
        q: undefined,
        page: 1,
        limit: 20,
      }),
    );
    fireEvent.change(screen.getByPlaceholderText('搜索标题或摘要'), { target: { value: ' 名片 ' } });
    fireEvent.click(screen.getByText('搜索'));
    await waitFor(() =>
      expect(listMaterials).toHaveBeenLastCalledWith({
        status: 'archived',
        q: '名片',
        page: 1,
        limit: 20,
      }),
    );
  });

  it('archives only after the admin confirms, then reloads', async () => {
    render(<ConsoleMaterialsPage />);
    await screen.findByText(article.title);
    showModal.mockResolvedValueOnce({ confirm: false });
    fireEvent.click(within(rowOf(article.title)).getByText('归档'));
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1));
    expect(showModal.mock.calls[0][0].content).toContain('已发出的链接也会失效');
    expect(changeMaterialStatus).not.toHaveBeenCalled();

    showModal.mockResolvedValueOnce({ confirm: true });
    jest.mocked(changeMaterialStatus).mockResolvedValue({ ...article, status: 'archived' });
    fireEvent.click(within(rowOf(article.title)).getByText('归档'));
    await waitFor(() => expect(changeMaterialStatus).toHaveBeenCalledWith(article.id, 'archive'));
    await waitFor(() => expect(listMaterials).toHaveBeenCalledTimes(2));
  });

  it('opens the editor and the figures of a material', async () => {
    render(<ConsoleMaterialsPage />);
    await screen.findByText(article.title);
    fireEvent.click(within(rowOf(article.title)).getByText('数据'));
    expect(navigateTo).toHaveBeenLastCalledWith({
      url: `/pages/console/materials/stats/index?id=${article.id}`,
    });
    fireEvent.click(screen.getByText('新建物料'));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/pages/console/materials/edit/index' });
  });

  it('tells an employee without the role that the page is not theirs', async () => {
    signInAs('manager');
    render(<ConsoleMaterialsPage />);
    expect(await screen.findByText('你的账号没有「物料」的权限，如需开通请联系管理员。')).toBeTruthy();
    expect(listMaterials).not.toHaveBeenCalled();
  });
});
