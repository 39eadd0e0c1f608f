import { Controller, Get, Param, ParseEnumPipe, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type BoardEventsResponse,
  type BoardSettingsResponse,
  type ChainBoardResponse,
  type DepartmentBoardResponse,
  type EmployeeBoardResponse,
  type MaterialBoardResponse,
  type RebuildProgress,
  boardEventsQuerySchema,
  boardExportQuerySchema,
  boardQuerySchema,
  boardSettingsSchema,
  chainBoardQuerySchema,
} from '@cardhub/shared';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { CurrentStaff, Roles, type StaffPrincipal } from '../common/auth';
import { sendFile } from '../common/export/table-file';
import { ZodBody, ZodQuery } from '../common/validation';
import { BoardEventsService } from './board-events.service';
import { BoardExport, type BoardFile } from './board-export';
import { BoardSettingsService } from './board-settings.service';
import { BoardsService } from './boards.service';
import { RebuildJobs } from './rebuild-jobs';

type BoardQuery = z.output<typeof boardQuerySchema>;
type ExportQuery = z.output<typeof boardExportQuerySchema>;

const EXPORTED_BOARDS = {
  employees: 'employees',
  departments: 'departments',
  materials: 'materials',
} as const;
type ExportedBoard = keyof typeof EXPORTED_BOARDS;

/** Leaderboards (排行榜): every member of staff sees the organization's; material and chain boards are for managers. */
@ApiTags('boards')
@ApiBearerAuth()
@Controller('api/boards')
export class BoardsController {
  constructor(
    private readonly boards: BoardsService,
    private readonly events: BoardEventsService,
    private readonly exports: BoardExport,
    private readonly settings: BoardSettingsService,
    private readonly jobs: RebuildJobs,
  ) {}

  @Get('employees')
  @Roles('employee')
  employees(
    @CurrentStaff() staff: StaffPrincipal,
    @ZodQuery(boardQuerySchema) query: BoardQuery,
  ): Promise<EmployeeBoardResponse> {
    return this.boards.employeeBoard(staff, query);
  }

  @Get('departments')
  @Roles('employee')
  departments(
    @CurrentStaff() staff: StaffPrincipal,
    @ZodQuery(boardQuerySchema) query: BoardQuery,
  ): Promise<DepartmentBoardResponse> {
    return this.boards.departmentBoard(staff, query);
  }

  @Get('materials')
  @Roles('manager')
  materials(
    @CurrentStaff() staff: StaffPrincipal,
    @ZodQuery(boardQuerySchema) query: BoardQuery,
  ): Promise<MaterialBoardResponse> {
    return this.boards.materialBoard(staff, query);
  }

  @Get('chains')
  @Roles('manager')
  chains(
    @CurrentStaff() staff: StaffPrincipal,
    @ZodQuery(chainBoardQuerySchema) query: z.output<typeof chainBoardQuerySchema>,
  ): Promise<ChainBoardResponse> {
    return this.boards.chainBoard(staff, query);
  }

  /** The events behind a number: employees their own, managers their departments', admins anyone's. */
  @Get('events')
  @Roles('employee')
  boardEvents(
    @CurrentStaff() staff: StaffPrincipal,
    @ZodQuery(boardEventsQuerySchema) query: z.output<typeof boardEventsQuerySchema>,
  ): Promise<BoardEventsResponse> {
    return this.events.list(staff, query);
  }

  /** The whole employees, departments or materials board as a CSV or Excel file. */
  @Get(':board/export')
  @Roles('manager')
  async exportBoard(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('board', new ParseEnumPipe(EXPORTED_BOARDS, { errorHttpStatusCode: 404 })) board: ExportedBoard,
    @ZodQuery(boardExportQuerySchema) query: ExportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const boardQuery: BoardQuery = { ...query, limit: 100, offset: 0 };
    return send(reply, query, board, await this.exports[board](staff, boardQuery, query.format));
  }

  @Get('settings')
  @Roles('admin')
  getSettings(@CurrentStaff() staff: StaffPrincipal): Promise<BoardSettingsResponse> {
    return this.settings.get(staff.organizationId);
  }

  /** A change of time zone or credit split rebuilds the rollups in the background (see GET rebuild). */
  @Put('settings')
  @Roles('admin')
  putSettings(
    @CurrentStaff() staff: StaffPrincipal,
    @ZodBody(boardSettingsSchema) input: z.output<typeof boardSettingsSchema>,
  ): Promise<BoardSettingsResponse> {
    return this.settings.update(staff.organizationId, input);
  }

  @Get('rebuild')
  @Roles('admin')
  rebuild(@CurrentStaff() staff: StaffPrincipal): RebuildProgress {
    return this.jobs.progressOf(staff.organizationId);
  }
}

/** Sends an export with its Chinese file name (and an ASCII one for old clients). */
export function send(
  reply: FastifyReply,
  query: { format: 'csv' | 'xlsx' },
  fallbackName: string,
  file: BoardFile,
): Buffer {
  sendFile(reply, query.format, fallbackName, file.fileName);
  return file.content;
}
