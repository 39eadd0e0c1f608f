import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuditLogResponse, listAuditLogQuerySchema } from '@cardhub/shared';
import type { z } from 'zod';
import { CurrentStaff, Roles, type StaffPrincipal } from '../common/auth';
import { ZodQuery } from '../common/validation';
import { AuditService } from './audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit-log')
@Roles('admin')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Newest first. */
  @Get()
  list(
    @CurrentStaff() admin: StaffPrincipal,
    @ZodQuery(listAuditLogQuerySchema) query: z.output<typeof listAuditLogQuerySchema>,
  ): Promise<AuditLogResponse> {
    return this.audit.list(admin.organizationId, query);
  }
}
