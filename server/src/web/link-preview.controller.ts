import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { h5CardPageUrl, h5ShareUrl } from '@cardhub/shared';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/auth';
import { AppConfig } from '../common/config';
import { SharesService } from '../shares/shares.service';
import { cardNotFoundPage, cardPreviewPage } from './link-preview';

/** `GET /v/:code`: the share link people paste into chats; previews render from here, then the H5 card opens. */
@ApiTags('web')
@Public()
@Controller('v')
export class LinkPreviewController {
  constructor(
    private readonly config: AppConfig,
    private readonly shares: SharesService,
  ) {}

  @Get(':code')
  @ApiProduces('text/html')
  async preview(@Param('code') code: string, @Res() reply: FastifyReply): Promise<void> {
    const html = await this.shares.publicCard(code).then(
      ({ card }) =>
        cardPreviewPage(
          card,
          h5ShareUrl(this.config.publicUrl, code),
          h5CardPageUrl(this.config.publicUrl, code),
        ),
      (error: unknown) => {
        if (error instanceof NotFoundException) return null;
        throw error;
      },
    );
    await reply
      .status(html ? 200 : 404)
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Cache-Control', html ? 'public, max-age=60' : 'no-cache')
      .send(html ?? cardNotFoundPage());
  }
}
