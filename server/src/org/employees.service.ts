import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type EmployeeDto,
  type EmployeeListResponse,
  type StaffRole,
  departmentPath,
  listEmployeesQuerySchema,
  updateEmployeeSchema,
} from '@cardhub/shared';
import { Brackets, EntityManager, In, IsNull, Repository } from 'typeorm';
import type { z } from 'zod';
import { Card } from '../cards/entities/card.entity';
import { type StaffPrincipal, findInOrganization } from '../common/auth';
import { PublicReadCache } from '../common/cache';
import { DepartmentsService } from './departments.service';
import type { Department } from './entities/department.entity';
import { Employee, EmployeeStatus } from './entities/employee.entity';
import { Invitation } from './entities/invitation.entity';
import { Organization } from './entities/organization.entity';
import { containsPattern } from '../infra/database/like';
import { Transactions } from '../infra/database/transactions';

export const EMPLOYEE_NOT_FOUND = '员工不存在';

/** What the roster holds about a person: name, title, contact, department and role. */
export type EmployeeFields = z.output<typeof updateEmployeeSchema>;

export interface NewEmployee {
  organizationId: string;
  departmentId?: string | null;
  name: string;
  title?: string;
  /** 11 digits; absent or '' when unknown. */
  phone?: string;
  email?: string;
  role: StaffRole;
  status: EmployeeStatus;
  /** Console login; managers and admins only. */
  account?: string;
  passwordHash?: string;
  /** Card fields beyond name, title, phone and email; company and site default to the organization's. */
  card?: Partial<
    Pick<Card, 'company' | 'phone' | 'wechatId' | 'email' | 'address' | 'bio' | 'siteUrl' | 'avatarUrl'>
  >;
}

/** The fields that roster edits may carry over to the employee's card. */
const CARD_FOLLOWS = ['name', 'title', 'phone', 'email'] as const;

