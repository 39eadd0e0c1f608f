import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import MaterialEditPage from '..';
import { exampleMaterial } from '../../../../../../test/fixtures/material';
import { signInAs } from '../../../../../../test/page-host';
import {
  changeMaterialStatus,
  saveMaterial,
  uploadMaterialMedia,
} from '../../../../../services/material-admin';
import { getMaterial } from '../../../../../services/materials';
import { ApiError } from '../../../../../services/request';

jest.mock('../../../../../services/material-admin');
jest.mock('../../../../../services/materials');
let routerParams: Record<string, string> = {};
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro');
  return {
    ...actual,
    __esModule: true,
    default: actual.default ?? actual,
    useRouter: () => ({ params: routerParams }),
  };
});

const type = (placeholder: string, value: string) =>
  fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } });

describe('MaterialEditPage', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    signInAs('admin');
    routerParams = {};
  });

  it('creates a product: tags split, half-typed specification rows left out', async () => {
    const saved = exampleMaterial({ type: 'product', status: 'draft', title: '企业版' });
    jest.mocked(saveMaterial).mockResolvedValue(saved);
    render(<MaterialEditPage />);
    fireEvent.click(screen.getByRole('radio', { name: '产品' }));
    type('客户在分享卡片上看到的标题', '企业版');
    type('如：私域，全员营销', '名片， 获客,名片');
    fireEvent.click(screen.getByText('添加一行'));
    fireEvent.click(screen.getByText('添加一行'));
    const [firstName, secondName] = screen.getAllByPlaceholderText('名称，如：部署方式');
    fireEvent.change(firstName!, { target: { value: '部署' } });
    fireEvent.change(screen.getAllByPlaceholderText('内容，如：公有云 / 私有化')[0]!, {
      target: { value: '私有化' },
    });
    fireEvent.change(secondName!, { target: { value: '只填了名称' } });
    fireEvent.click(screen.getByText('保存'));

    await waitFor(() => expect(saveMaterial).toHaveBeenCalledTimes(1));
    expect(saveMaterial).toHaveBeenCalledWith(
      null,
      expect.objectContaining({
        type: 'product',
        title: '企业版',
        tags: ['名片', '获客'],
        specs: [{ name: '部署', value: '私有化' }],
        body: '',
      }),
    );
    expect(await screen.findByText('已保存')).toBeTruthy();
  });

  it("shows the server's field errors under the fields, in the admin's words", async () => {
    jest.mocked(saveMaterial).mockRejectedValue(
      new ApiError(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid request body',
        fields: [{ path: 'tags.0', message: 'tags.0 must be at most 20 characters' }],
      }),
    );
    render(<MaterialEditPage />);
    type('客户在分享卡片上看到的标题', '白皮书');
    type('如：私域，全员营销', '一个超过二十个字的标签一个超过二十个字的标签');
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('每个标签 1–20 字，最多 10 个')).toBeTruthy();
    expect(screen.getByText('请按提示修改后再保存')).toBeTruthy();
  });

  it('does not publish a poster without its image', async () => {
    routerParams = { id: 'poster-1' };
    const poster = exampleMaterial({
      id: 'poster-1',
      type: 'poster',
      status: 'draft',
      body: null,
      title: '发布会海报',
    });
    jest.mocked(getMaterial).mockResolvedValue(poster);
    jest.mocked(saveMaterial).mockResolvedValue(poster);
    render(<MaterialEditPage />);
    expect(await screen.findByDisplayValue('发布会海报')).toBeTruthy();
    // The type of a stored material cannot change.
    expect((screen.getByRole('radio', { name: '图文' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByText('发布'));
    expect(await screen.findByText('请先上传海报图片')).toBeTruthy();
    expect(changeMaterialStatus).not.toHaveBeenCalled();
  });

  it('saves a new video as a draft before uploading its file, showing the progress', async () => {
    const draft = exampleMaterial({
      id: 'video-1',
      type: 'video',
      status: 'draft',
      body: null,
      title: '案例视频',
    });
    jest.mocked(saveMaterial).mockResolvedValue(draft);
    let reportProgress: (fraction: number) => void = () => undefined;
    let finishUpload: () => void = () => undefined;
    jest.mocked(uploadMaterialMedia).mockImplementation(
      (_id, _file, onProgress) =>
        new Promise((resolve) => {
          reportProgress = onProgress!;
          finishUpload = () => resolve({ ...draft, mediaUrl: 'http://localhost/uploads/videos/a.mp4' });
        }),
    );
    const { container } = render(<MaterialEditPage />);
    fireEvent.click(screen.getByRole('radio', { name: '视频' }));
    type('客户在分享卡片上看到的标题', '案例视频');
    const videoInput = container.querySelector('input[accept="video/mp4,video/webm"]') as HTMLInputElement;
    fireEvent.change(videoInput, {
      target: { files: [new File(['mp4'], 'case.mp4', { type: 'video/mp4' })] },
    });

    await waitFor(() =>
      expect(uploadMaterialMedia).toHaveBeenCalledWith('video-1', expect.any(File), expect.any(Function)),
    );
    expect(saveMaterial).toHaveBeenCalledWith(
      null,
      expect.objectContaining({ type: 'video', title: '案例视频' }),
    );
    act(() => reportProgress(0.42));
    expect(await screen.findByText('上传中 42%')).toBeTruthy();
    act(() => finishUpload());
    expect(await screen.findByText('文件已上传')).toBeTruthy();
    expect(screen.getByDisplayValue('http://localhost/uploads/videos/a.mp4')).toBeTruthy();
  });
});
