import {
  Controller,
  ExecutionContext,
  ForbiddenException,
  Get,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Principal } from '@cardhub/shared';
import { Authenticated, Public, Roles } from './access.decorators';
import { AuthGuard } from './auth.guard';
import type { SessionService } from './session.service';

@Controller()
class RoutesUnderTest {
  @Get() undeclared() {}
  @Public() @Get() open() {}
  @Authenticated() @Get() anyone() {}
  @Roles('employee') @Get() staff() {}
  @Roles('manager') @Get() managers() {}
  @Roles('prospect') @Get() prospects() {}
}

const principals: Record<string, Principal> = {
  prospect: { kind: 'prospect', wechatUserId: 'w1' },
  employee: {
    kind: 'employee',
    employeeId: 'e1',
    organizationId: 'o1',
    organizationName: '星辰科技',
    role: 'employee',
    name: '张伟',
  },
  manager: {
    kind: 'employee',
    employeeId: 'e2',
    organizationId: 'o1',
    organizationName: '星辰科技',
    role: 'manager',
    name: '李经理',
  },
  admin: {
    kind: 'employee',
    employeeId: 'e3',
    organizationId: 'o1',
    organizationName: '星辰科技',
    role: 'admin',
    name: '王总',
  },
};

describe('AuthGuard', () => {
  const sessions = {
    resolve: async (token: string) => {
      if (!principals[token]) throw new UnauthorizedException('登录凭证无效，请重新登录');
      return principals[token];
    },
  } as unknown as SessionService;
  const guard = new AuthGuard(new Reflector(), sessions);

  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  async function outcome(route: keyof RoutesUnderTest, token?: string): Promise<string> {
    const request: { headers: Record<string, string>; principal?: Principal } = {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    };
    const context = {
      getHandler: () => RoutesUnderTest.prototype[route],
      getClass: () => RoutesUnderTest,
      switchToHttp: () => ({ getRequest: () => request }),
    } as unknown as ExecutionContext;
    try {
      await guard.canActivate(context);
      return request.principal ? `allowed as ${token}` : 'allowed anonymously';
    } catch (error) {
      if (error instanceof UnauthorizedException) return '401';
      if (error instanceof ForbiddenException) return '403';
      throw error;
    }
  }

  it.each<[keyof RoutesUnderTest, string | undefined, string]>([
    ['undeclared', 'admin', '403'],
    ['open', undefined, 'allowed anonymously'],
    ['open', 'bogus', 'allowed anonymously'],
    ['open', 'employee', 'allowed as employee'],
    ['anyone', undefined, '401'],
    ['anyone', 'prospect', 'allowed as prospect'],
    ['staff', 'bogus', '401'],
    ['staff', 'prospect', '403'],
    ['staff', 'employee', 'allowed as employee'],
    ['staff', 'admin', 'allowed as admin'],
    ['managers', 'employee', '403'],
    ['managers', 'manager', 'allowed as manager'],
    ['managers', 'admin', 'allowed as admin'],
    ['prospects', 'prospect', 'allowed as prospect'],
    ['prospects', 'admin', '403'],
  ])('%s with %s → %s', async (route, token, expected) => {
    expect(await outcome(route, token)).toBe(expected);
  });
});
