import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RedisConnection } from '../../infra/redis';
import { LoginThrottle } from './login-throttle';
import { PublicRateLimitGuard } from './public-rate-limit.guard';
import { InMemoryRateLimitStore, RateLimitStore } from './rate-limit-store';
import { RedisRateLimitStore } from './redis-rate-limit-store';

/**
 * Rate limits of the public endpoints and the login throttle, counted in one `RateLimitStore`: in Redis when
 * instances share one (REDIS_URL), in this process otherwise.
 */
@Global()
@Module({
  providers: [
    {
      provide: RateLimitStore,
      useFactory: (redis: RedisConnection) =>
        redis.client ? new RedisRateLimitStore(redis.client, redis.keyPrefix) : new InMemoryRateLimitStore(),
      inject: [RedisConnection],
    },
    PublicRateLimitGuard,
    { provide: APP_GUARD, useExisting: PublicRateLimitGuard },
    LoginThrottle,
  ],
  exports: [RateLimitStore, LoginThrottle, PublicRateLimitGuard],
})
export class RateLimitModule {}