/** The roster: who works where. Other features reach employees only through this service. */
@Injectable()
export class EmployeesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly departments: DepartmentsService,
    private readonly publicReads: PublicReadCache,
    @InjectRepository(Employee) private readonly employees: Repository<Employee>,
    @InjectRepository(Invitation) private readonly invitations: Repository<Invitation>,
  ) {}

  /** An employee of the caller's organization; another organization's id is a 404 like an unknown one. */
  findInOrganization(organizationId: string, employeeId: string): Promise<Employee> {
    return findInOrganization(this.employees, organizationId, { id: employeeId }, EMPLOYEE_NOT_FOUND);
  }

  findById(employeeId: string): Promise<Employee | null> {
    return this.employees.findOneBy({ id: employeeId });
  }

  findByWechatUser(wechatUserId: string): Promise<Employee | null> {
    return this.employees.findOneBy({ wechatUserId });
  }

  findByAccount(account: string): Promise<Employee | null> {
    return this.employees.findOneBy({ account });
  }

  /** Every employee starts with a card, so there is always something to share. */
  async createWithCard(
    input: NewEmployee,
    manager?: EntityManager,
  ): Promise<{ employee: Employee; card: Card }> {
    const inTransaction = <T>(work: (transaction: EntityManager) => Promise<T>) =>
      manager ? manager.transaction(work) : this.transactions.run(work);
    return inTransaction(async (transaction) => {
      const organization = await transaction.findOneByOrFail(Organization, { id: input.organizationId });
      const employee = await transaction.save(
        transaction.create(Employee, {
          organizationId: input.organizationId,
          departmentId: input.departmentId ?? null,
          name: input.name,
          title: input.title ?? '',
          phone: input.phone || null,
          email: input.email || null,
          role: input.role,
          status: input.status,
          account: input.account ?? null,
          passwordHash: input.passwordHash ?? null,
          wechatUserId: null,
          joinedAt: input.status === 'active' ? new Date() : null,
        }),
      );
      const card = await transaction.save(
        transaction.create(Card, {
          organizationId: input.organizationId,
          employeeId: employee.id,
          name: input.name,
          title: input.title ?? '',
          phone: input.phone ?? '',
          email: input.email ?? '',
          company: organization.name,
          siteUrl: organization.siteUrl,
          ...input.card,
        }),
      );
      return { employee, card };
    });
  }

  /** Admins see everyone; managers their own department and the ones below it. */
  async list(
    staff: StaffPrincipal,
    query: z.output<typeof listEmployeesQuerySchema>,
  ): Promise<EmployeeListResponse> {
    const builder = this.employees
      .createQueryBuilder('employee')
      .where('employee.organizationId = :organizationId', { organizationId: staff.organizationId });
    const visible = await this.departmentsVisibleTo(staff);
    if (query.departmentId === 'none') {
      if (visible) throw new ForbiddenException('只能查看本部门的员工');
      builder.andWhere('employee.departmentId IS NULL');
    } else if (query.departmentId) {
      const ids = await this.departments.subtreeIds(staff.organizationId, query.departmentId);
      if (visible && !visible.includes(query.departmentId))
        throw new ForbiddenException('只能查看本部门的员工');
      builder.andWhere('employee.departmentId IN (:...ids)', { ids });
    } else if (visible) {
      builder.andWhere('employee.departmentId IN (:...ids)', { ids: visible });
    }
    if (query.status) builder.andWhere('employee.status = :status', { status: query.status });
    if (query.q) {
      const pattern = containsPattern(query.q);
      builder.andWhere(
        new Brackets((where) =>
          where
            .where("employee.name LIKE :pattern ESCAPE '!'", { pattern })
            .orWhere("employee.phone LIKE :pattern ESCAPE '!'", { pattern })
            .orWhere("employee.email LIKE :pattern ESCAPE '!'", { pattern }),
        ),
      );
    }
    const [employees, total] = await builder
      .orderBy('employee.createdAt', 'DESC')
      .addOrderBy('employee.name', 'ASC')
      .skip((query.page - 1) * query.limit)
      .take(query.limit)
      .getManyAndCount();
    return { items: await this.toDtos(staff.organizationId, employees), total };
  }

  async findDto(staff: StaffPrincipal, employeeId: string): Promise<EmployeeDto> {
    const [dto] = await this.toDtos(staff.organizationId, [
      await this.findInOrganization(staff.organizationId, employeeId),
    ]);
    return dto!;
  }

  /** 404 for a department of another organization, 409 when the phone or email belongs to someone else. */
  async assertFieldsAllowed(
    organizationId: string,
    fields: Pick<EmployeeFields, 'departmentId' | 'phone' | 'email'>,
    employeeId: string | null,
  ): Promise<void> {
    if (fields.departmentId) await this.departments.findInOrganization(organizationId, fields.departmentId);
    for (const field of ['phone', 'email'] as const) {
      const value = fields[field];
      if (!value) continue;
      const holder = await this.employees.findOneBy({ organizationId, [field]: value });
      if (holder && holder.id !== employeeId) {
        throw new ConflictException({
          message: `${field === 'phone' ? '手机号' : '邮箱'}已被「${holder.name}」使用`,
          fields: [{ path: field, message: `${field} belongs to another employee` }],
        });
      }
    }
  }

  async update(admin: StaffPrincipal, employeeId: string, fields: EmployeeFields): Promise<EmployeeDto> {
    const employee = await this.findInOrganization(admin.organizationId, employeeId);
    assertNotOwnRole(admin, employee, fields.role);
    await this.assertFieldsAllowed(admin.organizationId, fields, employee.id);
    await this.transactions.run((transaction) => this.applyFields(transaction, employee, fields));
    // Cleared once committed: a read in between would keep the old card.
    this.publicReads.clear();
    return this.findDto(admin, employeeId);
  }

  /**
   * Writes roster fields; the card takes the new name, title, phone and email where it still showed the old
   * roster value (what the employee wrote on their card themselves stays).
   */
  async applyFields(manager: EntityManager, employee: Employee, fields: EmployeeFields): Promise<void> {
    const card = await manager.findOneBy(Card, { employeeId: employee.id });
    if (card) {
      const cardChanges: Partial<Card> = {};
      for (const field of CARD_FOLLOWS) {
        if (card[field] === (employee[field] ?? '') && fields[field] !== card[field])
          cardChanges[field] = fields[field];
      }
      if (Object.keys(cardChanges).length > 0) await manager.update(Card, { id: card.id }, cardChanges);
    }
    await manager.update(
      Employee,
      { id: employee.id },
      {
        name: fields.name,
        title: fields.title,
        phone: fields.phone || null,
        email: fields.email || null,
        departmentId: fields.departmentId,
        role: fields.role,
      },
    );
  }

  /**
   * Disabling stops the person at once: their session tokens, WeChat login, card and card shares. Enabling
   * returns them to where they were: active if they had joined, pending otherwise. An admin cannot disable
   * themselves, which also keeps the organization's last active admin (the caller) in place.
   */
  async setDisabled(admin: StaffPrincipal, employeeId: string, disabled: boolean): Promise<EmployeeDto> {
    const employee = await this.findInOrganization(admin.organizationId, employeeId);
    if (disabled && employee.id === admin.employeeId)
      throw new ConflictException('不能停用自己的账号；如需交接，请先让另一位管理员操作');
    const status: EmployeeStatus = disabled ? 'disabled' : employee.joinedAt ? 'active' : 'invited';
    if (employee.status !== status) {
      await this.employees.update({ id: employee.id }, { status });
      // Their card and short links stop (or start) opening now, not when a cached read expires.
      this.publicReads.clear();
    }
    return this.findDto(admin, employeeId);
  }

  /** The employee a row of an import names: by phone, else by email, within the organization. */
  async findByContact(
    manager: EntityManager,
    organizationId: string,
    contact: { phone: string; email: string },
  ): Promise<{ byPhone: Employee | null; byEmail: Employee | null }> {
    const find = (field: 'phone' | 'email') =>
      contact[field] ? manager.findOneBy(Employee, { organizationId, [field]: contact[field] }) : null;
    return { byPhone: await find('phone'), byEmail: await find('email') };
  }

  async toDtos(organizationId: string, employees: Employee[]): Promise<EmployeeDto[]> {
    if (employees.length === 0) return [];
    const departments = await this.departments.all(organizationId);
    const invitations = await this.openInvitations(
      employees.filter((employee) => employee.status === 'invited').map((employee) => employee.id),
    );
    return employees.map((employee) => toEmployeeDto(employee, departments, invitations.get(employee.id)));
  }

  /** The department ids a manager may see (theirs and below); null for admins, who see all. */
  private async departmentsVisibleTo(staff: StaffPrincipal): Promise<string[] | null> {
    if (staff.role === 'admin') return null;
    const self = await this.findInOrganization(staff.organizationId, staff.employeeId);
    if (!self.departmentId) throw new ForbiddenException('你还没有所属部门，请联系管理员');
    return this.departments.subtreeIds(staff.organizationId, self.departmentId);
  }

  /** The newest unused, unrevoked invitation of each of these employees. */
  private async openInvitations(employeeIds: string[]): Promise<Map<string, Invitation>> {
    if (employeeIds.length === 0) return new Map();
    const rows = await this.invitations.find({
      where: { employeeId: In(employeeIds), acceptedAt: IsNull(), revokedAt: IsNull() },
      order: { createdAt: 'ASC' },
    });
    return new Map(rows.map((invitation) => [invitation.employeeId, invitation]));
  }
}

