import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { SHORT_LINK_QR_PARAM, SHORT_LINK_QR_VALUE } from '@cardhub/shared';
import { BARE_ROUTES, registerBareRoute } from '../common/http';
import { PublicRateLimitGuard } from '../common/rate-limit';
import { documentHeadersFor } from '../common/security-headers';
import { storedUserAgent } from '../tracking/event-log';
import { shortLinkNotFoundPage } from '../web/link-preview';
import { SiteLinksService } from './site-links.service';

/**
 * `GET /s/:code`: a 302 to the share's page on the organization's site, with the share code appended. Public,
 * opened in bursts from chats and posters: a bare Fastify route (common/http); the code is checked by the service.
 */
@Injectable()
export class ShortLinkRoute implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly rateLimit: PublicRateLimitGuard,
    private readonly links: SiteLinksService,
  ) {}

  onModuleInit(): void {
    const notFoundPage = shortLinkNotFoundPage();
    const notFoundHeaders = documentHeadersFor(notFoundPage);
    registerBareRoute(this.adapterHost, this.rateLimit, BARE_ROUTES.shortLink, async (request, reply) => {
      const { code } = request.params as { code: string };
      const via = (request.query as Record<string, unknown>)[SHORT_LINK_QR_PARAM];
      const destination = await this.links.open(
        code,
        via === SHORT_LINK_QR_VALUE,
        storedUserAgent(request.headers['user-agent']),
      );
      // Never cached: every opening is logged.
      void reply.header('Cache-Control', 'no-store');
      if (destination) {
        await reply.redirect(destination, 302);
        return;
      }
      await reply
        .status(404)
        .headers(notFoundHeaders)
        .header('Content-Type', 'text/html; charset=utf-8')
        .send(notFoundPage);
    });
  }
}
