import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type DemoAccount,
  type LoginResponse,
  type Principal,
  demoLoginSchema,
  passwordLoginSchema,
  wechatLoginSchema,
} from '@cardhub/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Authenticated, CurrentPrincipal, Public } from '../common/auth';
import { LoginThrottle } from '../common/rate-limit';
import { ZodBody } from '../common/validation';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly throttle: LoginThrottle,
  ) {}

  @Public()
  @Post('wechat-login')
  @HttpCode(200)
  wechatLogin(
    @ZodBody(wechatLoginSchema) input: z.output<typeof wechatLoginSchema>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    // No account is known before WeChat answers: failed codes are counted per IP.
    return this.throttle.attempt('wechat', request.ip, reply, () => this.auth.wechatLogin(input.code));
  }

  @Public()
  @Post('password-login')
  @HttpCode(200)
  passwordLogin(
    @ZodBody(passwordLoginSchema) input: z.output<typeof passwordLoginSchema>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    return this.throttle.attempt(input.account, request.ip, reply, () => this.auth.passwordLogin(input));
  }

  @Public()
  @Get('demo-accounts')
  demoAccounts(): Promise<DemoAccount[]> {
    return this.auth.demoAccounts();
  }

  @Public()
  @Post('demo-login')
  @HttpCode(200)
  demoLogin(@ZodBody(demoLoginSchema) input: z.output<typeof demoLoginSchema>): Promise<LoginResponse> {
    return this.auth.demoLogin(input.employeeId);
  }

  @Authenticated()
  @ApiBearerAuth()
  @Get('me')
  me(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }
}
