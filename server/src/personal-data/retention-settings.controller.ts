import { Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type RetentionSettingsResponse, updateRetentionSettingsSchema } from '@cardhub/shared';
import type { z } from 'zod';
import { CurrentStaff, Roles, type StaffPrincipal } from '../common/auth';
import { ZodBody } from '../common/validation';
import { RetentionPurge } from './retention-purge';

/** How long the organization keeps raw personal data (保存期限); admins only. */
@ApiTags('privacy')
@ApiBearerAuth()
@Controller('api/retention-settings')
@Roles('admin')
export class RetentionSettingsController {
  constructor(private readonly retention: RetentionPurge) {}

  @Get()
  async get(@CurrentStaff() admin: StaffPrincipal): Promise<RetentionSettingsResponse> {
    const { settings, updatedAt } = await this.retention.settingsOf(admin.organizationId);
    return { settings, updatedAt: updatedAt?.toISOString() ?? null };
  }

  @Put()
  async update(
    @CurrentStaff() admin: StaffPrincipal,
    @ZodBody(updateRetentionSettingsSchema) settings: z.output<typeof updateRetentionSettingsSchema>,
  ): Promise<RetentionSettingsResponse> {
    const updatedAt = await this.retention.save(admin.organizationId, settings, admin.employeeId);
    return { settings, updatedAt: updatedAt.toISOString() };
  }
}
