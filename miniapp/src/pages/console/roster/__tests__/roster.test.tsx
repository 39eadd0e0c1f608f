import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type {
  DepartmentListResponse,
  EmployeeDto,
  EmployeeImportDto,
  InvitationDto,
  LoginResponse,
} from '@cardhub/shared';
import RosterPage from '..';
import * as roster from '../../../../services/roster';
import { saveSession } from '../../../../services/session';

jest.mock('../../../../services/roster', () => ({
  ...jest.requireActual('../../../../services/roster'),
  fetchDepartments: jest.fn(),
  fetchEmployees: jest.fn(),
  setEmployeeDisabled: jest.fn(),
  createEmployee: jest.fn(),
  startEmployeeImport: jest.fn(),
  fetchEmployeeImport: jest.fn(),
}));
const api = roster as jest.Mocked<typeof roster>;

const ADMIN_ID = '00000000-0000-4000-8000-000000000001';
const SALES_ID = '00000000-0000-4000-8000-0000000000d1';
const EAST_ID = '00000000-0000-4000-8000-0000000000d2';

const departments: DepartmentListResponse = {
  departments: [
    { id: SALES_ID, name: '销售部', parentId: null, sortOrder: 0, employeeCount: 1 },
    { id: EAST_ID, name: '华东组', parentId: SALES_ID, sortOrder: 0, employeeCount: 2 },
  ],
  totalEmployees: 4,
  unassignedEmployees: 1,
};

const person = (fields: Partial<EmployeeDto>): EmployeeDto => ({
  id: '00000000-0000-4000-8000-000000000099',
  name: '张伟',
  title: '高级销售顾问',
  phone: '13800138001',
  email: '',
  role: 'employee',
  status: 'active',
  departmentId: EAST_ID,
  departmentPath: '销售部/华东组',
  hasConsoleLogin: false,
  joinedAt: '2026-11-01T08:00:00.000Z',
  createdAt: '2026-11-01T08:00:00.000Z',
  invitation: null,
  ...fields,
});
const zhang = person({ id: '00000000-0000-4000-8000-000000000002' });
const admin = person({ id: ADMIN_ID, name: '王总', role: 'admin', departmentId: null, departmentPath: null });
const pending = person({
  id: '00000000-0000-4000-8000-000000000003',
  name: '孙悦',
  status: 'invited',
  joinedAt: null,
  invitation: {
    code: 'AbCdEfGhIjKlMnOpQrStUvWx',
    expiresAt: new Date(Date.now() + 3.5 * 86_400_000).toISOString(),
  },
});

const job = (fields: Partial<EmployeeImportDto>): EmployeeImportDto => ({
  id: 'import-1',
  fileName: '花名册.csv',
  status: 'running',
  total: 10,
  processed: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  failed: 0,
  errors: [],
  failure: null,
  createdAt: '2026-11-23T08:00:00.000Z',
  finishedAt: null,
  ...fields,
});

function signInAsAdmin() {
  const session: LoginResponse = {
    token: 'token',
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    role: 'admin',
    principal: {
      kind: 'employee',
      employeeId: ADMIN_ID,
      organizationId: 'org',
      organizationName: '星辰科技',
      role: 'admin',
      name: '王总',
    },
  };
  saveSession(session);
}

async function renderPage() {
  render(<RosterPage />);
  await screen.findByText('孙悦');
}

beforeEach(() => {
  jest.resetAllMocks();
  signInAsAdmin();
  api.fetchDepartments.mockResolvedValue(departments);
  api.fetchEmployees.mockResolvedValue({ items: [pending, zhang, admin], total: 3 });
});

