import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { departmentSubtreeIds, roleAtLeast } from '@cardhub/shared';
import { In, Repository } from 'typeorm';
import type { StaffPrincipal } from '../common/auth';
import { Department } from '../org/entities/department.entity';
import { Employee } from '../org/entities/employee.entity';

/** Whose leads a member of staff may see besides the pool: everyone's (admins), or these owners'. */
export type LeadOwnerScope = 'organization' | string[];

/**
 * Who may see which leads: employees their own, managers those of their department and its sub-departments,
 * admins the organization's; everyone sees the shared pool (公海), to claim from it.
 */
@Injectable()
export class LeadScope {
  constructor(
    @InjectRepository(Department) private readonly departments: Repository<Department>,
    @InjectRepository(Employee) private readonly employees: Repository<Employee>,
  ) {}

  async ownersVisibleTo(staff: StaffPrincipal): Promise<LeadOwnerScope> {
    if (roleAtLeast(staff.role, 'admin')) return 'organization';
    if (staff.role !== 'manager') return [staff.employeeId];
    const manager = await this.employees.findOneBy({ id: staff.employeeId });
    if (!manager?.departmentId) return [staff.employeeId];
    const all = await this.departments.findBy({ organizationId: staff.organizationId });
    const subtree = departmentSubtreeIds(all, [manager.departmentId]);
    const members = await this.employees.find({
      select: { id: true },
      where: { organizationId: staff.organizationId, departmentId: In(subtree) },
    });
    return [...new Set([staff.employeeId, ...members.map((member) => member.id)])];
  }

  /** May `staff` see a lead owned by `ownerEmployeeId` (null: in the pool)? */
  static allows(scope: LeadOwnerScope, ownerEmployeeId: string | null): boolean {
    return ownerEmployeeId === null || scope === 'organization' || scope.includes(ownerEmployeeId);
  }
}
