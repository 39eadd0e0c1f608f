import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type InvitationDto,
  type LoginResponse,
  acceptInvitationSchema,
  createInvitationSchema,
} from '@cardhub/shared';
import { z } from 'zod';
import { CurrentStaff, Public, Roles, type StaffPrincipal } from '../common/auth';
import { ZodBody } from '../common/validation';
import { InvitationsService } from './invitations.service';

@ApiTags('invitations')
@Controller('api/invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Roles('admin')
  @ApiBearerAuth()
  @Post()
  create(
    @CurrentStaff() admin: StaffPrincipal,
    @ZodBody(createInvitationSchema) input: z.output<typeof createInvitationSchema>,
  ): Promise<InvitationDto> {
    return this.invitations.create(admin, input);
  }

  @Public()
  @Get(':code')
  describe(@Param('code') code: string): Promise<InvitationDto> {
    return this.invitations.describe(code);
  }

  @Public()
  @Post(':code/accept')
  @HttpCode(200)
  accept(
    @Param('code') code: string,
    @ZodBody(acceptInvitationSchema) input: z.output<typeof acceptInvitationSchema>,
  ): Promise<LoginResponse> {
    return this.invitations.accept(code, input.code);
  }
}
