import {
  ConflictException,
  HttpException,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  EMPLOYEE_IMPORT_COLUMNS,
  EMPLOYEE_IMPORT_MAX_LISTED_ERRORS,
  type EmployeeImportDto,
  type EmployeeImportRowError,
} from '@cardhub/shared';
import { EntityManager, Repository } from 'typeorm';
import { type StaffPrincipal, findInOrganization } from '../../common/auth';
import { PublicReadCache } from '../../common/cache';
import type { UploadedFile } from '../../infra/uploads';
import { DepartmentsService } from '../departments.service';
import { type EmployeeFields, EmployeesService, assertNotOwnRole } from '../employees.service';
import { EmployeeImport } from '../entities/employee-import.entity';
import { InvitationsService } from '../invitations.service';
import { type RosterRow, type RosterRows, readRosterRows } from './roster-rows';
import { readSpreadsheet } from './spreadsheet';
import { Transactions } from '../../infra/database/transactions';

type RowOutcome = 'created' | 'updated' | 'unchanged';

/** Invitations created by an import are valid this long; the console can re-issue them one by one. */
const IMPORT_INVITATION_DAYS = 7;
/** Progress is written at most this often, so polling sees it move without a write per row. */
const PROGRESS_INTERVAL_MS = 300;

/** A row the database side refuses (the file side is checked by readRosterRows). */
class RowProblem extends Error {}

/**
 * Bulk import of employees. The file is read and every row checked while the request waits (a file that
 * cannot be read is a 4xx at once); the rows are then written in the background, one transaction each, and
 * the import's record shows the progress. Rows match employees by phone, else email, so importing the same
 * file again changes nothing.
 */
