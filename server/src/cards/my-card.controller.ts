import { Controller, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { type CardDto, updateCardSchema } from '@cardhub/shared';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { CurrentStaff, Roles, type StaffPrincipal } from '../common/auth';
import { ZodBody } from '../common/validation';
import { UPLOAD_BODY, readUploadedImage } from '../infra/uploads';
import { CardsService } from './cards.service';

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
  @ApiBody(UPLOAD_BODY)
  async uploadAvatar(
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
  ): Promise<CardDto> {
    return this.cards.replaceAvatar(staff, await readUploadedImage(request));
  }
}
