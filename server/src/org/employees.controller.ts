import { Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type CreateEmployeeResponse,
  type EmployeeDto,
  type EmployeeListResponse,
  type InvitationDto,
  createEmployeeSchema,
  listEmployeesQuerySchema,
  reissueInvitationSchema,
  updateEmployeeSchema,
} from '@cardhub/shared';
import type { z } from 'zod';
import { CurrentStaff, Roles, type StaffPrincipal } from '../common/auth';
import { ZodBody, ZodQuery } from '../common/validation';
import { EmployeesService } from './employees.service';
import { InvitationsService } from './invitations.service';

/** The roster: managers read their department's people; admins add, edit, move, disable and invite. */
@ApiTags('roster')
@ApiBearerAuth()
@Controller('api/employees')
export class EmployeesController {
  constructor(
    private readonly employees: EmployeesService,
    private readonly invitations: InvitationsService,
  ) {}

  @Get()
  @Roles('manager')
  list(
    @CurrentStaff() staff: StaffPrincipal,
    @ZodQuery(listEmployeesQuerySchema) query: z.output<typeof listEmployeesQuerySchema>,
  ): Promise<EmployeeListResponse> {
    return this.employees.list(staff, query);
  }

  /** A pending employee and their invitation. */
  @Post()
  @Roles('admin')
  async create(
    @CurrentStaff() admin: StaffPrincipal,
    @ZodBody(createEmployeeSchema) input: z.output<typeof createEmployeeSchema>,
  ): Promise<CreateEmployeeResponse> {
    const { validDays, ...fields } = input;
    const invitation = await this.invitations.inviteDto(admin, fields, validDays);
    return { employee: await this.employees.findDto(admin, invitation.employeeId), invitation };
  }

  @Put(':id')
  @Roles('admin')
  update(
    @CurrentStaff() admin: StaffPrincipal,
    @Param('id') id: string,
    @ZodBody(updateEmployeeSchema) fields: z.output<typeof updateEmployeeSchema>,
  ): Promise<EmployeeDto> {
    return this.employees.update(admin, id, fields);
  }

  @Post(':id/disable')
  @Roles('admin')
  @HttpCode(200)
  disable(@CurrentStaff() admin: StaffPrincipal, @Param('id') id: string): Promise<EmployeeDto> {
    return this.employees.setDisabled(admin, id, true);
  }

  @Post(':id/enable')
  @Roles('admin')
  @HttpCode(200)
  enable(@CurrentStaff() admin: StaffPrincipal, @Param('id') id: string): Promise<EmployeeDto> {
    return this.employees.setDisabled(admin, id, false);
  }

  @Get(':id/invitation')
  @Roles('admin')
  invitation(@CurrentStaff() admin: StaffPrincipal, @Param('id') id: string): Promise<InvitationDto> {
    return this.invitations.current(admin, id);
  }

  /** A fresh invitation; the previous one stops opening. */
  @Post(':id/invitation')
  @Roles('admin')
  reissueInvitation(
    @CurrentStaff() admin: StaffPrincipal,
    @Param('id') id: string,
    @ZodBody(reissueInvitationSchema) input: z.output<typeof reissueInvitationSchema>,
  ): Promise<InvitationDto> {
    return this.invitations.reissue(admin, id, input.validDays);
  }
}
