import {
  BadRequestException,
  Controller,
  Get,
  HttpCode,
  PayloadTooLargeException,
  Post,
  Put,
  Req,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { type CardDto, updateCardSchema } from '@cardhub/shared';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { CurrentStaff, Roles, type StaffPrincipal } from '../common/auth';
import { ZodBody } from '../common/validation';
import { CardsService } from './cards.service';
import { detectImageType } from './image-type';

const AVATAR_FIELD = 'file';

@ApiTags('cards')
@ApiBearerAuth()
@Roles('employee')
@Controller('api/me/card')
export class MyCardController {
  constructor(private readonly cards: CardsService) {}

  @Get()
  findMine(@CurrentStaff() staff: StaffPrincipal): Promise<CardDto> {
    return this.cards.findMine(staff);
  }

  @Put()
  update(
    @CurrentStaff() staff: StaffPrincipal,
    @ZodBody(updateCardSchema) fields: z.output<typeof updateCardSchema>,
  ): Promise<CardDto> {
    return this.cards.updateMine(staff, fields);
  }

  @Post('avatar')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [AVATAR_FIELD],
      properties: { [AVATAR_FIELD]: { type: 'string', format: 'binary' } },
    },
  })
  async uploadAvatar(
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
  ): Promise<CardDto> {
    const image = await readUploadedFile(request);
    const type = detectImageType(image);
    if (!type) {
      throw new UnsupportedMediaTypeException({
        message: '头像必须是 PNG、JPEG 或 WebP 图片',
        fields: [{ path: AVATAR_FIELD, message: `${AVATAR_FIELD} must be a PNG, JPEG or WebP image` }],
      });
    }
    return this.cards.replaceAvatar(staff, image, type);
  }
}

/** The one file of a multipart upload, whole; the size limit is the one multipart was registered with (create-app.ts). */
async function readUploadedFile(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) {
    throw new BadRequestException({
      message: '请以 multipart/form-data 上传图片',
      fields: [{ path: AVATAR_FIELD, message: `${AVATAR_FIELD} is required (multipart/form-data)` }],
    });
  }
  try {
    const file = await request.file();
    if (!file || file.fieldname !== AVATAR_FIELD) {
      throw new BadRequestException({
        message: '缺少图片文件',
        fields: [{ path: AVATAR_FIELD, message: `${AVATAR_FIELD} is required` }],
      });
    }
    return await file.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new PayloadTooLargeException({
        message: '图片不能超过 2 MB，请压缩后重新上传',
        fields: [{ path: AVATAR_FIELD, message: `${AVATAR_FIELD} must be at most 2 MB` }],
      });
    }
    throw error;
  }
}
