import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type DepartmentDto,
  type DepartmentListResponse,
  createDepartmentSchema,
  departmentSubtreeIds,
  updateDepartmentSchema,
} from '@cardhub/shared';
import { DataSource, EntityManager, IsNull, Repository } from 'typeorm';
import type { z } from 'zod';
import { type StaffPrincipal, findInOrganization } from '../common/auth';
import { Department } from './entities/department.entity';
import { Employee } from './entities/employee.entity';

export const DEPARTMENT_NOT_FOUND = '部门不存在';

/** Departments (部门) as a tree: admins shape it, managers read it, the roster and imports place people in it. */
@Injectable()
export class DepartmentsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Department) private readonly departments: Repository<Department>,
    @InjectRepository(Employee) private readonly employees: Repository<Employee>,
  ) {}

  async list(staff: StaffPrincipal): Promise<DepartmentListResponse> {
    const departments = await this.all(staff.organizationId);
    const counts: { departmentId: string | null; count: string | number }[] = await this.employees
      .createQueryBuilder('employee')
      .select('employee.departmentId', 'departmentId')
      .addSelect('COUNT(*)', 'count')
      .where('employee.organizationId = :organizationId', { organizationId: staff.organizationId })
      .groupBy('employee.departmentId')
      .getRawMany();
    const countOf = new Map(counts.map((row) => [row.departmentId, Number(row.count)]));
    return {
      departments: departments.map((department): DepartmentDto => ({
        id: department.id,
        name: department.name,
        parentId: department.parentId,
        sortOrder: department.sortOrder,
        employeeCount: countOf.get(department.id) ?? 0,
      })),
      totalEmployees: [...countOf.values()].reduce((sum, count) => sum + count, 0),
      unassignedEmployees: countOf.get(null) ?? 0,
    };
  }

  all(organizationId: string): Promise<Department[]> {
    return this.departments.find({
      where: { organizationId },
      order: { sortOrder: 'ASC', createdAt: 'ASC' },
    });
  }

  findInOrganization(organizationId: string, id: string): Promise<Department> {
    return findInOrganization(this.departments, organizationId, { id }, DEPARTMENT_NOT_FOUND);
  }

  /** A department's id and the ids of every department below it. */
  async subtreeIds(organizationId: string, id: string): Promise<string[]> {
    await this.findInOrganization(organizationId, id);
    return departmentSubtreeIds(await this.all(organizationId), [id]);
  }

  async create(
    admin: StaffPrincipal,
    input: z.output<typeof createDepartmentSchema>,
  ): Promise<DepartmentDto> {
    if (input.parentId) await this.findInOrganization(admin.organizationId, input.parentId);
    await this.assertNameFree(admin.organizationId, input.parentId, input.name, null);
    const department = await this.insert(
      this.dataSource.manager,
      admin.organizationId,
      input.parentId,
      input.name,
    );
    return { ...this.toDto(department), employeeCount: 0 };
  }

  /** Renames and moves; a move under itself or one of its own sub-departments would cut it off the tree. */
  async update(
    admin: StaffPrincipal,
    id: string,
    input: z.output<typeof updateDepartmentSchema>,
  ): Promise<DepartmentDto> {
    const department = await this.findInOrganization(admin.organizationId, id);
    if (input.parentId) {
      await this.findInOrganization(admin.organizationId, input.parentId);
      if ((await this.subtreeIds(admin.organizationId, id)).includes(input.parentId)) {
        throw new BadRequestException({
          message: '不能把部门移动到它自己或它的下级部门之下',
          fields: [{ path: 'parentId', message: 'parentId must not be the department itself or below it' }],
        });
      }
    }
    await this.assertNameFree(admin.organizationId, input.parentId, input.name, id);
    const saved = await this.departments.save(
      this.departments.merge(department, { name: input.name, parentId: input.parentId }),
    );
    const employeeCount = await this.employees.countBy({
      organizationId: admin.organizationId,
      departmentId: id,
    });
    return { ...this.toDto(saved), employeeCount };
  }

  /** Only an empty department goes: people and sub-departments must be moved out first. */
  async remove(admin: StaffPrincipal, id: string): Promise<void> {
    const department = await this.findInOrganization(admin.organizationId, id);
    const employees = await this.employees.countBy({
      organizationId: admin.organizationId,
      departmentId: id,
    });
    const children = await this.departments.countBy({ organizationId: admin.organizationId, parentId: id });
    if (employees > 0 || children > 0) {
      const what = [employees > 0 && ` ${employees} 名员工`, children > 0 && ` ${children} 个下级部门`]
        .filter(Boolean)
        .join('和');
      throw new ConflictException(`「${department.name}」下还有${what}，请先移走后再删除`);
    }
    await this.departments.delete({ id, organizationId: admin.organizationId });
  }

  /**
   * The department at `path` (names from the top level down), creating the missing levels: an import file
   * names departments by path.
   */
  async ensurePath(manager: EntityManager, organizationId: string, path: string[]): Promise<string> {
    let parentId: string | null = null;
    for (const name of path) {
      const existing: Department | null = await manager.findOneBy(Department, {
        organizationId,
        parentId: parentId ?? IsNull(),
        name,
      });
      parentId = (existing ?? (await this.insert(manager, organizationId, parentId, name))).id;
    }
    return parentId!;
  }

  private async insert(
    manager: EntityManager,
    organizationId: string,
    parentId: string | null,
    name: string,
  ): Promise<Department> {
    const siblings = await manager.countBy(Department, { organizationId, parentId: parentId ?? IsNull() });
    return manager.save(manager.create(Department, { organizationId, parentId, name, sortOrder: siblings }));
  }

  /** Sibling names are unique: a path such as 销售部/华东组 must name one department. */
  private async assertNameFree(
    organizationId: string,
    parentId: string | null,
    name: string,
    exceptId: string | null,
  ): Promise<void> {
    const clash = await this.departments.findOneBy({ organizationId, parentId: parentId ?? IsNull(), name });
    if (clash && clash.id !== exceptId) {
      throw new ConflictException({
        message: `同一级下已有名为「${name}」的部门`,
        fields: [{ path: 'name', message: 'name must be unique among sibling departments' }],
      });
    }
  }

  private toDto(department: Department): Omit<DepartmentDto, 'employeeCount'> {
    return {
      id: department.id,
      name: department.name,
      parentId: department.parentId,
      sortOrder: department.sortOrder,
    };
  }
}
