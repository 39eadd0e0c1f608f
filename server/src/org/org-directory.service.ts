import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { departmentsInTreeOrder } from '@cardhub/shared';
import { In, Not, Repository } from 'typeorm';
import { WechatUser } from '../auth/entities/wechat-user.entity';
import { Department } from './entities/department.entity';
import { Employee } from './entities/employee.entity';
import { Organization } from './entities/organization.entity';

/** Read-only look-ups of an organization (time zone, departments, who works where) for features that assign work to staff or report on them. */
@Injectable()
export class OrgDirectory {
  constructor(
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    @InjectRepository(Department) private readonly departments: Repository<Department>,
    @InjectRepository(Employee) private readonly employees: Repository<Employee>,
    @InjectRepository(WechatUser) private readonly wechatUsers: Repository<WechatUser>,
  ) {}

  /** The IANA time zone the organization's days and deadlines are read in. */
  async timezoneOf(organizationId: string): Promise<string> {
    return (await this.organizations.findOneByOrFail({ id: organizationId })).timezone;
  }

  /** The organization's departments, parents first and each followed by its sub-departments. */
  async departmentsOf(organizationId: string): Promise<Department[]> {
    return departmentsInTreeOrder(
      await this.departments.find({
        where: { organizationId },
        order: { sortOrder: 'ASC', createdAt: 'ASC', id: 'ASC' },
      }),
    );
  }

  /** Staff who can still be given work: everyone not disabled (invited staff see it once they join). */
  assignableStaffOf(organizationId: string): Promise<Employee[]> {
    return this.employees.find({
      where: { organizationId, status: Not('disabled') },
      order: { name: 'ASC' },
    });
  }

  /** Staff of the organization by id, whatever their status (names in reports outlive a disabling). */
  findByIds(organizationId: string, employeeIds: readonly string[]): Promise<Employee[]> {
    if (employeeIds.length === 0) return Promise.resolve([]);
    return this.employees.findBy({ organizationId, id: In([...new Set(employeeIds)]) });
  }

  /** The WeChat openid of each of these employees who has bound one. */
  async openidsOf(employees: readonly Employee[]): Promise<Map<string, string>> {
    const bound = employees.filter((employee) => employee.wechatUserId !== null);
    if (bound.length === 0) return new Map();
    const users = await this.wechatUsers.findBy({ id: In(bound.map((employee) => employee.wechatUserId!)) });
    const openidByUser = new Map(users.map((user) => [user.id, user.openid]));
    return new Map(
      bound.flatMap((employee) => {
        const openid = openidByUser.get(employee.wechatUserId!);
        return openid ? [[employee.id, openid] as const] : [];
      }),
    );
  }
}
