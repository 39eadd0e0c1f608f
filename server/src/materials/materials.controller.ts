import { Controller, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  type MaterialDto,
  type MaterialListResponse,
  createMaterialSchema,
  listMaterialsQuerySchema,
  updateMaterialSchema,
} from '@cardhub/shared';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { CurrentStaff, Roles, type StaffPrincipal } from '../common/auth';
import { ZodBody, ZodQuery } from '../common/validation';
import { IMAGE_UPLOAD_BODY, readUploadedImage } from '../infra/uploads';
import { MaterialsService } from './materials.service';

/** The materials library: staff browse what is published; admins write, publish and archive. */
@ApiTags('materials')
@ApiBearerAuth()
@Controller('api/materials')
export class MaterialsController {
  constructor(private readonly materials: MaterialsService) {}

  @Get()
  @Roles('employee')
  list(
    @CurrentStaff() staff: StaffPrincipal,
    @ZodQuery(listMaterialsQuerySchema) query: z.output<typeof listMaterialsQuerySchema>,
  ): Promise<MaterialListResponse> {
    return this.materials.list(staff, query);
  }

  @Get(':id')
  @Roles('employee')
  findOne(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string): Promise<MaterialDto> {
    return this.materials.findForStaff(staff, id);
  }

  @Post()
  @Roles('admin')
  create(
    @CurrentStaff() admin: StaffPrincipal,
    @ZodBody(createMaterialSchema) fields: z.output<typeof createMaterialSchema>,
  ): Promise<MaterialDto> {
    return this.materials.create(admin, fields);
  }

  @Put(':id')
  @Roles('admin')
  update(
    @CurrentStaff() admin: StaffPrincipal,
    @Param('id') id: string,
    @ZodBody(updateMaterialSchema) fields: z.output<typeof updateMaterialSchema>,
  ): Promise<MaterialDto> {
    return this.materials.update(admin, id, fields);
  }

  @Post(':id/publish')
  @Roles('admin')
  @HttpCode(200)
  publish(@CurrentStaff() admin: StaffPrincipal, @Param('id') id: string): Promise<MaterialDto> {
    return this.materials.publish(admin, id);
  }

  @Post(':id/archive')
  @Roles('admin')
  @HttpCode(200)
  archive(@CurrentStaff() admin: StaffPrincipal, @Param('id') id: string): Promise<MaterialDto> {
    return this.materials.archive(admin, id);
  }

  @Post(':id/cover')
  @Roles('admin')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody(IMAGE_UPLOAD_BODY)
  async uploadCover(
    @CurrentStaff() admin: StaffPrincipal,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
  ): Promise<MaterialDto> {
    return this.materials.replaceCover(admin, id, await readUploadedImage(request));
  }
}
