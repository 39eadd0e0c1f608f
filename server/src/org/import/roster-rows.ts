import { BadRequestException } from '@nestjs/common';
import {
  EMPLOYEE_IMPORT_COLUMNS,
  EMPLOYEE_IMPORT_MAX_ROWS,
  type EmployeeImportColumn,
  type EmployeeImportRowError,
  type StaffRole,
  STAFF_ROLE_LABELS,
  normalizeMobilePhone,
  parseStaffRole,
} from '@cardhub/shared';
import { z } from 'zod';
import { UPLOAD_FIELD } from '../../infra/uploads';
import type { SheetRow } from './spreadsheet';

/**
 * One good row of an import file. `null` means the cell was empty: a new employee gets the default (no
 * department, no title, role 员工), an existing one keeps what they have.
 */
export interface RosterRow {
  line: number;
  name: string;
  /** 11 digits or ''. */
  phone: string;
  /** Lower case or ''. */
  email: string;
  departmentPath: string[] | null;
  title: string | null;
  role: StaffRole | null;
}

export interface RosterRows {
  /** Data rows, blank ones left out. */
  total: number;
  rows: RosterRow[];
  errors: EmployeeImportRowError[];
}

/** Other headers people write for the same columns. */
const HEADER_ALIASES: Record<string, EmployeeImportColumn> = {
  手机: 'phone',
  手机号码: 'phone',
  电话: 'phone',
  电子邮箱: 'email',
  邮件: 'email',
  职务: 'title',
};

const emailSchema = z.email().max(120);
const roleChoices = Object.values(STAFF_ROLE_LABELS).join('、');

/**
 * Reads the header (the first non-blank row) and checks every data row on its own, so one bad row never
 * stops the others. A phone or email already used by an earlier row makes a row a duplicate.
 */
export function readRosterRows(sheet: SheetRow[]): RosterRows {
  const [header, ...data] = sheet.filter((row) => !isBlank(row.cells));
  const columns = header ? columnsOf(header.cells) : null;
  if (!header || !columns || columns.name === undefined) {
    throw new BadRequestException({
      message: `第 ${header?.line ?? 1} 行应是表头，且包含「${EMPLOYEE_IMPORT_COLUMNS.name}」列；请使用导入模板`,
      fields: [{ path: UPLOAD_FIELD, message: `${UPLOAD_FIELD} must start with a header row naming 姓名` }],
    });
  }
  if (data.length === 0) {
    throw new BadRequestException({
      message: '文件里没有员工数据',
      fields: [{ path: UPLOAD_FIELD, message: `${UPLOAD_FIELD} has no data rows` }],
    });
  }
  if (data.length > EMPLOYEE_IMPORT_MAX_ROWS) {
    throw new BadRequestException({
      message: `一次最多导入 ${EMPLOYEE_IMPORT_MAX_ROWS} 行，请拆分成多个文件`,
      fields: [
        { path: UPLOAD_FIELD, message: `${UPLOAD_FIELD} has more than ${EMPLOYEE_IMPORT_MAX_ROWS} rows` },
      ],
    });
  }

  const rows: RosterRow[] = [];
  const errors: EmployeeImportRowError[] = [];
  const firstLineOf = { phone: new Map<string, number>(), email: new Map<string, number>() };
  for (const { line, cells } of data) {
    const cell = (column: EmployeeImportColumn) => {
      const index = columns[column];
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    const problems: string[] = [];
    const row = checkRow(line, cell, problems);
    for (const field of ['phone', 'email'] as const) {
      const value = row[field];
      if (!value) continue;
      const first = firstLineOf[field].get(value);
      if (first === undefined) firstLineOf[field].set(value, line);
      else problems.push(`${EMPLOYEE_IMPORT_COLUMNS[field]}与第 ${first} 行重复`);
    }
    if (problems.length > 0) errors.push({ line, message: problems.join('；') });
    else rows.push(row);
  }
  return { total: data.length, rows, errors };
}

function checkRow(
  line: number,
  cell: (column: EmployeeImportColumn) => string,
  problems: string[],
): RosterRow {
  const name = cell('name');
  if (!name) problems.push('姓名不能为空');
  else if (name.length > 40) problems.push('姓名不能超过 40 个字');

  const phoneText = cell('phone');
  const phone = phoneText ? normalizeMobilePhone(phoneText) : '';
  if (phone === null) problems.push(`手机号「${phoneText}」不是有效的 11 位手机号`);

  const emailText = cell('email').toLowerCase();
  const emailValid = !emailText || emailSchema.safeParse(emailText).success;
  if (!emailValid) problems.push(`邮箱「${emailText}」格式不正确`);
  if (!phoneText && !emailText) problems.push('手机号和邮箱至少填写一项，用来识别员工');

  const departmentText = cell('department');
  const departmentPath = departmentText
    ? departmentText
        .split(/[/／]/)
        .map((name) => name.trim())
        .filter(Boolean)
    : null;
  if (departmentPath?.some((segment) => segment.length > 60)) problems.push('部门名称不能超过 60 个字');

  const title = cell('title') || null;
  if (title && title.length > 60) problems.push('职位不能超过 60 个字');

  const roleText = cell('role');
  const role = roleText ? parseStaffRole(roleText) : null;
  if (roleText && !role) problems.push(`角色「${roleText}」无效，应为${roleChoices}之一`);

  return {
    line,
    name,
    phone: phone ?? '',
    email: emailValid ? emailText : '',
    departmentPath: departmentPath?.length ? departmentPath : null,
    title,
    role,
  };
}

function columnsOf(cells: string[]): Partial<Record<EmployeeImportColumn, number>> {
  const byHeader = new Map<string, EmployeeImportColumn>([
    ...(Object.entries(EMPLOYEE_IMPORT_COLUMNS) as [EmployeeImportColumn, string][]).map(
      ([column, header]) => [header, column] as const,
    ),
    ...Object.entries(HEADER_ALIASES),
  ]);
  const columns: Partial<Record<EmployeeImportColumn, number>> = {};
  cells.forEach((text, index) => {
    // Templates often mark required columns: "姓名*", "姓名（必填）".
    const header = text
      .replace(/^\uFEFF/, '')
      .replace(/[*＊]|[（(]必填[）)]/g, '')
      .trim();
    const column = byHeader.get(header);
    if (column && columns[column] === undefined) columns[column] = index;
  });
  return columns;
}

function isBlank(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}
