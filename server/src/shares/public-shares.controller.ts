import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PublicCardResponse, PublicMaterialResponse } from '@cardhub/shared';
import { Public } from '../common/auth';
import { SharesService } from './shares.service';

/** A card opened through a share link or code: what a prospect sees. */
@ApiTags('cards')
@Public()
@Controller('api/public/shares')
export class PublicSharesController {
  constructor(private readonly shares: SharesService) {}

  @Get(':code')
  findOne(@Param('code') code: string): Promise<PublicCardResponse> {
    return this.shares.publicCard(code);
  }
}

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
