import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type DemoAccount,
  type LoginResponse,
  type Principal,
  demoLoginSchema,
  passwordLoginSchema,
  wechatLoginSchema,
} from '@cardhub/shared';
import { z } from 'zod';
import { Authenticated, CurrentPrincipal, Public } from '../common/auth';
import { ZodBody } from '../common/validation';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('wechat-login')
  @HttpCode(200)
  wechatLogin(@ZodBody(wechatLoginSchema) input: z.output<typeof wechatLoginSchema>): Promise<LoginResponse> {
    return this.auth.wechatLogin(input.code);
  }

  @Public()
  @Post('password-login')
  @HttpCode(200)
  passwordLogin(
    @ZodBody(passwordLoginSchema) input: z.output<typeof passwordLoginSchema>,
  ): Promise<LoginResponse> {
    return this.auth.passwordLogin(input);
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
