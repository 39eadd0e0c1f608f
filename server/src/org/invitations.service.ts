import { ConflictException, GoneException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type InvitationDto, type LoginResponse, createInvitationSchema } from '@cardhub/shared';
import { randomBytes } from 'node:crypto';
import { DataSource, IsNull, Repository } from 'typeorm';
import { z } from 'zod';
import { WechatIdentityService } from '../auth/wechat-identity.service';
import { SessionService, type StaffPrincipal, findInOrganization } from '../common/auth';
import { AppConfig } from '../common/config';
import { EmployeesService } from './employees.service';
import { Department } from './entities/department.entity';
import { Employee } from './entities/employee.entity';
import { Invitation } from './entities/invitation.entity';
import { Organization } from './entities/organization.entity';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Joining: an admin invites a named person; opening the invitation in WeChat binds that person's identity. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly employees: EmployeesService,
    private readonly wechatIdentities: WechatIdentityService,
    private readonly sessions: SessionService,
    @InjectRepository(Invitation) private readonly invitations: Repository<Invitation>,
    @InjectRepository(Department) private readonly departments: Repository<Department>,
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
  ) {}

  /** Creates the pending employee (with a card) and an invitation for them. */
  async create(
    admin: StaffPrincipal,
    input: z.output<typeof createInvitationSchema>,
  ): Promise<InvitationDto> {
    if (input.departmentId) {
      await findInOrganization(
        this.departments,
        admin.organizationId,
        { id: input.departmentId },
        '部门不存在',
      );
    }
    const invitation = await this.dataSource.transaction(async (transaction) => {
      const { employee } = await this.employees.createWithCard(
        {
          organizationId: admin.organizationId,
          departmentId: input.departmentId,
          name: input.name,
          title: input.title,
          role: input.role,
          status: 'invited',
        },
        transaction,
      );
      return transaction.save(
        transaction.create(Invitation, {
          code: randomBytes(18).toString('base64url'),
          organizationId: admin.organizationId,
          employeeId: employee.id,
          createdByEmployeeId: admin.employeeId,
          expiresAt: new Date(Date.now() + input.validDays * DAY_MS),
          acceptedAt: null,
        }),
      );
    });
    return this.toDto(invitation);
  }

  async describe(code: string): Promise<InvitationDto> {
    return this.toDto(await this.findByCode(code));
  }

  /** Binds the WeChat identity behind `wechatCode` to the invited employee and logs them in. */
  async accept(code: string, wechatCode: string): Promise<LoginResponse> {
    const invitation = await this.findByCode(code);
    const employee = await this.employees.findById(invitation.employeeId);
    assertOpen(invitation, employee);

    const wechatUser = await this.wechatIdentities.signIn(wechatCode);
    const alreadyBound = await this.employees.findByWechatUser(wechatUser.id);
    if (alreadyBound) throw new ConflictException('该微信已绑定其他员工账号，请换一个微信接受邀请');

    await this.dataSource.transaction(async (transaction) => {
      // The condition makes two simultaneous acceptances race safely: only one updates the row.
      const claimed = await transaction.update(
        Invitation,
        { id: invitation.id, acceptedAt: IsNull() },
        { acceptedAt: new Date() },
      );
      if (!claimed.affected) throw new ConflictException('该邀请已被使用');
      await transaction.update(
        Employee,
        { id: employee!.id },
        { wechatUserId: wechatUser.id, status: 'active', joinedAt: new Date() },
      );
    });
    return this.sessions.startForEmployee((await this.employees.findById(invitation.employeeId))!);
  }

  private async findByCode(code: string): Promise<Invitation> {
    const invitation = await this.invitations.findOneBy({ code });
    if (!invitation) throw new NotFoundException('邀请不存在，请向管理员索取新的邀请');
    return invitation;
  }

  private async toDto(invitation: Invitation): Promise<InvitationDto> {
    const employee = await this.employees.findById(invitation.employeeId);
    const organization = await this.organizations.findOneByOrFail({ id: invitation.organizationId });
    const path = `pages/join/index?invite=${invitation.code}`;
    return {
      code: invitation.code,
      employeeId: invitation.employeeId,
      employeeName: employee?.name ?? '',
      organizationName: organization.name,
      role: employee?.role ?? 'employee',
      expiresAt: invitation.expiresAt.toISOString(),
      acceptedAt: invitation.acceptedAt?.toISOString() ?? null,
      path,
      url: `${this.config.publicUrl}/#/${path}`,
    };
  }
}

function assertOpen(invitation: Invitation, employee: Employee | null): asserts employee is Employee {
  if (invitation.acceptedAt) throw new ConflictException('该邀请已被使用');
  if (invitation.expiresAt.getTime() <= Date.now())
    throw new GoneException('邀请已过期，请向管理员索取新的邀请');
  if (!employee || employee.status !== 'invited') throw new GoneException('邀请已失效，请联系管理员');
}
