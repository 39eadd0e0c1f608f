import { Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type HandoffSettings,
  type HandoffSettingsResponse,
  updateHandoffSettingsSchema,
} from '@cardhub/shared';
import { CurrentStaff, Roles, type StaffPrincipal } from '../common/auth';
import { ZodBody } from '../common/validation';
import { HandoffSettingsService } from './handoff-settings.service';

/** The organization's hand-off deadlines: managers read them, admins change them. */
@ApiTags('leads')
@ApiBearerAuth()
@Controller('api/handoff-settings')
export class HandoffSettingsController {
  constructor(private readonly settings: HandoffSettingsService) {}

  @Get()
  @Roles('manager')
  async read(@CurrentStaff() staff: StaffPrincipal): Promise<HandoffSettingsResponse> {
    const { settings, updatedAt } = await this.settings.settingsOf(staff.organizationId);
    return { settings, updatedAt: updatedAt?.toISOString() ?? null };
  }

  @Put()
  @Roles('admin')
  async update(
    @CurrentStaff() admin: StaffPrincipal,
    @ZodBody(updateHandoffSettingsSchema) settings: HandoffSettings,
  ): Promise<HandoffSettingsResponse> {
    const updatedAt = await this.settings.save(admin.organizationId, settings, admin.employeeId);
    return { settings, updatedAt: updatedAt.toISOString() };
  }
}
