import { Injectable } from '@nestjs/common';
import { VIEW_DEDUPE_WINDOW_MS } from '@cardhub/shared';
import { RedisConnection } from '../infra/redis';

/**
 * The dedupe window across server instances. One instance's event log serializes its views and applies the
 * window in each batch; two instances' batches do not see each other's uncommitted views, so a visitor's views
 * racing on both could both count. With a shared Redis, a view that would count first claims "visitor × target
 * counted within 30 min" (SET NX PX): only one claim succeeds until the window ends, the others are repeats.
 * Without Redis there is one instance and nothing to claim.
 */
@Injectable()
export class ViewClaims {
  constructor(private readonly redis: RedisConnection) {}

  /** True when this view may count; the window is then held until it ends or `release` gives it back. */
  async claim(key: ViewClaimKey, eventId: string): Promise<boolean> {
    if (!this.redis.client) return true;
    const name = this.nameOf(key);
    if ((await this.redis.client.set(name, eventId, 'PX', VIEW_DEDUPE_WINDOW_MS, 'NX')) === 'OK') return true;
    // A retry of the claiming view itself keeps its claim.
    return (await this.redis.client.get(name)) === eventId;
  }

  /** A claimed view that could not be stored gives the window back. */
  async release(key: ViewClaimKey): Promise<void> {
    await this.redis.client?.del(this.nameOf(key));
  }

  private nameOf({ organizationId, visitorId, targetType, targetId }: ViewClaimKey): string {
    return `${this.redis.keyPrefix}view-claim:${organizationId}:${visitorId}:${targetType}:${targetId}`;
  }
}

export interface ViewClaimKey {
  organizationId: string;
  visitorId: string;
  targetType: string;
  targetId: string;
}
