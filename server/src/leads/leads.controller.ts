import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  type LeadDetail,
  type LeadListResponse,
  addFollowUpSchema,
  assignLeadSchema,
  changeLeadStageSchema,
  exportLeadsQuerySchema,
  listLeadsQuerySchema,
  setLeadTagsSchema,
} from '@cardhub/shared';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { CurrentStaff, Roles, type StaffPrincipal } from '../common/auth';
import { ZodBody, ZodQuery } from '../common/validation';
import { EXPORT_CONTENT_TYPES, sendFile } from '../common/export/table-file';
import { LeadExport, type LeadExportFormat } from './lead-export';
import { LeadsService } from './leads.service';

/** Ids in these paths are UUIDs; anything else is a 400, never a lookup. */
const leadId = new ParseUUIDPipe({ errorHttpStatusCode: 400 });

@ApiTags('leads')
@ApiBearerAuth()
@Controller('api/leads')
@Roles('employee')
export class LeadsController {
  constructor(
    private readonly leads: LeadsService,
    private readonly exports: LeadExport,
  ) {}

  @Get()
  list(
    @CurrentStaff() staff: StaffPrincipal,
    @ZodQuery(listLeadsQuerySchema) query: z.output<typeof listLeadsQuerySchema>,
  ): Promise<LeadListResponse> {
    return this.leads.list(staff, query);
  }

  @Get('export.csv')
  @ApiProduces(EXPORT_CONTENT_TYPES.csv)
  exportCsv(
    @CurrentStaff() staff: StaffPrincipal,
    @ZodQuery(exportLeadsQuerySchema) filters: z.output<typeof exportLeadsQuerySchema>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return this.download(staff, filters, 'csv', reply);
  }

  @Get('export.xlsx')
  @ApiProduces(EXPORT_CONTENT_TYPES.xlsx)
  exportXlsx(
    @CurrentStaff() staff: StaffPrincipal,
    @ZodQuery(exportLeadsQuerySchema) filters: z.output<typeof exportLeadsQuerySchema>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return this.download(staff, filters, 'xlsx', reply);
  }

  @Get(':id')
  detail(@CurrentStaff() staff: StaffPrincipal, @Param('id', leadId) id: string): Promise<LeadDetail> {
    return this.leads.view(staff, id);
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

  private async download(
    staff: StaffPrincipal,
    filters: z.output<typeof exportLeadsQuerySchema>,
    format: LeadExportFormat,
    reply: FastifyReply,
  ): Promise<Buffer> {
    const { content, fileName } = await this.exports.export(staff, filters, format);
    sendFile(reply, format, 'leads', fileName);
    return content;
  }
}
