import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type ErasureReport,
  type PersonalDataExport,
  type PrivacyStatus,
  eraseLeadPersonSchema,
  setConsentSchema,
  visitorPrivacyRequestSchema,
} from '@cardhub/shared';
import type { z } from 'zod';
import { CurrentStaff, Public, Roles, type StaffPrincipal } from '../common/auth';
import { ZodBody } from '../common/validation';
import { PersonalDataService } from './personal-data.service';

type VisitorRequest = z.output<typeof visitorPrivacyRequestSchema>;

/** A visitor's own privacy requests (隐私与数据): no login, the visit token proves who they are. */
@ApiTags('privacy')
@Public()
@Controller('api/privacy/me')
export class OwnPersonalDataController {
  constructor(private readonly personalData: PersonalDataService) {}

  @Post()
  @HttpCode(200)
  status(@ZodBody(visitorPrivacyRequestSchema) input: VisitorRequest): Promise<PrivacyStatus> {
    return this.personalData.status(input.visitToken);
  }

  @Post('consents')
  @HttpCode(200)
  choose(@ZodBody(setConsentSchema) input: z.output<typeof setConsentSchema>): Promise<PrivacyStatus> {
    return this.personalData.choose(input.visitToken, input.purpose, input.granted, input.policyVersion);
  }

  @Post('export')
  @HttpCode(200)
  export(@ZodBody(visitorPrivacyRequestSchema) input: VisitorRequest): Promise<PersonalDataExport> {
    return this.personalData.exportOwn(input.visitToken);
  }

  @Post('erase')
  @HttpCode(200)
  erase(@ZodBody(visitorPrivacyRequestSchema) input: VisitorRequest): Promise<ErasureReport> {
    return this.personalData.eraseOwn(input.visitToken);
  }
}

const leadId = new ParseUUIDPipe({ errorHttpStatusCode: 400 });

/** Requests that reached the company by other channels: an admin exports or erases a lead's person, audited. */
@ApiTags('privacy')
@ApiBearerAuth()
@Controller('api/leads/:id')
@Roles('admin')
export class LeadPersonalDataController {
  constructor(private readonly personalData: PersonalDataService) {}

  @Get('personal-data')
  export(
    @CurrentStaff() admin: StaffPrincipal,
    @Param('id', leadId) id: string,
  ): Promise<PersonalDataExport> {
    return this.personalData.exportForLead(admin, id);
  }

  @Post('erase')
  @HttpCode(200)
  erase(
    @CurrentStaff() admin: StaffPrincipal,
    @Param('id', leadId) id: string,
    @ZodBody(eraseLeadPersonSchema) input: z.output<typeof eraseLeadPersonSchema>,
  ): Promise<ErasureReport> {
    return this.personalData.eraseForLead(admin, id, input.reason);
  }
}
