import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type MaterialStats,
  type MaterialStatsListResponse,
  materialStatsListQuerySchema,
} from '@cardhub/shared';
import type { z } from 'zod';
import { CurrentStaff, Roles, type StaffPrincipal } from '../common/auth';
import { ZodQuery } from '../common/validation';
import { MaterialStatsService } from './material-stats.service';

/** Material statistics for the console: the table's figures and one material's dashboard. */
@ApiTags('stats')
@ApiBearerAuth()
@Roles('manager')
@Controller('api/materials')
export class MaterialStatsController {
  constructor(private readonly stats: MaterialStatsService) {}

  @Get('stats')
  summaries(
    @CurrentStaff() staff: StaffPrincipal,
    @ZodQuery(materialStatsListQuerySchema) query: z.output<typeof materialStatsListQuerySchema>,
  ): Promise<MaterialStatsListResponse> {
    return this.stats.summaries(staff, query.ids);
  }

  @Get(':id/stats')
  statsOf(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string): Promise<MaterialStats> {
    return this.stats.statsOf(staff, id);
  }
}
