/** The HTTP contract of the roster (员工管理): departments, employees, invitations and the bulk import. */
import { z } from 'zod';
import type { InvitationDto } from './api';
import { STAFF_ROLES, type StaffRole } from './roles';
import { normalizeMobilePhone } from './roster';

// ---------- departments ----------

const departmentNameSchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(60)
  // "/" separates the levels of a department path in import files.
  .refine((name) => !name.includes('/'), 'must not contain "/"');

export const createDepartmentSchema = z.object({
  name: departmentNameSchema,
  parentId: z.uuid().nullable().default(null),
});
export type CreateDepartmentInput = z.input<typeof createDepartmentSchema>;

/** Renames and moves at once: both fields are always sent (`parentId: null` moves to the top level). */
export const updateDepartmentSchema = z.object({
  name: departmentNameSchema,
  parentId: z.uuid().nullable(),
});
export type UpdateDepartmentInput = z.input<typeof updateDepartmentSchema>;

export interface DepartmentDto {
  id: string;
  name: string;
  parentId: string | null;
  sortOrder: number;
  /** Employees placed directly in this department, whatever their status. */
  employeeCount: number;
}

export interface DepartmentListResponse {
  /** Flat; `buildDepartmentTree` nests them. */
  departments: DepartmentDto[];
  /** Everyone in the organization, and those in no department. */
  totalEmployees: number;
  unassignedEmployees: number;
}

// ---------- employees ----------

export const EMPLOYEE_STATUSES = ['invited', 'active', 'disabled'] as const;
export type EmployeeStatus = (typeof EMPLOYEE_STATUSES)[number];

export const EMPLOYEE_STATUS_LABELS: Record<EmployeeStatus, string> = {
  invited: '待加入',
  active: '在职',
  disabled: '已停用',
};

/** Optional mainland mobile number; stored as 11 digits, '' when absent. */
export const mobilePhoneSchema = z
  .string()
  .trim()
  .max(30)
  .default('')
  .transform((text, context) => {
    if (text === '') return '';
    const phone = normalizeMobilePhone(text);
    if (phone) return phone;
    context.addIssue({ code: 'custom', message: 'must be an 11-digit mainland mobile number' });
    return z.NEVER;
  });

const employeeFieldsSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(40),
  title: z.string().trim().max(60).default(''),
  phone: mobilePhoneSchema,
  email: z
    .union([z.literal(''), z.email('must be an email address').max(120)])
    .default('')
    .transform((email) => email.toLowerCase()),
  departmentId: z.uuid().nullable().default(null),
  role: z.enum(STAFF_ROLES).default('employee'),
});

/** A new employee is pending until they accept the invitation created with them. */
export const createEmployeeSchema = employeeFieldsSchema.extend({
  validDays: z.number().int().min(1).max(30).default(7),
});
export type CreateEmployeeInput = z.input<typeof createEmployeeSchema>;

/** Editing replaces every field (moving to another department and setting the role included). */
export const updateEmployeeSchema = employeeFieldsSchema;
export type UpdateEmployeeInput = z.input<typeof updateEmployeeSchema>;

export const reissueInvitationSchema = z.object({
  validDays: z.number().int().min(1).max(30).default(7),
});
export type ReissueInvitationInput = z.input<typeof reissueInvitationSchema>;

export const listEmployeesQuerySchema = z.object({
  /** A department and everything below it; `none` for staff in no department. */
  departmentId: z.union([z.uuid(), z.literal('none')]).optional(),
  status: z.enum(EMPLOYEE_STATUSES).optional(),
  /** Searched in name, phone and email. */
  q: z.string().trim().max(40).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListEmployeesQuery = z.input<typeof listEmployeesQuerySchema>;

export interface EmployeeDto {
  id: string;
  name: string;
  title: string;
  phone: string;
  email: string;
  role: StaffRole;
  status: EmployeeStatus;
  departmentId: string | null;
  /** The department's path from the top (`销售部/华东组`), null when in none. */
  departmentPath: string | null;
  /** Has an account and password for the console. */
  hasConsoleLogin: boolean;
  joinedAt: string | null;
  createdAt: string;
  /** The open invitation of a pending employee (the newest one; earlier ones are revoked). */
  invitation: { code: string; expiresAt: string } | null;
}

export interface EmployeeListResponse {
  items: EmployeeDto[];
  total: number;
}

export interface CreateEmployeeResponse {
  employee: EmployeeDto;
  invitation: InvitationDto;
}

// ---------- bulk import ----------

/** The columns of an import file, by their (Chinese) headers. Only 姓名 is required. */
export const EMPLOYEE_IMPORT_COLUMNS = {
  name: '姓名',
  phone: '手机号',
  email: '邮箱',
  department: '部门',
  title: '职位',
  role: '角色',
} as const;
export type EmployeeImportColumn = keyof typeof EMPLOYEE_IMPORT_COLUMNS;

/** Rows of one import at most (the file is at most 2 MB as well). */
export const EMPLOYEE_IMPORT_MAX_ROWS = 5000;

/** Bad rows listed by line; `failed` counts them all. */
export const EMPLOYEE_IMPORT_MAX_LISTED_ERRORS = 500;

export const EMPLOYEE_IMPORT_STATUSES = ['running', 'done', 'failed'] as const;
export type EmployeeImportStatus = (typeof EMPLOYEE_IMPORT_STATUSES)[number];

export interface EmployeeImportRowError {
  /** The line of the file (1 is the header; a quoted cell may span lines, the row's first line counts). */
  line: number;
  message: string;
}

export interface EmployeeImportDto {
  id: string;
  fileName: string;
  status: EmployeeImportStatus;
  /** Data rows in the file (blank rows are not counted). */
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Bad rows: not imported, while the good rows are. */
  failed: number;
  /** The bad rows in file order (the first EMPLOYEE_IMPORT_MAX_LISTED_ERRORS of them). */
  errors: EmployeeImportRowError[];
  /** Why a `failed` import stopped. */
  failure: string | null;
  createdAt: string;
  finishedAt: string | null;
}
