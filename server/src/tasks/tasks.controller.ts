import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type MyTasksResponse,
  type SharingTaskDetail,
  type SharingTaskListResponse,
  type TaskTargetsResponse,
  createSharingTaskSchema,
} from '@cardhub/shared';
import type { z } from 'zod';
import { CurrentStaff, Roles, type StaffPrincipal } from '../common/auth';
import { ZodBody } from '../common/validation';
import { TasksService } from './tasks.service';

/** Sharing tasks in the console: admins for the organization, managers for their department subtree. */
@ApiTags('tasks')
@ApiBearerAuth()
@Roles('manager')
@Controller('api/tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  list(@CurrentStaff() staff: StaffPrincipal): Promise<SharingTaskListResponse> {
    return this.tasks.list(staff);
  }

  /** The departments and staff the caller may assign a task to (the create form's picker). */
  @Get('targets')
  targets(@CurrentStaff() staff: StaffPrincipal): Promise<TaskTargetsResponse> {
    return this.tasks.targetsFor(staff);
  }

  @Post()
  create(
    @CurrentStaff() staff: StaffPrincipal,
    @ZodBody(createSharingTaskSchema) input: z.output<typeof createSharingTaskSchema>,
  ): Promise<SharingTaskDetail> {
    return this.tasks.create(staff, input);
  }

  @Get(':id')
  detail(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string): Promise<SharingTaskDetail> {
    return this.tasks.detail(staff, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  close(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string): Promise<SharingTaskDetail> {
    return this.tasks.close(staff, id);
  }
}

/** An employee's own open tasks, in the mini-program. */
@ApiTags('tasks')
@ApiBearerAuth()
@Roles('employee')
@Controller('api/me/tasks')
export class MyTasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  mine(@CurrentStaff() staff: StaffPrincipal): Promise<MyTasksResponse> {
    return this.tasks.mine(staff);
  }
}
