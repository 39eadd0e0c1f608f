import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PublicCardResponse } from '@cardhub/shared';
import { Public } from '../common/auth';
import { CardsService } from './cards.service';

/** A card opened by its id (no share): what a prospect sees. Opening through a share is `GET /api/public/shares/:code`. */
@ApiTags('cards')
@Public()
@Controller('api/public/cards')
export class PublicCardsController {
  constructor(private readonly cards: CardsService) {}

  @Get(':cardId')
  async findOne(@Param('cardId') cardId: string): Promise<PublicCardResponse> {
    return { card: this.cards.toDto(await this.cards.findActiveOrFail(cardId)), share: null };
  }
}
