import { ConflictException, GoneException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type InvitationDto, type LoginResponse, invitationScene } from '@cardhub/shared';
import { randomBytes } from 'node:crypto';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { WechatIdentityService } from '../auth/wechat-identity.service';
import { SessionService, type StaffPrincipal } from '../common/auth';
import { AppConfig } from '../common/config';
import { ScanCodesService } from '../wechat/scan-codes.service';
import { type EmployeeFields, EmployeesService } from './employees.service';
import { Employee } from './entities/employee.entity';
import { Invitation } from './entities/invitation.entity';
import { Organization } from './entities/organization.entity';
import { Transactions } from '../infra/database/transactions';

const DAY_MS = 24 * 60 * 60 * 1000;
const JOIN_PAGE = 'pages/join/index';

/** Joining: an admin invites a named person; opening the invitation in WeChat binds that person's identity. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly config: AppConfig,
    private readonly employees: EmployeesService,
    private readonly wechatIdentities: WechatIdentityService,
    private readonly sessions: SessionService,
    private readonly scanCodes: ScanCodesService,
    @InjectRepository(Invitation) private readonly invitations: Repository<Invitation>,
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
  ) {}

  /**
   * Adds a person to the roster: a pending employee (with a card) and an invitation for them. The one way
   * employees are created, whether one at a time or by an import (which passes its transaction).
   */
  async invite(
    admin: StaffPrincipal,
    fields: EmployeeFields,
    validDays: number,
    manager?: EntityManager,
  ): Promise<{ employee: Employee; invitation: Invitation }> {
    if (!manager) await this.employees.assertFieldsAllowed(admin.organizationId, fields, null);
    const run = async (transaction: EntityManager) => {
      const { employee } = await this.employees.createWithCard(
        { organizationId: admin.organizationId, ...fields, status: 'invited' },
        transaction,
      );
      return { employee, invitation: await this.issue(transaction, admin, employee.id, validDays) };
    };
    return manager ? run(manager) : this.transactions.run(run);
  }

  async inviteDto(admin: StaffPrincipal, fields: EmployeeFields, validDays: number): Promise<InvitationDto> {
    return this.toDto((await this.invite(admin, fields, validDays)).invitation);
  }

  /** A new invitation for a pending employee; the earlier ones stop opening. */
  async reissue(admin: StaffPrincipal, employeeId: string, validDays: number): Promise<InvitationDto> {
    const employee = await this.employees.findInOrganization(admin.organizationId, employeeId);
    if (employee.status !== 'invited') {
      throw new ConflictException(
        employee.status === 'active' ? '该员工已加入，无需再邀请' : '该员工已停用，请先启用再邀请',
      );
    }
    const invitation = await this.transactions.run(async (transaction) => {
      await transaction.update(
        Invitation,
        { employeeId, acceptedAt: IsNull(), revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
      return this.issue(transaction, admin, employeeId, validDays);
    });
    return this.toDto(invitation);
  }

  /** The open invitation of a pending employee (expired or not), for the console to show again. */
  async current(admin: StaffPrincipal, employeeId: string): Promise<InvitationDto> {
    const employee = await this.employees.findInOrganization(admin.organizationId, employeeId);
    const invitation =
      employee.status === 'invited'
        ? await this.invitations.findOne({
            where: { employeeId, acceptedAt: IsNull(), revokedAt: IsNull() },
            order: { createdAt: 'DESC' },
          })
        : null;
    if (!invitation) throw new NotFoundException('该员工没有待接受的邀请');
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

    await this.transactions.run(async (transaction) => {
      // The condition makes two simultaneous acceptances race safely: only one updates the row.
      const claimed = await transaction.update(
        Invitation,
        { id: invitation.id, acceptedAt: IsNull(), revokedAt: IsNull() },
        { acceptedAt: new Date() },
      );
      if (!claimed.affected) throw new ConflictException('该邀请已被使用');
      await transaction.update(
        Employee,
        { id: employee.id },
        { wechatUserId: wechatUser.id, status: 'active', joinedAt: new Date() },
      );
    });
    return this.sessions.startForEmployee((await this.employees.findById(invitation.employeeId))!);
  }

  /** QR code of the join page's browser link, for an invitation that can still be accepted. */
  async qrCodeSvg(code: string): Promise<string> {
    return this.scanCodes.qrCodeSvg(this.joinUrl((await this.findOpen(code)).code));
  }

  /** WeChat's mini-program code opening the join page; the invitation code travels in `scene`. */
  async miniProgramCode(code: string): Promise<Buffer> {
    const invitation = await this.findOpen(code);
    return this.scanCodes.miniProgramCode(`invitation-${invitation.code}`, {
      scene: invitationScene(invitation.code),
      page: JOIN_PAGE,
    });
  }

  private issue(
    manager: EntityManager,
    admin: StaffPrincipal,
    employeeId: string,
    validDays: number,
  ): Promise<Invitation> {
    return manager.save(
      manager.create(Invitation, {
        code: randomBytes(18).toString('base64url'),
        organizationId: admin.organizationId,
        employeeId,
        createdByEmployeeId: admin.employeeId,
        expiresAt: new Date(Date.now() + validDays * DAY_MS),
        acceptedAt: null,
        revokedAt: null,
      }),
    );
  }

  private async findByCode(code: string): Promise<Invitation> {
    const invitation = await this.invitations.findOneBy({ code });
    if (!invitation) throw new NotFoundException('邀请不存在，请向管理员索取新的邀请');
    if (invitation.revokedAt) throw new GoneException('这份邀请已作废，请使用管理员最新发给你的邀请');
    return invitation;
  }

  private async findOpen(code: string): Promise<Invitation> {
    const invitation = await this.findByCode(code);
    assertOpen(invitation, await this.employees.findById(invitation.employeeId));
    return invitation;
  }

  private joinUrl(code: string): string {
    return `${this.config.publicUrl}/#/${JOIN_PAGE}?invite=${code}`;
  }

  private async toDto(invitation: Invitation): Promise<InvitationDto> {
    const employee = await this.employees.findById(invitation.employeeId);
    const organization = await this.organizations.findOneByOrFail({ id: invitation.organizationId });
    return {
      code: invitation.code,
      employeeId: invitation.employeeId,
      employeeName: employee?.name ?? '',
      organizationName: organization.name,
      role: employee?.role ?? 'employee',
      expiresAt: invitation.expiresAt.toISOString(),
      acceptedAt: invitation.acceptedAt?.toISOString() ?? null,
      path: `${JOIN_PAGE}?invite=${invitation.code}`,
      url: this.joinUrl(invitation.code),
    };
  }
}

function assertOpen(invitation: Invitation, employee: Employee | null): asserts employee is Employee {
  if (invitation.acceptedAt) throw new ConflictException('该邀请已被使用');
  if (invitation.expiresAt.getTime() <= Date.now())
    throw new GoneException('邀请已过期，请向管理员索取新的邀请');
  if (!employee || employee.status !== 'invited') throw new GoneException('邀请已失效，请联系管理员');
}
