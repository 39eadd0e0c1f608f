import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PublicMaterialResponse } from '@cardhub/shared';
import { Public } from '../common/auth';
import { SharesService } from './shares.service';

/** A material opened through a share link or code, with the sharer's card for the footer. */
@ApiTags('materials')
@Public()
@Controller('api/public/materials/shares')
export class PublicMaterialSharesController {
  constructor(private readonly shares: SharesService) {}

  @Get(':code')
  findOne(@Param('code') code: string): Promise<PublicMaterialResponse> {
    return this.shares.publicMaterial(code);
  }
}
