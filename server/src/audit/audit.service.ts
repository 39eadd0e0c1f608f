import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AuditAction, AuditDetail, AuditLogResponse, listAuditLogQuerySchema } from '@cardhub/shared';
import { In, Repository } from 'typeorm';
import type { z } from 'zod';
import type { StaffPrincipal } from '../common/auth';
import { Employee } from '../org/entities/employee.entity';
import { AuditLog } from './entities/audit-log.entity';

/** Writes and reads the organization's audit log (审计日志); records are never changed or deleted. */
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditLog) private readonly log: Repository<AuditLog>,
    @InjectRepository(Employee) private readonly employees: Repository<Employee>,
  ) {}

  async record(staff: StaffPrincipal, action: AuditAction, target: string, detail: AuditDetail = {}) {
    await this.insert(staff.organizationId, staff.employeeId, action, target, detail);
  }

  /** An act no member of staff did: the person's own request (`by: visitor`) or a scheduled job. */
  async recordUnattended(
    organizationId: string,
    by: 'visitor' | 'retention',
    action: AuditAction,
    target: string,
    detail: AuditDetail = {},
  ) {
    await this.insert(organizationId, null, action, target, { by, ...detail });
  }

  private async insert(
    organizationId: string,
    employeeId: string | null,
    action: AuditAction,
    target: string,
    detail: AuditDetail,
  ) {
    await this.log.insert({ organizationId, employeeId, action, target, detail, createdAt: new Date() });
  }

  async list(
    organizationId: string,
    query: z.output<typeof listAuditLogQuerySchema>,
  ): Promise<AuditLogResponse> {
    const [rows, total] = await this.log.findAndCount({
      where: { organizationId, ...(query.action ? { action: query.action } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (query.page - 1) * query.limit,
      take: query.limit,
    });
    const ids = [...new Set(rows.flatMap((row) => (row.employeeId ? [row.employeeId] : [])))];
    const names = new Map(
      ids.length
        ? (await this.employees.find({ select: { id: true, name: true }, where: { id: In(ids) } })).map(
            (employee) => [employee.id, employee.name],
          )
        : [],
    );
    return {
      items: rows.map((row) => ({
        id: row.id,
        action: row.action,
        target: row.target,
        detail: row.detail,
        employee: row.employeeId ? { id: row.employeeId, name: names.get(row.employeeId) ?? '' } : null,
        at: row.createdAt.toISOString(),
      })),
      total,
    };
  }
}
