import { Module } from '@nestjs/common';
import { AppConfig } from '../common/config';
import { WechatClient } from './wechat.client';

@Module({
  providers: [
    {
      provide: WechatClient,
      useFactory: (config: AppConfig) => new WechatClient(config),
      inject: [AppConfig],
    },
  ],
  exports: [WechatClient],
})
export class WechatModule {}
