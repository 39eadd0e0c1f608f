import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type LeadDetail,
  type LeadListResponse,
  addFollowUpSchema,
  assignLeadSchema,
  changeLeadStageSchema,
  listLeadsQuerySchema,
  setLeadTagsSchema,
} from '@cardhub/shared';
import type { z } from 'zod';
import { CurrentStaff, Roles, type StaffPrincipal } from '../common/auth';
import { ZodBody, ZodQuery } from '../common/validation';
import { LeadsService } from './leads.service';

/** Ids in these paths are UUIDs; anything else is a 400, never a lookup. */
const leadId = new ParseUUIDPipe({ errorHttpStatusCode: 400 });

@ApiTags('leads')
@ApiBearerAuth()
@Controller('api/leads')
@Roles('employee')
export class LeadsController {
  constructor(private readonly leads: LeadsService) {}

  @Get()
  list(
    @CurrentStaff() staff: StaffPrincipal,
    @ZodQuery(listLeadsQuerySchema) query: z.output<typeof listLeadsQuerySchema>,
  ): Promise<LeadListResponse> {
    return this.leads.list(staff, query);
  }

  @Get(':id')
  detail(@CurrentStaff() staff: StaffPrincipal, @Param('id', leadId) id: string): Promise<LeadDetail> {
    return this.leads.detail(staff, id);
  }

  @Post(':id/claim')
  @HttpCode(200)
  claim(@CurrentStaff() staff: StaffPrincipal, @Param('id', leadId) id: string): Promise<LeadDetail> {
    return this.leads.claim(staff, id);
  }

  @Post(':id/assign')
  @Roles('manager')
  @HttpCode(200)
  assign(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', leadId) id: string,
    @ZodBody(assignLeadSchema) input: z.output<typeof assignLeadSchema>,
  ): Promise<LeadDetail> {
    return this.leads.assign(staff, id, input);
  }

  @Post(':id/stage')
  @HttpCode(200)
  changeStage(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', leadId) id: string,
    @ZodBody(changeLeadStageSchema) input: z.output<typeof changeLeadStageSchema>,
  ): Promise<LeadDetail> {
    return this.leads.changeStage(staff, id, input);
  }

  @Post(':id/follow-ups')
  addFollowUp(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', leadId) id: string,
    @ZodBody(addFollowUpSchema) input: z.output<typeof addFollowUpSchema>,
  ): Promise<LeadDetail> {
    return this.leads.addFollowUp(staff, id, input.note);
  }

  @Put(':id/tags')
  setTags(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', leadId) id: string,
    @ZodBody(setLeadTagsSchema) input: z.output<typeof setLeadTagsSchema>,
  ): Promise<LeadDetail> {
    return this.leads.setTags(staff, id, input.tags);
  }
}
