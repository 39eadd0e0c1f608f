import { Controller, Get, Headers, NotFoundException, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type Principal, type ShareDto, createShareSchema } from '@cardhub/shared';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { CurrentPrincipal, CurrentStaff, Public, Roles, type StaffPrincipal } from '../common/auth';
import { ZodBody } from '../common/validation';
import { storedUserAgent } from '../tracking/event-log';
import { ShareImagesService } from './share-images.service';
import { SharesService } from './shares.service';

@ApiTags('shares')
@Controller('api/shares')
export class SharesController {
  constructor(
    private readonly shares: SharesService,
    private readonly images: ShareImagesService,
  ) {}

  /** Staff share (or re-share) with their login; prospects forward with the token of their visit. */
  @Post()
  @Public()
  @ApiBearerAuth()
  create(
    @CurrentPrincipal() principal: Principal | undefined,
    @ZodBody(createShareSchema) input: z.output<typeof createShareSchema>,
    @Headers('user-agent') userAgent: string | undefined,
  ): Promise<ShareDto> {
    return this.shares.create(principal, input, storedUserAgent(userAgent));
  }

  @Get(':code/wxacode.png')
  @Roles('employee')
  @ApiBearerAuth()
  @ApiProduces('image/png')
  async miniProgramCode(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('code') code: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const png = await this.images.miniProgramCode(await this.shares.findOwnShare(staff, code));
    // Set only on success: an error must leave as JSON.
    void reply.header('Content-Type', 'image/png').header('Cache-Control', 'private, max-age=86400');
    return png;
  }

  @Get(':code/qrcode.svg')
  @Public()
  @ApiProduces('image/svg+xml')
  async qrCode(
    @Param('code') code: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const share = await this.shares.findByCode(code);
    if (!share) throw new NotFoundException('分享不存在');
    const svg = await this.images.qrCodeSvg(share);
    void reply
      .header('Content-Type', 'image/svg+xml; charset=utf-8')
      .header('Cache-Control', 'public, max-age=86400');
    return svg;
  }
}
