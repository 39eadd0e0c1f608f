import { Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type ScoringConfigResponse, updateScoringConfigSchema } from '@cardhub/shared';
import type { z } from 'zod';
import { CurrentStaff, Roles, type StaffPrincipal } from '../common/auth';
import { ZodBody } from '../common/validation';
import { RescoreJobs } from './rescore-jobs';
import { ScoringSettingsService } from './scoring-settings.service';

/** The organization's scoring rules: managers read them, admins change them (which re-scores in the background). */
@ApiTags('leads')
@ApiBearerAuth()
@Controller('api/scoring-config')
export class ScoringConfigController {
  constructor(
    private readonly settings: ScoringSettingsService,
    private readonly rescoreJobs: RescoreJobs,
  ) {}

  @Get()
  @Roles('manager')
  async read(@CurrentStaff() staff: StaffPrincipal): Promise<ScoringConfigResponse> {
    const { config, updatedAt } = await this.settings.configOf(staff.organizationId);
    return {
      config,
      updatedAt: updatedAt?.toISOString() ?? null,
      rescore: this.rescoreJobs.progressOf(staff.organizationId),
    };
  }

  @Put()
  @Roles('admin')
  async update(
    @CurrentStaff() admin: StaffPrincipal,
    @ZodBody(updateScoringConfigSchema) config: z.output<typeof updateScoringConfigSchema>,
  ): Promise<ScoringConfigResponse> {
    const updatedAt = await this.settings.save(admin.organizationId, config, admin.employeeId);
    return {
      config,
      updatedAt: updatedAt.toISOString(),
      rescore: this.rescoreJobs.start(admin.organizationId),
    };
  }
}
