import { Controller, Headers, HttpCode, Options, Post, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type SiteBeaconResponse,
  type SiteLeadResponse,
  siteBeaconSchema,
  siteIdentifySchema,
  siteLeadSchema,
} from '@cardhub/shared';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { Public } from '../common/auth';
import { ZodBody } from '../common/validation';
import type { Organization } from '../org/entities/organization.entity';
import { storedUserAgent } from '../tracking/event-log';
import { SiteIngestService } from './site-ingest.service';
import { SiteOrganization, SiteOriginGuard } from './site-origin.guard';

/** Preflights are remembered this long; the tracker itself sends text/plain, which needs none. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * What the site tracker sends from an organization's own site. Bodies are JSON, as text/plain (sendBeacon,
 * no preflight) or application/json; answers carry no personal data.
 */
@ApiTags('site')
@Public()
@UseGuards(SiteOriginGuard)
@Controller('api/site/:organizationKey')
export class SiteIngestController {
  constructor(private readonly ingest: SiteIngestService) {}

  @Options(['events', 'identify', 'leads'])
  @HttpCode(204)
  preflight(@Res({ passthrough: true }) reply: FastifyReply): void {
    void reply
      .header('Access-Control-Allow-Methods', 'POST')
      .header('Access-Control-Allow-Headers', 'Content-Type')
      .header('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
  }

  @Post('events')
  @HttpCode(200)
  collect(
    @SiteOrganization() organization: Organization,
    @ZodBody(siteBeaconSchema, { textPlainJson: true }) input: z.output<typeof siteBeaconSchema>,
    @Headers('user-agent') userAgent: string | undefined,
  ): Promise<SiteBeaconResponse> {
    return this.ingest.collect(organization, input, storedUserAgent(userAgent));
  }

  /** Always 204 with no body: whether the phone was known before is nobody's business. */
  @Post('identify')
  @HttpCode(204)
  async identify(
    @SiteOrganization() organization: Organization,
    @ZodBody(siteIdentifySchema, { textPlainJson: true }) input: z.output<typeof siteIdentifySchema>,
    @Headers('user-agent') userAgent: string | undefined,
  ): Promise<void> {
    await this.ingest.identify(organization, input, storedUserAgent(userAgent));
  }

  @Post('leads')
  @HttpCode(200)
  submitLead(
    @SiteOrganization() organization: Organization,
    @ZodBody(siteLeadSchema, { textPlainJson: true }) input: z.output<typeof siteLeadSchema>,
    @Headers('user-agent') userAgent: string | undefined,
  ): Promise<SiteLeadResponse> {
    return this.ingest.submitLead(organization, input, storedUserAgent(userAgent));
  }
}
