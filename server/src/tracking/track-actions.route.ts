import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { trackActionsSchema } from '@cardhub/shared';
import { BARE_ROUTES, registerBareRoute } from '../common/http';
import { PublicRateLimitGuard } from '../common/rate-limit';
import { bareBodyValidator } from '../common/validation';
import { TrackingService } from './tracking.service';

const validateActions = bareBodyValidator(BARE_ROUTES.trackActions, trackActionsSchema);

/**
 * `POST /api/track/actions`: what a prospect does on a page they opened (TrackActionsResponse). Every click of
 * every visitor comes through here, so it is a bare Fastify route (common/http): the ingest's own cost is the
 * durable group commit, not Nest's per-request machinery (docs/benchmarks.md).
 */
@Injectable()
export class TrackActionsRoute implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly rateLimit: PublicRateLimitGuard,
    private readonly tracking: TrackingService,
  ) {}

  onModuleInit(): void {
    registerBareRoute(this.adapterHost, this.rateLimit, BARE_ROUTES.trackActions, async (request, reply) => {
      await reply.send(await this.tracking.recordActions(validateActions(request.body)));
    });
  }
}
