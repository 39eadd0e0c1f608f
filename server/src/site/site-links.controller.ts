import { Controller, Headers, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type SiteLinkDto, createSiteLinkSchema } from '@cardhub/shared';
import type { z } from 'zod';
import { CurrentStaff, Roles, type StaffPrincipal } from '../common/auth';
import { ZodBody } from '../common/validation';
import { storedUserAgent } from '../tracking/event-log';
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
