import { Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type DemoAccount,
  type LoginResponse,
  type PasswordLoginInput,
  ROLE_RANK,
  type StaffRole,
} from '@cardhub/shared';
import { In, Repository } from 'typeorm';
import { SessionService } from '../common/auth';
import { AppConfig } from '../common/config';
import { EmployeesService } from '../org/employees.service';
import { Department } from '../org/entities/department.entity';
import { Employee } from '../org/entities/employee.entity';
import { Organization } from '../org/entities/organization.entity';
import { DEMO_ORGANIZATION_SLUG } from '../demo/demo-data';
import { UNKNOWN_ACCOUNT_HASH, verifyPassword } from './password-hasher';
import { WechatIdentityService } from './wechat-identity.service';

const WRONG_CREDENTIALS = '账号或密码错误';
const CONSOLE_ROLES: readonly StaffRole[] = ['manager', 'admin'];

@Injectable()
export class AuthService {
  constructor(
    private readonly config: AppConfig,
    private readonly sessions: SessionService,
    private readonly employees: EmployeesService,
    private readonly wechatIdentities: WechatIdentityService,
    @InjectRepository(Employee) private readonly employeeRows: Repository<Employee>,
    @InjectRepository(Department) private readonly departments: Repository<Department>,
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
  ) {}

  /** An employee if this WeChat identity is bound to one, otherwise a prospect. */
  async wechatLogin(jsCode: string): Promise<LoginResponse> {
    const wechatUser = await this.wechatIdentities.signIn(jsCode);
    const employee = await this.employees.findByWechatUser(wechatUser.id);
    return employee
      ? this.sessions.startForEmployee(employee)
      : this.sessions.startForProspect(wechatUser.id);
  }

  /** Console login for managers and admins. Every failure reads the same, so accounts cannot be probed. */
  async passwordLogin({ account, password }: PasswordLoginInput): Promise<LoginResponse> {
    const employee = await this.employees.findByAccount(account);
    const matches = await verifyPassword(password, employee?.passwordHash ?? UNKNOWN_ACCOUNT_HASH);
    if (!employee || !matches || !CONSOLE_ROLES.includes(employee.role))
      throw new UnauthorizedException(WRONG_CREDENTIALS);
    return this.sessions.startForEmployee(employee);
  }

  /** The demo organization's active staff, for one-click logins. */
  async demoAccounts(): Promise<DemoAccount[]> {
    const organization = await this.demoOrganization();
    const staff = await this.employeeRows.findBy({ organizationId: organization.id, status: 'active' });
    const departmentIds = staff
      .map((employee) => employee.departmentId)
      .filter((id): id is string => id !== null);
    const departments = new Map(
      (await this.departments.findBy({ id: In(departmentIds) })).map((department) => [
        department.id,
        department.name,
      ]),
    );
    const accounts = staff.map((employee) => ({
      employeeId: employee.id,
      name: employee.name,
      title: employee.title,
      role: employee.role,
      departmentName: employee.departmentId ? (departments.get(employee.departmentId) ?? null) : null,
    }));
    // Highest role first, then by department and name: the order a visitor to the demo would look for.
    return accounts.sort(
      (a, b) =>
        ROLE_RANK[b.role] - ROLE_RANK[a.role] ||
        (a.departmentName ?? '').localeCompare(b.departmentName ?? '', 'zh') ||
        a.name.localeCompare(b.name, 'zh'),
    );
  }

  async demoLogin(employeeId: string): Promise<LoginResponse> {
    const organization = await this.demoOrganization();
    const employee = await this.employees.findInOrganization(organization.id, employeeId);
    return this.sessions.startForEmployee(employee);
  }

  private async demoOrganization(): Promise<Organization> {
    const organization = this.config.demoMode
      ? await this.organizations.findOneBy({ slug: DEMO_ORGANIZATION_SLUG })
      : null;
    if (!organization) throw new NotFoundException('演示模式未开启');
    return organization;
  }
}
