import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { h5ShareUrl, h5TargetPageUrl } from '@cardhub/shared';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/auth';
import { AppConfig } from '../common/config';
import { contentSecurityPolicyFor } from '../common/security-headers';
import { SharesService } from '../shares/shares.service';
import { cardPreviewPage, materialPreviewPage, shareNotFoundPage } from './link-preview';

/** `GET /v/:code`: the share link people paste into chats; previews render from here, then the H5 page opens. */
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
    const html = await this.previewOf(code).catch((error: unknown) => {
      if (error instanceof NotFoundException) return null;
      throw error;
    });
    const page = html ?? shareNotFoundPage();
    await reply
      .status(html ? 200 : 404)
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Cache-Control', html ? 'public, max-age=60' : 'no-cache')
      // The page's redirect script is inline: admitted by its hash, nothing else inline is.
      .header('Content-Security-Policy', contentSecurityPolicyFor(page))
      .send(page);
  }

  /** Throws NotFoundException for unknown codes and for targets that are gone. */
  private async previewOf(code: string): Promise<string> {
    const shareUrl = h5ShareUrl(this.config.publicUrl, code);
    const share = await this.shares.findByCode(code);
    if (share?.targetType === 'material') {
      const { material, card } = await this.shares.publicMaterial(code);
      return materialPreviewPage(
        material,
        card,
        shareUrl,
        h5TargetPageUrl(this.config.publicUrl, 'material', code),
      );
    }
    const { card } = await this.shares.publicCard(code);
    return cardPreviewPage(card, shareUrl, h5TargetPageUrl(this.config.publicUrl, 'card', code));
  }
}