describe('roster console page', () => {
  it('shows the department tree with head counts beside the people, their roles and states', async () => {
    await renderPage();
    const tree = screen.getByText('组织架构').closest('.roster-tree') as HTMLElement;
    expect(within(tree).getByText('全部员工')).toBeTruthy();
    expect(within(tree).getByText('销售部').parentElement?.textContent).toContain('3');
    expect(within(tree).getByText('未分配部门')).toBeTruthy();

    const row = screen.getByTestId(`employee-${pending.id}`);
    expect(within(row).getByText('待加入')).toBeTruthy();
    expect(within(row).getByText('3 天后过期')).toBeTruthy();
    expect(within(screen.getByTestId(`employee-${admin.id}`)).getByText('管理员')).toBeTruthy();
    // Nobody can disable themselves: no 停用 on the admin's own row.
    expect(within(screen.getByTestId(`employee-${admin.id}`)).queryByText('停用')).toBeNull();

    fireEvent.click(within(tree).getByText('华东组'));
    await waitFor(() =>
      expect(api.fetchEmployees).toHaveBeenLastCalledWith(
        expect.objectContaining({ departmentId: EAST_ID, page: 1 }),
      ),
    );
    expect(within(tree).getByText('添加子部门')).toBeTruthy();
  });

  it('asks for confirmation before disabling someone, and disables only when confirmed', async () => {
    api.setEmployeeDisabled.mockResolvedValue({ ...zhang, status: 'disabled' });
    await renderPage();

    fireEvent.click(within(screen.getByTestId(`employee-${zhang.id}`)).getByText('停用'));
    const dialog = await screen.findByRole('dialog', { name: '停用 张伟？' });
    expect(within(dialog).getByText(/将立即退出登录/)).toBeTruthy();
    fireEvent.click(within(dialog).getByText('取消'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.setEmployeeDisabled).not.toHaveBeenCalled();

    fireEvent.click(within(screen.getByTestId(`employee-${zhang.id}`)).getByText('停用'));
    const again = await screen.findByRole('dialog', { name: '停用 张伟？' });
    fireEvent.click(within(again).getAllByText('停用').at(-1)!);
    await waitFor(() => expect(api.setEmployeeDisabled).toHaveBeenCalledWith(zhang.id, true));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('imports a file: shows the progress, then the counts and each bad row with its line', async () => {
    api.startEmployeeImport.mockResolvedValue(job({}));
    api.fetchEmployeeImport.mockResolvedValueOnce(job({ processed: 5 })).mockResolvedValueOnce(
      job({
        status: 'done',
        processed: 10,
        created: 6,
        updated: 1,
        unchanged: 1,
        failed: 2,
        errors: [
          { line: 4, message: '姓名不能为空' },
          { line: 9, message: '手机号与第 2 行重复' },
        ],
        finishedAt: '2026-11-23T08:00:05.000Z',
      }),
    );
    await renderPage();

    fireEvent.click(screen.getByText('批量导入'));
    const dialog = await screen.findByRole('dialog', { name: '批量导入员工' });
    expect(within(dialog).getByText('下载导入模板（CSV）').getAttribute('href')).toBe(
      '/api/employee-imports/template.csv',
    );
    const file = new File(['姓名,手机号\n'], '花名册.csv', { type: 'text/csv' });
    fireEvent.change(within(dialog).getByLabelText('选择导入文件'), { target: { files: [file] } });
    expect(within(dialog).getByText('花名册.csv')).toBeTruthy();
    fireEvent.click(within(dialog).getByText('开始导入'));

    expect(await within(dialog).findByText('已处理 5 / 10 行（50%）', {}, { timeout: 3000 })).toBeTruthy();
    expect(within(dialog).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('50');
    expect(api.startEmployeeImport).toHaveBeenCalledWith(file);

    expect(await within(dialog).findByText(/导入完成：10 行中 8 行成功/, {}, { timeout: 3000 })).toBeTruthy();
    const counts = dialog.querySelector('.roster-import__counts') as HTMLElement;
    expect(within(counts).getByText('6').nextSibling?.textContent).toBe('新增');
    expect(within(dialog).getByText('第 4 行')).toBeTruthy();
    expect(within(dialog).getByText('姓名不能为空')).toBeTruthy();
    expect(within(dialog).getByText('手机号与第 2 行重复')).toBeTruthy();
    // The roster reloads with the imported people.
    await waitFor(() => expect(api.fetchEmployees.mock.calls.length).toBeGreaterThan(1));
  });

  it('keeps the file picker open with the reason when the server refuses the file', async () => {
    const { ApiError } = jest.requireActual('../../../../services/request');
    api.startEmployeeImport.mockRejectedValue(
      new ApiError(415, {
        statusCode: 415,
        error: 'Unsupported Media Type',
        message: '文件必须是 CSV 或 Excel（.xlsx）格式',
      }),
    );
    await renderPage();
    fireEvent.click(screen.getByText('批量导入'));
    const dialog = await screen.findByRole('dialog', { name: '批量导入员工' });
    fireEvent.click(within(dialog).getByText('开始导入'));
    expect(within(dialog).getByText('请先选择要导入的文件')).toBeTruthy();

    const file = new File(['MZ'], 'virus.csv');
    fireEvent.change(within(dialog).getByLabelText('选择导入文件'), { target: { files: [file] } });
    fireEvent.click(within(dialog).getByText('开始导入'));
    expect(await within(dialog).findByText('文件必须是 CSV 或 Excel（.xlsx）格式')).toBeTruthy();
    expect(within(dialog).getByText('开始导入')).toBeTruthy();
  });

  it('adds an employee after checking the fields, then shows the invitation to send', async () => {
    const invitation: InvitationDto = {
      code: 'ZyXwVuTsRqPoNmLkJiHgFeDc',
      employeeId: pending.id,
      employeeName: '林晓',
      organizationName: '星辰科技',
      role: 'employee',
      expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      acceptedAt: null,
      path: 'pages/join/index?invite=ZyXwVuTsRqPoNmLkJiHgFeDc',
      url: 'http://cardhub.test/#/pages/join/index?invite=ZyXwVuTsRqPoNmLkJiHgFeDc',
    };
    api.createEmployee.mockResolvedValue({ employee: { ...pending, name: '林晓' }, invitation });
    await renderPage();

    fireEvent.click(screen.getByText('＋ 添加员工'));
    const dialog = await screen.findByRole('dialog', { name: '添加员工' });
    fireEvent.change(within(dialog).getByLabelText('姓名'), { target: { value: '林晓' } });
    fireEvent.change(within(dialog).getByLabelText('手机号'), { target: { value: '12345' } });
    fireEvent.click(within(dialog).getByText('添加并生成邀请'));
    expect(within(dialog).getByText('请填写 11 位手机号')).toBeTruthy();
    expect(api.createEmployee).not.toHaveBeenCalled();

    fireEvent.change(within(dialog).getByLabelText('手机号'), { target: { value: '136 0000 0001' } });
    fireEvent.change(within(dialog).getByLabelText('部门'), { target: { value: EAST_ID } });
    fireEvent.click(within(dialog).getByText('经理'));
    await act(async () => {
      fireEvent.click(within(dialog).getByText('添加并生成邀请'));
    });
    expect(api.createEmployee).toHaveBeenCalledWith(
      expect.objectContaining({
        name: '林晓',
        phone: '13600000001',
        departmentId: EAST_ID,
        role: 'manager',
        validDays: 7,
      }),
    );
    const invite = await screen.findByRole('dialog', { name: '邀请 林晓 加入' });
    expect(within(invite).getByText(invitation.url)).toBeTruthy();
    expect(within(invite).getByText(/有效期至/)).toBeTruthy();
    expect(within(invite).getByText('下载小程序码').getAttribute('href')).toBe(
      `/api/invitations/${invitation.code}/wxacode.png`,
    );
  });
});
