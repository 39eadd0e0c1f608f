import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  type InvitationDto,
  type LoginResponse,
  acceptInvitationSchema,
  createInvitationSchema,
} from '@cardhub/shared';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CurrentStaff, Public, Roles, type StaffPrincipal } from '../common/auth';
import { ZodBody } from '../common/validation';
import { InvitationsService } from './invitations.service';

@ApiTags('invitations')
@Controller('api/invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  /** The short form of POST /api/employees (name, title, role, department only). */
  @Roles('admin')
  @ApiBearerAuth()
  @Post()
  create(
    @CurrentStaff() admin: StaffPrincipal,
    @ZodBody(createInvitationSchema) input: z.output<typeof createInvitationSchema>,
  ): Promise<InvitationDto> {
    return this.invitations.inviteDto(
      admin,
      {
        name: input.name,
        title: input.title ?? '',
        phone: '',
        email: '',
        departmentId: input.departmentId ?? null,
        role: input.role,
      },
      input.validDays,
    );
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

  /** Holding the code is what admits to the join page, so its images need no login (an <img> sends none). */
  @Public()
  @Get(':code/qrcode.svg')
  @ApiProduces('image/svg+xml')
  async qrCode(
    @Param('code') code: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const svg = await this.invitations.qrCodeSvg(code);
    void reply.header('Content-Type', 'image/svg+xml; charset=utf-8').header('Cache-Control', 'no-store');
    return svg;
  }

  @Public()
  @Get(':code/wxacode.png')
  @ApiProduces('image/png')
  async miniProgramCode(
    @Param('code') code: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const png = await this.invitations.miniProgramCode(code);
    // Set only on success: an error must leave as JSON. Not cached: the invitation may be revoked.
    void reply.header('Content-Type', 'image/png').header('Cache-Control', 'no-store');
    return png;
  }
}
