import { Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  SHORT_LINK_QR_PARAM,
  SHORT_LINK_QR_VALUE,
  type SiteLinkDto,
  createSiteLinkSchema,
} from '@cardhub/shared';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { CurrentStaff, Public, Roles, type StaffPrincipal } from '../common/auth';
import { ZodBody } from '../common/validation';
import { storedUserAgent } from '../tracking/event-log';
import { shortLinkNotFoundPage } from '../web/link-preview';
import { SiteLinksService } from './site-links.service';

@ApiTags('site')
@Controller('api/site/links')
export class SiteLinksController {
  constructor(private readonly links: SiteLinksService) {}

  /** A short attributed link to a page of the organization's site (its origin must be a listed site origin). */
  @Post()
  @Roles('employee')
  @ApiBearerAuth()
  create(
    @CurrentStaff() staff: StaffPrincipal,
    @ZodBody(createSiteLinkSchema) input: z.output<typeof createSiteLinkSchema>,
    @Headers('user-agent') userAgent: string | undefined,
  ): Promise<SiteLinkDto> {
    return this.links.create(staff, input, storedUserAgent(userAgent));
  }
}

/** `GET /s/:code`: a 302 to the share's page on the organization's site, with the share code appended. */
@ApiTags('site')
@Public()
@Controller('s')
export class ShortLinksController {
  constructor(private readonly links: SiteLinksService) {}

  @Get(':code')
  @ApiProduces('text/html')
  async open(
    @Param('code') code: string,
    @Query(SHORT_LINK_QR_PARAM) via: string | undefined,
    @Headers('user-agent') userAgent: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const destination = await this.links.open(code, via === SHORT_LINK_QR_VALUE, storedUserAgent(userAgent));
    // Never cached: every opening is logged.
    void reply.header('Cache-Control', 'no-store');
    if (destination) {
      await reply.redirect(destination, 302);
      return;
    }
    await reply.status(404).header('Content-Type', 'text/html; charset=utf-8').send(shortLinkNotFoundPage());
  }
}
