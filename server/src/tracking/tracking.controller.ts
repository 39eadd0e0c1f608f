import { Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type Principal,
  type TrackViewResponse,
  type LeaveContactResponse,
  leaveContactSchema,
  trackViewSchema,
} from '@cardhub/shared';
import type { z } from 'zod';
import { CurrentPrincipal, Public } from '../common/auth';
import { ZodBody } from '../common/validation';
import { ContactService } from './contact.service';
import { storedUserAgent } from './event-log';
import { TrackingService } from './tracking.service';

@ApiTags('tracking')
@Public()
@Controller('api/track')
export class TrackingController {
  constructor(
    private readonly tracking: TrackingService,
    private readonly contacts: ContactService,
  ) {}

  @Post('view')
  @HttpCode(200)
  recordView(
    @CurrentPrincipal() principal: Principal | undefined,
    @ZodBody(trackViewSchema) input: z.output<typeof trackViewSchema>,
    @Headers('user-agent') userAgent: string | undefined,
  ): Promise<TrackViewResponse> {
    return this.tracking.recordView(principal, input, storedUserAgent(userAgent));
  }

  @Post('contact')
  @HttpCode(200)
  leaveContact(
    @ZodBody(leaveContactSchema) input: z.output<typeof leaveContactSchema>,
  ): Promise<LeaveContactResponse> {
    return this.contacts.leaveContact(input);
  }
}