@Injectable()
export class EmployeeImportsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EmployeeImportsService.name);
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly transactions: Transactions,
    private readonly employees: EmployeesService,
    private readonly departments: DepartmentsService,
    private readonly invitations: InvitationsService,
    private readonly publicReads: PublicReadCache,
    @InjectRepository(EmployeeImport) private readonly imports: Repository<EmployeeImport>,
  ) {}

  /** An import cut off by a restart is closed; importing the same file again completes it. */
  async onApplicationBootstrap(): Promise<void> {
    await this.imports.update(
      { status: 'running' },
      { status: 'failed', failure: '服务器重启，导入中断；重新导入同一文件即可继续', finishedAt: new Date() },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  async start(admin: StaffPrincipal, file: UploadedFile): Promise<EmployeeImportDto> {
    const { rows } = await readSpreadsheet(file.content);
    const checked = readRosterRows(rows);
    if (await this.imports.existsBy({ organizationId: admin.organizationId, status: 'running' }))
      throw new ConflictException('上一次导入还在进行中，请等它完成后再导入');

    const record = await this.imports.save(
      this.imports.create({
        organizationId: admin.organizationId,
        createdByEmployeeId: admin.employeeId,
        fileName: file.fileName.slice(0, 200),
        status: 'running',
        total: checked.total,
        processed: checked.errors.length,
        failed: checked.errors.length,
        errors: listed(checked.errors),
        failure: null,
        finishedAt: null,
      }),
    );
    const accepted = toDto(record);
    const job = this.run(admin, record, checked).finally(() => this.running.delete(job));
    this.running.add(job);
    return accepted;
  }

  async find(admin: StaffPrincipal, id: string): Promise<EmployeeImportDto> {
    return toDto(await findInOrganization(this.imports, admin.organizationId, { id }, '导入记录不存在'));
  }

  private async run(admin: StaffPrincipal, record: EmployeeImport, checked: RosterRows): Promise<void> {
    const errors = [...checked.errors];
    let savedAt = Date.now();
    const save = (fields: Partial<EmployeeImport>) =>
      this.imports.update({ id: record.id }, { ...fields, failed: errors.length, errors: listed(errors) });
    try {
      for (const row of checked.rows) {
        const outcome = await this.importRow(admin, row).catch((error: unknown) => {
          errors.push({ line: row.line, message: this.problemOf(error, row) });
          return null;
        });
        record.processed++;
        if (outcome) record[outcome]++;
        if (Date.now() - savedAt >= PROGRESS_INTERVAL_MS) {
          await save(progressOf(record));
          savedAt = Date.now();
        }
      }
      await save({ ...progressOf(record), status: 'done', finishedAt: new Date() });
    } catch (error) {
      this.logger.error({ err: error, importId: record.id }, `Employee import ${record.id} failed`);
      await save({
        ...progressOf(record),
        status: 'failed',
        failure: '导入意外中断，请重新导入',
        finishedAt: new Date(),
      });
    }
  }

  private async importRow(admin: StaffPrincipal, row: RosterRow): Promise<RowOutcome> {
    const outcome = await this.transactions.run(async (transaction): Promise<RowOutcome> => {
      const existing = await this.matchingEmployee(transaction, admin.organizationId, row);
      const fields: EmployeeFields = {
        name: row.name,
        title: row.title ?? existing?.title ?? '',
        phone: row.phone || existing?.phone || '',
        email: row.email || existing?.email || '',
        departmentId: row.departmentPath
          ? await this.departments.ensurePath(transaction, admin.organizationId, row.departmentPath)
          : (existing?.departmentId ?? null),
        role: row.role ?? existing?.role ?? 'employee',
      };
      if (!existing) {
        await this.invitations.invite(admin, fields, IMPORT_INVITATION_DAYS, transaction);
        return 'created';
      }
      const unchanged =
        existing.name === fields.name &&
        existing.title === fields.title &&
        (existing.phone ?? '') === fields.phone &&
        (existing.email ?? '') === fields.email &&
        existing.departmentId === fields.departmentId &&
        existing.role === fields.role;
      if (unchanged) return 'unchanged';
      assertNotOwnRole(admin, existing, fields.role);
      await this.employees.applyFields(transaction, existing, fields);
      return 'updated';
    });
    // An updated employee's card may show new roster fields: cleared once committed.
    if (outcome === 'updated') this.publicReads.clear();
    return outcome;
  }

  private async matchingEmployee(manager: EntityManager, organizationId: string, row: RosterRow) {
    const { byPhone, byEmail } = await this.employees.findByContact(manager, organizationId, row);
    if (byPhone && byEmail && byPhone.id !== byEmail.id) {
      throw new RowProblem(
        `${EMPLOYEE_IMPORT_COLUMNS.phone}属于「${byPhone.name}」，${EMPLOYEE_IMPORT_COLUMNS.email}属于「${byEmail.name}」，无法确定是哪位员工`,
      );
    }
    return byPhone ?? byEmail;
  }

  private problemOf(error: unknown, row: RosterRow): string {
    if (error instanceof RowProblem || error instanceof HttpException) return error.message;
    this.logger.error({ err: error, line: row.line }, `Employee import row ${row.line} failed`);
    return '这一行保存失败，请稍后重新导入';
  }
}

function progressOf(record: EmployeeImport): Partial<EmployeeImport> {
  const { processed, created, updated, unchanged } = record;
  return { processed, created, updated, unchanged };
}

function listed(errors: EmployeeImportRowError[]): EmployeeImportRowError[] {
  return [...errors].sort((a, b) => a.line - b.line).slice(0, EMPLOYEE_IMPORT_MAX_LISTED_ERRORS);
}

function toDto(record: EmployeeImport): EmployeeImportDto {
  return {
    id: record.id,
    fileName: record.fileName,
    status: record.status,
    total: record.total,
    processed: record.processed,
    created: record.created,
    updated: record.updated,
    unchanged: record.unchanged,
    failed: record.failed,
    errors: record.errors,
    failure: record.failure,
    createdAt: record.createdAt.toISOString(),
    finishedAt: record.finishedAt?.toISOString() ?? null,
  };
}
