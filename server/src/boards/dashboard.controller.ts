import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type DashboardLive,
  type DashboardResponse,
  dashboardExportQuerySchema,
  dashboardQuerySchema,
} from '@cardhub/shared';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { CurrentStaff, Roles, type StaffPrincipal } from '../common/auth';
import { ZodQuery } from '../common/validation';
import { BoardExport } from './board-export';
import { send } from './boards.controller';
import { BoardsService } from './boards.service';

/** The dashboard (数据看板): managers see their departments, admins the whole organization or any department. */
@ApiTags('boards')
@ApiBearerAuth()
@Controller('api/dashboard')
@Roles('manager')
export class DashboardController {
  constructor(
    private readonly boards: BoardsService,
    private readonly exports: BoardExport,
  ) {}

  @Get()
  dashboard(
    @CurrentStaff() staff: StaffPrincipal,
    @ZodQuery(dashboardQuerySchema) query: z.output<typeof dashboardQuerySchema>,
  ): Promise<DashboardResponse> {
    return this.boards.dashboard(staff, query);
  }

  /** Today so far; the console polls it every few seconds. */
  @Get('live')
  live(
    @CurrentStaff() staff: StaffPrincipal,
    @ZodQuery(dashboardQuerySchema) query: z.output<typeof dashboardQuerySchema>,
  ): Promise<DashboardLive> {
    return this.boards.live(staff, query.departmentId);
  }

  @Get('export')
  async export(
    @CurrentStaff() staff: StaffPrincipal,
    @ZodQuery(dashboardExportQuerySchema) query: z.output<typeof dashboardExportQuerySchema>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return send(reply, query, 'dashboard', await this.exports.dashboard(staff, query, query.format));
  }
}
