import { Module } from '@nestjs/common';
import { AppConfig } from '../common/config';
import { RedisConnection } from '../infra/redis';
import { RedisAccessTokenStore } from './access-token-store';
import { ScanCodesService } from './scan-codes.service';
import { WechatClient } from './wechat.client';

/**
 * One WechatClient per process, so every feature shares its access-token cache (kept in Redis when instances
 * share one, so they all use one token); and the scannable codes.
 */
@Module({
  providers: [
    {
      provide: WechatClient,
      useFactory: (config: AppConfig, redis: RedisConnection) =>
        new WechatClient(
          config.wechat,
          redis.client
            ? new RedisAccessTokenStore(redis.client, redis.keyPrefix, config.wechat.appId)
            : undefined,
        ),
      inject: [AppConfig, RedisConnection],
    },
    ScanCodesService,
  ],
  exports: [WechatClient, ScanCodesService],
})
export class WechatModule {}
