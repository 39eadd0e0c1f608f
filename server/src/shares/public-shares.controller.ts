import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PublicCardResponse } from '@cardhub/shared';
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
