import type {
  CreateDepartmentInput,
  CreateEmployeeInput,
  CreateEmployeeResponse,
  DepartmentDto,
  DepartmentListResponse,
  EmployeeDto,
  EmployeeImportDto,
  EmployeeListResponse,
  InvitationDto,
  ListEmployeesQuery,
  UpdateDepartmentInput,
  UpdateEmployeeInput,
} from '@cardhub/shared';
import { ApiError, apiUrl, authHeader, parseResponse, queryString, request } from './request';

const path = (template: string, id: string) => template.replace(':id', encodeURIComponent(id));

export function fetchDepartments(): Promise<DepartmentListResponse> {
  return request<DepartmentListResponse>('GET', '/api/departments');
}

export function createDepartment(input: CreateDepartmentInput): Promise<DepartmentDto> {
  return request<DepartmentDto>('POST', '/api/departments', input);
}

export function updateDepartment(id: string, input: UpdateDepartmentInput): Promise<DepartmentDto> {
  return request<DepartmentDto>('PUT', path('/api/departments/:id', id), input);
}

export function deleteDepartment(id: string): Promise<void> {
  return request<void>('DELETE', path('/api/departments/:id', id));
}

export function fetchEmployees(query: ListEmployeesQuery): Promise<EmployeeListResponse> {
  return request<EmployeeListResponse>('GET', `/api/employees${queryString(query)}`);
}

export function createEmployee(input: CreateEmployeeInput): Promise<CreateEmployeeResponse> {
  return request<CreateEmployeeResponse>('POST', '/api/employees', input);
}

export function updateEmployee(id: string, input: UpdateEmployeeInput): Promise<EmployeeDto> {
  return request<EmployeeDto>('PUT', path('/api/employees/:id', id), input);
}

export function setEmployeeDisabled(id: string, disabled: boolean): Promise<EmployeeDto> {
  return request<EmployeeDto>('POST', path(`/api/employees/:id/${disabled ? 'disable' : 'enable'}`, id));
}

export function fetchInvitation(employeeId: string): Promise<InvitationDto> {
  return request<InvitationDto>('GET', path('/api/employees/:id/invitation', employeeId));
}

/** A fresh invitation; the previous link and codes stop working. */
export function reissueInvitation(employeeId: string): Promise<InvitationDto> {
  return request<InvitationDto>('POST', path('/api/employees/:id/invitation', employeeId), {});
}

/** Image addresses of an invitation: the QR code of its link, WeChat's mini-program code. */
export function invitationImageUrls(code: string): { qrCode: string; miniProgramCode: string } {
  const base = `/api/invitations/${encodeURIComponent(code)}`;
  return { qrCode: apiUrl(`${base}/qrcode.svg`), miniProgramCode: apiUrl(`${base}/wxacode.png`) };
}

export const IMPORT_TEMPLATE_URL = apiUrl('/api/employee-imports/template.csv');

/** Uploads a roster file (H5 only: a File from an <input type="file">); the import then runs on the server. */
export async function startEmployeeImport(file: File): Promise<EmployeeImportDto> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(apiUrl('/api/employee-imports'), {
      method: 'POST',
      headers: authHeader(),
      body: form,
    });
  } catch {
    throw new ApiError(0, { statusCode: 0, error: 'Network Error', message: '网络异常，请检查网络后重试' });
  }
  return parseResponse<EmployeeImportDto>(response.status, await response.json().catch(() => undefined));
}

export function fetchEmployeeImport(id: string): Promise<EmployeeImportDto> {
  return request<EmployeeImportDto>('GET', path('/api/employee-imports/:id', id));
}
