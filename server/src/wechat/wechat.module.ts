import { Module } from '@nestjs/common';
import { AppConfig } from '../common/config';
import { ScanCodesService } from './scan-codes.service';
import { WechatClient } from './wechat.client';

/** One WechatClient per process, so every feature shares its access-token cache; and the scannable codes. */
@Module({
  providers: [
    {
      provide: WechatClient,
      useFactory: (config: AppConfig) => new WechatClient(config.wechat),
      inject: [AppConfig],
    },
    ScanCodesService,
  ],
  exports: [WechatClient, ScanCodesService],
})
export class WechatModule {}
