import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { StaffRole } from '@cardhub/shared';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Card } from '../cards/entities/card.entity';
import { findInOrganization } from '../common/auth';
import { Employee, EmployeeStatus } from './entities/employee.entity';
import { Organization } from './entities/organization.entity';

export interface NewEmployee {
  organizationId: string;
  departmentId?: string | null;
  name: string;
  title?: string;
  role: StaffRole;
  status: EmployeeStatus;
  /** Console login; managers and admins only. */
  account?: string;
  passwordHash?: string;
  /** Card fields beyond name and title; company and site default to the organization's. */
  card?: Partial<
    Pick<Card, 'company' | 'phone' | 'wechatId' | 'email' | 'address' | 'bio' | 'siteUrl' | 'avatarUrl'>
  >;
}

/** The roster: who works where. Other features reach employees only through this service. */
@Injectable()
export class EmployeesService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Employee) private readonly employees: Repository<Employee>,
  ) {}

  /** An employee of the caller's organization; another organization's id is a 404 like an unknown one. */
  findInOrganization(organizationId: string, employeeId: string): Promise<Employee> {
    return findInOrganization(this.employees, organizationId, { id: employeeId }, '员工不存在');
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
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ employee: Employee; card: Card }> {
    return manager.transaction(async (transaction) => {
      const organization = await transaction.findOneByOrFail(Organization, { id: input.organizationId });
      const employee = await transaction.save(
        transaction.create(Employee, {
          organizationId: input.organizationId,
          departmentId: input.departmentId ?? null,
          name: input.name,
          title: input.title ?? '',
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
          company: organization.name,
          siteUrl: organization.siteUrl,
          ...input.card,
        }),
      );
      return { employee, card };
    });
  }
}
