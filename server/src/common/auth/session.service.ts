import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { LoginResponse, Principal } from '@cardhub/shared';
import { Repository } from 'typeorm';
import { Employee } from '../../org/entities/employee.entity';
import { Organization } from '../../org/entities/organization.entity';
import { InvalidTokenError, TokenClaims, TokenService } from './token.service';

export const SESSION_TTL_SECONDS = 7 * 24 * 60 * 60;

interface SessionClaims extends TokenClaims {
  kind: 'session';
  /** Employee id for staff, WechatUser id for prospects. */
  sub: string;
  who: 'employee' | 'prospect';
}

/**
 * Login sessions. A staff session names only the employee: role, organization and status are read at every
 * request, so disabling or demoting someone takes effect at once.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly tokens: TokenService,
    @InjectRepository(Employee) private readonly employees: Repository<Employee>,
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
  ) {}

  async startForEmployee(employee: Employee): Promise<LoginResponse> {
    if (employee.status !== 'active') throw new UnauthorizedException('该账号已停用，请联系管理员');
    return this.loginResponse(
      { kind: 'session', sub: employee.id, who: 'employee' },
      await this.staffPrincipal(employee),
    );
  }

  startForProspect(wechatUserId: string): LoginResponse {
    return this.loginResponse(
      { kind: 'session', sub: wechatUserId, who: 'prospect' },
      { kind: 'prospect', wechatUserId },
    );
  }

  /** The principal a bearer token stands for; 401 with a reason a person can act on otherwise. */
  async resolve(token: string): Promise<Principal> {
    let claims: SessionClaims;
    try {
      claims = this.tokens.verify<SessionClaims>(token, 'session');
    } catch (error) {
      if (error instanceof InvalidTokenError && error.reason === 'expired') {
        throw new UnauthorizedException('登录已过期，请重新登录');
      }
      throw new UnauthorizedException('登录凭证无效，请重新登录');
    }
    if (claims.who === 'prospect') return { kind: 'prospect', wechatUserId: claims.sub };

    const employee = await this.employees.findOneBy({ id: claims.sub });
    if (!employee || employee.status !== 'active')
      throw new UnauthorizedException('该账号已停用，请联系管理员');
    return this.staffPrincipal(employee);
  }

  private async staffPrincipal(employee: Employee): Promise<Principal> {
    const organization = await this.organizations.findOneByOrFail({ id: employee.organizationId });
    return {
      kind: 'employee',
      employeeId: employee.id,
      organizationId: organization.id,
      organizationName: organization.name,
      role: employee.role,
      name: employee.name,
    };
  }

  private loginResponse(claims: SessionClaims, principal: Principal): LoginResponse {
    const { token, expiresAt } = this.tokens.sign(claims, SESSION_TTL_SECONDS);
    return {
      token,
      expiresAt: expiresAt.toISOString(),
      principal,
      role: principal.kind === 'employee' ? principal.role : 'prospect',
    };
  }
}
