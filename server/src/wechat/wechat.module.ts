import { Module } from '@nestjs/common';
import { AppConfig } from '../common/config';
import { WechatClient } from './wechat.client';

/** One WechatClient per process, so every feature shares its access-token cache. */
@Module({
  providers: [
    {
      provide: WechatClient,
      useFactory: (config: AppConfig) => new WechatClient(config.wechat),
      inject: [AppConfig],
    },
  ],
  exports: [WechatClient],
})
export class WechatModule {}
