import { Controller, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  type MaterialDto,
  type MaterialListResponse,
  type UploadedFileResponse,
  createMaterialSchema,
  listMaterialsQuerySchema,
  updateMaterialSchema,
} from '@cardhub/shared';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { CurrentStaff, Roles, type StaffPrincipal } from '../common/auth';
import { ZodBody, ZodQuery } from '../common/validation';
import {
  MATERIAL_IMAGE_LIMIT_BYTES,
  UPLOAD_BODY,
  readUploadedImage,
  readUploadedVideo,
} from '../infra/uploads';
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

  @Post('images')
  @Roles('admin')
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  async uploadImage(@Req() request: FastifyRequest): Promise<UploadedFileResponse> {
    return this.materials.saveImage(await readUploadedImage(request, MATERIAL_IMAGE_LIMIT_BYTES));
  }

  /** A poster's image (≤ 5 MB) or a video's file (MP4 or WebM, ≤ 50 MB), checked by content. */
  @Post(':id/media')
  @Roles('admin')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  uploadMedia(
    @CurrentStaff() admin: StaffPrincipal,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
  ): Promise<MaterialDto> {
    return this.materials.replaceMedia(admin, id, (type) =>
      type === 'poster' ? readUploadedImage(request, MATERIAL_IMAGE_LIMIT_BYTES) : readUploadedVideo(request),
    );
  }

  @Post(':id/cover')
  @Roles('admin')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  async uploadCover(
    @CurrentStaff() admin: StaffPrincipal,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
  ): Promise<MaterialDto> {
    return this.materials.replaceCover(admin, id, await readUploadedImage(request));
  }
}
