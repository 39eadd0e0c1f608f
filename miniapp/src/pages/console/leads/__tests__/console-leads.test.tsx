import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { EmployeeDto, LeadDetail, LeadSummary, LoginResponse } from '@cardhub/shared';
import ConsoleLeadsPage from '..';
import * as leads from '../../../../services/leads';
import * as roster from '../../../../services/roster';
import { saveSession } from '../../../../services/session';

jest.mock('../../../../services/leads', () => ({
  ...jest.requireActual('../../../../services/leads'),
  listLeads: jest.fn(),
  assignLead: jest.fn(),
  claimLead: jest.fn(),
  downloadLeadExport: jest.fn(),
}));
jest.mock('../../../../services/roster', () => ({
  ...jest.requireActual('../../../../services/roster'),
  fetchEmployees: jest.fn(),
}));
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
const api = leads as jest.Mocked<typeof leads>;
const rosterApi = roster as jest.Mocked<typeof roster>;

const MANAGER_ID = '00000000-0000-4000-8000-000000000001';
const ZHANG_ID = '00000000-0000-4000-8000-000000000002';

const lead = (fields: Partial<LeadSummary>): LeadSummary => ({
  id: '00000000-0000-4000-8000-0000000000a1',
  visitorId: 'v1',
  label: '访客 #3f2a',
  phone: null,
  stage: 'sql',
  score: 18,
  tags: ['强意向'],
  source: 'material',
  owner: null,
  lastActivityAt: '2026-11-23T08:00:00.000Z',
  createdAt: '2026-11-23T07:00:00.000Z',
  ...fields,
});
const poolLead = lead({});
const zhangLead = lead({
  id: '00000000-0000-4000-8000-0000000000a2',
  label: '王女士',
  phone: '13900000000',
  owner: { id: ZHANG_ID, name: '张伟' },
});
const zhang = { id: ZHANG_ID, name: '张伟', departmentPath: '销售部/销售一部' } as EmployeeDto;

beforeEach(() => {
  jest.resetAllMocks();
  const session: LoginResponse = {
    token: 'token',
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    role: 'manager',
    principal: {
      kind: 'employee',
      employeeId: MANAGER_ID,
      organizationId: 'org',
      organizationName: '星辰科技',
      role: 'manager',
      name: '李经理',
    },
  };
  saveSession(session);
  api.listLeads.mockResolvedValue({ items: [poolLead, zhangLead], total: 2 });
  rosterApi.fetchEmployees.mockResolvedValue({ items: [zhang], total: 1 });
});

describe('console leads page', () => {
  it('lists the leads with stage, tags, source and owner; the pool marked', async () => {
    render(<ConsoleLeadsPage />);
    const row = await screen.findByTestId(`lead-${zhangLead.id}`);
    expect(within(row).getByText('王女士')).toBeTruthy();
    expect(within(row).getByText('13900000000')).toBeTruthy();
    expect(within(row).getByText('SQL')).toBeTruthy();
    expect(within(row).getByText('强意向')).toBeTruthy();
    expect(within(row).getByText('物料')).toBeTruthy();
    expect(within(screen.getByTestId(`lead-${poolLead.id}`)).getByText('公海')).toBeTruthy();
    expect(within(screen.getByTestId(`lead-${poolLead.id}`)).getByText('领取')).toBeTruthy();
    expect(within(row).queryByText('领取')).toBeNull();
    expect(document.querySelector('.lead-admin__count')?.textContent).toBe('共2条线索');
  });

  it('calls the API with the filters set, and exports with the same filters', async () => {
    render(<ConsoleLeadsPage />);
    await screen.findByTestId(`lead-${zhangLead.id}`);
    await screen.findByRole('option', { name: '张伟' });
    fireEvent.change(screen.getByLabelText('阶段'), { target: { value: 'sql' } });
    fireEvent.change(screen.getByLabelText('负责人'), { target: { value: ZHANG_ID } });
    fireEvent.change(screen.getByLabelText('来源'), { target: { value: 'site_page' } });
    fireEvent.blur(screen.getByLabelText('标签'), { target: { value: ' 强意向 ' } });
    fireEvent.blur(screen.getByLabelText('最低分'), { target: { value: '10' } });
    fireEvent.change(screen.getByLabelText('创建起始日期'), { target: { value: '2026-11-01' } });
    fireEvent.change(screen.getByLabelText('创建截止日期'), { target: { value: '2026-11-23' } });
    const filters = {
      stage: 'sql',
      owner: ZHANG_ID,
      source: 'site_page',
      tag: '强意向',
      minScore: 10,
      from: new Date('2026-11-01T00:00:00').toISOString(),
      to: new Date('2026-11-24T00:00:00').toISOString(),
    };
    await waitFor(() => expect(api.listLeads).toHaveBeenLastCalledWith({ ...filters, page: 1, limit: 20 }));

    api.downloadLeadExport.mockResolvedValue();
    fireEvent.click(screen.getByText('导出 Excel'));
    await waitFor(() => expect(api.downloadLeadExport).toHaveBeenCalledWith('xlsx', filters));

    fireEvent.click(screen.getByText('清除筛选'));
    await waitFor(() => expect(api.listLeads).toHaveBeenLastCalledWith({ page: 1, limit: 20 }));
    expect((screen.getByLabelText('标签') as HTMLInputElement).value).toBe('');
  });

  it('assigns a lead to an employee, or returns it to the pool, then reloads the list', async () => {
    api.assignLead.mockResolvedValue({} as LeadDetail);
    render(<ConsoleLeadsPage />);
    fireEvent.click(within(await screen.findByTestId(`lead-${poolLead.id}`)).getByText('分配'));
    const dialog = screen.getByRole('dialog', { name: '分配线索' });
    fireEvent.change(within(dialog).getByLabelText('分配给'), { target: { value: ZHANG_ID } });
    fireEvent.change(within(dialog).getByLabelText('原因'), { target: { value: '负责制造业' } });
    fireEvent.click(within(dialog).getByText('确定分配'));
    await waitFor(() =>
      expect(api.assignLead).toHaveBeenCalledWith(poolLead.id, {
        employeeId: ZHANG_ID,
        reason: '负责制造业',
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.listLeads).toHaveBeenCalledTimes(2);

    fireEvent.click(within(screen.getByTestId(`lead-${zhangLead.id}`)).getByText('分配'));
    fireEvent.click(within(screen.getByRole('dialog')).getByText('退回公海'));
    await waitFor(() =>
      expect(api.assignLead).toHaveBeenLastCalledWith(zhangLead.id, { employeeId: null, reason: '' }),
    );
  });

  it('shows why an assignment failed and keeps the dialog open', async () => {
    const { ApiError } = jest.requireActual('../../../../services/request');
    api.assignLead.mockRejectedValue(
      new ApiError(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: '只能分配给你管理范围内的在职员工',
      }),
    );
    render(<ConsoleLeadsPage />);
    fireEvent.click(within(await screen.findByTestId(`lead-${poolLead.id}`)).getByText('分配'));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('分配给'), { target: { value: ZHANG_ID } });
    fireEvent.click(within(dialog).getByText('确定分配'));
    expect(await within(dialog).findByText('只能分配给你管理范围内的在职员工')).toBeTruthy();
  });
});