/** Raising or lowering one's own role is left to another admin, so nobody locks themselves out by mistake. */
export function assertNotOwnRole(admin: StaffPrincipal, employee: Employee, role: StaffRole): void {
  if (employee.id === admin.employeeId && employee.role !== role) {
    throw new ConflictException({
      message: '不能修改自己的角色，请让另一位管理员操作',
      fields: [{ path: 'role', message: 'role of the calling admin cannot be changed by themselves' }],
    });
  }
}

function toEmployeeDto(
  employee: Employee,
  departments: Department[],
  invitation: Invitation | undefined,
): EmployeeDto {
  return {
    id: employee.id,
    name: employee.name,
    title: employee.title,
    phone: employee.phone ?? '',
    email: employee.email ?? '',
    role: employee.role,
    status: employee.status,
    departmentId: employee.departmentId,
    departmentPath: employee.departmentId
      ? departmentPath(departments, employee.departmentId).join('/') || null
      : null,
    hasConsoleLogin: employee.account !== null && employee.passwordHash !== null,
    joinedAt: employee.joinedAt?.toISOString() ?? null,
    createdAt: employee.createdAt.toISOString(),
    invitation: invitation ? { code: invitation.code, expiresAt: invitation.expiresAt.toISOString() } : null,
  };
}
