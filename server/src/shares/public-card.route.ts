import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { registerBareRoute } from '../common/http';
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
  ) {}

  onModuleInit(): void {
    registerBareRoute(
      this.adapterHost,
      this.rateLimit,
      'GET /api/public/shares/:code',
      async (request, reply) => {
        const { code } = request.params as { code: string };
        await reply.send(await this.shares.publicCard(code));
      },
    );
  }
}
