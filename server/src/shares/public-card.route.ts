import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { BARE_ROUTES, registerBareRoute } from '../common/http';
import { PublicReadCache } from '../common/cache';
import { PublicRateLimitGuard } from '../common/rate-limit';
import { SharesService } from './shares.service';

/**
 * `GET /api/public/shares/:code`: the card a share link or code opens, what a prospect sees (PublicCardResponse).
 * The most read API: a bare Fastify route (common/http); unknown or malformed codes are the service's 404.
 */
@Injectable()
export class PublicCardRoute implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly rateLimit: PublicRateLimitGuard,
    private readonly shares: SharesService,
    private readonly publicReads: PublicReadCache,
  ) {}

  onModuleInit(): void {
    registerBareRoute(this.adapterHost, this.rateLimit, BARE_ROUTES.publicCard, async (request, reply) => {
      const { code } = request.params as { code: string };
      // Kept as JSON text: serializing the same card for every opening was a visible share of the profile.
      const json = await this.publicReads.read(`card-share-json:${code}`, async () =>
        JSON.stringify(await this.shares.publicCard(code)),
      );
      await reply.type('application/json; charset=utf-8').send(json);
    });
  }
}
