import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type MySharesResponse, listMySharesQuerySchema } from '@cardhub/shared';
import type { z } from 'zod';
import { CurrentStaff, Roles, type StaffPrincipal } from '../common/auth';
import { ZodQuery } from '../common/validation';
import { MySharesService } from './my-shares.service';

@ApiTags('shares')
@ApiBearerAuth()
@Roles('employee')
@Controller('api/me/shares')
export class MySharesController {
  constructor(private readonly myShares: MySharesService) {}

  @Get()
  list(
    @CurrentStaff() staff: StaffPrincipal,
    @ZodQuery(listMySharesQuerySchema) query: z.output<typeof listMySharesQuerySchema>,
  ): Promise<MySharesResponse> {
    return this.myShares.list(staff, query.page, query.limit);
  }
}
