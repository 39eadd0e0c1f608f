import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { departmentSubtreeIds, roleAtLeast } from '@cardhub/shared';
import { Repository } from 'typeorm';
import type { StaffPrincipal } from '../common/auth';
import { DEPARTMENT_NOT_FOUND } from '../org/departments.service';
import { Department } from '../org/entities/department.entity';
import { Employee } from '../org/entities/employee.entity';

/** A board's subject for the dashboard and the drill-down: the organization, or a department with its sub-departments. */
export type ScopeSubject = { kind: 'organization'; id: string } | { kind: 'department'; id: string };

/**
 * Who may open which numbers: everyone sees the organization's boards; employees drill into their own figures
 * only, managers into their department's (with its sub-departments), admins into everything.
 */
@Injectable()
export class BoardScope {
  constructor(
    @InjectRepository(Department) private readonly departments: Repository<Department>,
    @InjectRepository(Employee) private readonly employees: Repository<Employee>,
  ) {}

  /** The organization's departments (ids of other organizations are reported as missing). */
  async departmentsOf(organizationId: string): Promise<Department[]> {
    return this.departments.findBy({ organizationId });
  }

  async requireDepartment(organizationId: string, departmentId: string): Promise<Department> {
    const department = await this.departments.findOneBy({ id: departmentId, organizationId });
    if (!department) throw new NotFoundException(DEPARTMENT_NOT_FOUND);
    return department;
  }

  /** The departments a manager runs (theirs and below); 'all' for admins; none for employees. */
  async managedDepartments(staff: StaffPrincipal): Promise<string[] | 'all'> {
    if (roleAtLeast(staff.role, 'admin')) return 'all';
    if (staff.role !== 'manager') return [];
    const manager = await this.employees.findOneBy({
      id: staff.employeeId,
      organizationId: staff.organizationId,
    });
    if (!manager?.departmentId) return [];
    return departmentSubtreeIds(await this.departmentsOf(staff.organizationId), [manager.departmentId]);
  }

  /** The dashboard's subject: admins any department or the organization; managers their departments (their own by default). */
  async dashboardSubject(staff: StaffPrincipal, departmentId: string | undefined): Promise<ScopeSubject> {
    const managed = await this.managedDepartments(staff);
    if (managed === 'all') {
      if (!departmentId) return { kind: 'organization', id: staff.organizationId };
      await this.requireDepartment(staff.organizationId, departmentId);
      return { kind: 'department', id: departmentId };
    }
    const wanted = departmentId ?? managed[0];
    if (!wanted) throw new ForbiddenException('你还没有所属部门，无法查看部门看板');
    await this.requireDepartment(staff.organizationId, wanted);
    if (!managed.includes(wanted)) throw new ForbiddenException('只能查看你所管理部门的数据');
    return { kind: 'department', id: wanted };
  }

  /** May `staff` open the events behind an employee's figures? */
  async assertMayOpenEmployee(staff: StaffPrincipal, employeeId: string): Promise<void> {
    if (employeeId === staff.employeeId) return;
    const managed = await this.managedDepartments(staff);
    if (managed === 'all') {
      if (await this.employees.existsBy({ id: employeeId, organizationId: staff.organizationId })) return;
      throw new NotFoundException('员工不存在');
    }
    const employee = await this.employees.findOneBy({ id: employeeId, organizationId: staff.organizationId });
    if (!employee) throw new NotFoundException('员工不存在');
    if (!employee.departmentId || !managed.includes(employee.departmentId))
      throw new ForbiddenException('只能查看自己或所管理部门成员的明细');
  }

  async assertMayOpenDepartment(staff: StaffPrincipal, departmentId: string): Promise<void> {
    await this.requireDepartment(staff.organizationId, departmentId);
    const managed = await this.managedDepartments(staff);
    if (managed !== 'all' && !managed.includes(departmentId))
      throw new ForbiddenException('只能查看所管理部门的明细');
  }

  /** Members of these departments (for a department's drill-down). */
  async membersOf(organizationId: string, departmentIds: readonly string[]): Promise<string[]> {
    if (departmentIds.length === 0) return [];
    const rows = await this.employees
      .createQueryBuilder('e')
      .select('e.id', 'id')
      .where('e.organizationId = :organizationId', { organizationId })
      .andWhere('e.departmentId IN (:...departmentIds)', { departmentIds })
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }
}
