import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { RadarResponse } from '@cardhub/shared';
import { z } from 'zod';
import { CurrentStaff, Roles, type StaffPrincipal } from '../common/auth';
import { ZodQuery } from '../common/validation';
import { RadarService } from './radar.service';

const radarQuerySchema = z.object({
  before: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

@ApiTags('radar')
@ApiBearerAuth()
@Roles('employee')
@Controller('api/me/radar')
export class RadarController {
  constructor(private readonly radar: RadarService) {}

  /** Managers and admins see their own radar here too; team views are the boards'. */
  @Get()
  visits(
    @CurrentStaff() staff: StaffPrincipal,
    @ZodQuery(radarQuerySchema) query: z.output<typeof radarQuerySchema>,
  ): Promise<RadarResponse> {
    return this.radar.visitsOf(staff, query.before ? new Date(query.before) : undefined, query.limit);
  }
}
