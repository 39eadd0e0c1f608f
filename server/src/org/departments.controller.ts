import { Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type DepartmentDto,
  type DepartmentListResponse,
  createDepartmentSchema,
  updateDepartmentSchema,
} from '@cardhub/shared';
import type { z } from 'zod';
import { CurrentStaff, Roles, type StaffPrincipal } from '../common/auth';
import { ZodBody } from '../common/validation';
import { DepartmentsService } from './departments.service';

/** The department tree: managers read it, admins change it. */
@ApiTags('roster')
@ApiBearerAuth()
@Controller('api/departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @Roles('manager')
  list(@CurrentStaff() staff: StaffPrincipal): Promise<DepartmentListResponse> {
    return this.departments.list(staff);
  }

  @Post()
  @Roles('admin')
  create(
    @CurrentStaff() admin: StaffPrincipal,
    @ZodBody(createDepartmentSchema) input: z.output<typeof createDepartmentSchema>,
  ): Promise<DepartmentDto> {
    return this.departments.create(admin, input);
  }

  @Put(':id')
  @Roles('admin')
  update(
    @CurrentStaff() admin: StaffPrincipal,
    @Param('id') id: string,
    @ZodBody(updateDepartmentSchema) input: z.output<typeof updateDepartmentSchema>,
  ): Promise<DepartmentDto> {
    return this.departments.update(admin, id, input);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  remove(@CurrentStaff() admin: StaffPrincipal, @Param('id') id: string): Promise<void> {
    return this.departments.remove(admin, id);
  }
}
