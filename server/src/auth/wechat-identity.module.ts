import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WechatModule } from '../wechat/wechat.module';
import { WechatUser } from './entities/wechat-user.entity';
import { WechatIdentityService } from './wechat-identity.service';

/** Separate from AuthModule so that both login and invitation acceptance can use it without a cycle. */
@Module({
  imports: [TypeOrmModule.forFeature([WechatUser]), WechatModule],
  providers: [WechatIdentityService],
  exports: [WechatIdentityService],
})
export class WechatIdentityModule {}
