import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { WechatApiError, WechatClient } from '../wechat/wechat.client';
import { WechatUser } from './entities/wechat-user.entity';

/** Turns a one-time `wx.login` code into our WechatUser, keeping WeChat's session_key on the server only. */
@Injectable()
export class WechatIdentityService {
  constructor(
    private readonly wechat: WechatClient,
    @InjectRepository(WechatUser) private readonly wechatUsers: Repository<WechatUser>,
  ) {}

  async signIn(jsCode: string): Promise<WechatUser> {
    const session = await this.wechat.code2Session(jsCode).catch((error: unknown) => {
      if (error instanceof WechatApiError && error.isInvalidCode) {
        throw new UnauthorizedException('微信登录凭证无效或已过期，请重新进入小程序');
      }
      throw error;
    });
    const fields = {
      unionid: session.unionid ?? null,
      sessionKey: session.sessionKey,
      lastLoginAt: new Date(),
    };

    const existing = await this.wechatUsers.findOneBy({ openid: session.openid });
    if (existing) {
      await this.wechatUsers.update({ id: existing.id }, fields);
      return { ...existing, ...fields };
    }
    try {
      return await this.wechatUsers.save(this.wechatUsers.create({ openid: session.openid, ...fields }));
    } catch (error) {
      // The same person's first two logins raced; the other one created the row.
      const created = await this.wechatUsers.findOneBy({ openid: session.openid });
      if (!created) throw error;
      await this.wechatUsers.update({ id: created.id }, fields);
      return { ...created, ...fields };
    }
  }
}
