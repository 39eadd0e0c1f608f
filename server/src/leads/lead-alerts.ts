import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { anonymousVisitorLabel } from '@cardhub/shared';
import { Repository } from 'typeorm';
import { WechatUser } from '../auth/entities/wechat-user.entity';
import { AppConfig } from '../common/config';
import { EmployeesService } from '../org/employees.service';
import { WechatClient } from '../wechat/wechat.client';
import type { Lead } from './entities/lead.entity';

/** WeChat's subscribe-message fields take at most 20 characters of "thing" text. */
const thing = (text: string) => ({ value: text.length > 20 ? `${text.slice(0, 19)}…` : text });

/** Tells a lead's owner at once, in WeChat, when the lead turns hot. A failed message never fails scoring. */
@Injectable()
export class LeadAlerts {
  private readonly logger = new Logger(LeadAlerts.name);

  constructor(
    private readonly config: AppConfig,
    private readonly wechat: WechatClient,
    private readonly employees: EmployeesService,
    @InjectRepository(WechatUser) private readonly wechatUsers: Repository<WechatUser>,
  ) {}

  async tellOwner(lead: Lead, why: string): Promise<void> {
    if (!lead.ownerEmployeeId) return;
    const owner = await this.employees.findById(lead.ownerEmployeeId);
    const user = owner?.wechatUserId ? await this.wechatUsers.findOneBy({ id: owner.wechatUserId }) : null;
    if (!user) return;
    try {
      await this.wechat.sendSubscribeMessage({
        toOpenId: user.openid,
        templateId: this.config.wechat.leadAlertTemplateId,
        page: `pages/leads/detail/index?id=${lead.id}`,
        data: {
          thing1: thing(anonymousVisitorLabel(lead.visitorId)),
          thing2: thing(why),
          number3: { value: String(lead.score) },
          time4: { value: new Date().toISOString().slice(0, 16).replace('T', ' ') },
        },
      });
    } catch (error) {
      this.logger.warn(`lead alert to ${owner!.id} not sent: ${String(error)}`);
    }
  }
}
