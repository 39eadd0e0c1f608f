import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { type LeaveContactResponse, type leaveContactSchema, normalizePhone } from '@cardhub/shared';
import type { z } from 'zod';
import { EmployeesService } from '../org/employees.service';
import { ConsentsService } from '../privacy/consents.service';
import { VisitorsService } from '../visitors/visitors.service';
import { WechatClient } from '../wechat/wechat.client';
import { EventLog } from './event-log';
import { VisitTokens } from './visit-tokens';

type LeaveContactInput = z.output<typeof leaveContactSchema>;

/**
 * A prospect leaves their phone number for the employee whose card or material they are reading (留资). The
 * consent goes on record before the number is stored; the number joins the visitor's identities (two visitors
 * with one number become one person); a `consult` event makes them a lead of the credited employee.
 */
@Injectable()
export class ContactService {
  constructor(
    private readonly visitTokens: VisitTokens,
    private readonly consents: ConsentsService,
    private readonly visitors: VisitorsService,
    private readonly wechat: WechatClient,
    private readonly employees: EmployeesService,
    private readonly eventLog: EventLog,
  ) {}

  async leaveContact(input: LeaveContactInput): Promise<LeaveContactResponse> {
    const visit = this.visitTokens.verify(input.visitToken);
    if (!visit.visitorId) {
      throw new BadRequestException({
        message: '员工和自动程序不能以访客身份留下联系方式',
        fields: [{ path: 'visitToken', message: 'visitToken must be a prospect visit' }],
      });
    }
    // A visit token outlives an erasure (12 hours): the person it named is gone, and stays gone.
    if (!(await this.visitors.currentVisitor(visit.organizationId, visit.visitorId))) {
      throw new NotFoundException('你的访问记录已删除，请重新打开页面');
    }
    const phone = input.phone ?? (await this.phoneFromWechat(input.phoneCode!));
    await this.consents.record({
      organizationId: visit.organizationId,
      visitorId: visit.visitorId,
      purpose: 'contact_me',
      policyVersion: input.consent.policyVersion,
      touchpoint: visit.touchpoint,
    });
    const person = await this.visitors.attachPhone(
      visit.organizationId,
      visit.visitorId,
      phone,
      input.name ?? null,
    );
    const now = new Date();
    await this.eventLog.append([
      {
        id: input.eventId,
        organizationId: visit.organizationId,
        type: 'consult',
        targetType: visit.targetType,
        targetId: visit.targetId,
        shareId: visit.shareId,
        visitId: visit.visitId,
        visitorId: person.id,
        actorEmployeeId: null,
        creditedEmployeeId: visit.creditedEmployeeId,
        touchpoint: visit.touchpoint,
        verdict: null,
        counted: visit.counted,
        props: { channel: input.phoneCode ? 'wechat_phone' : 'form', message: input.message ?? null },
        userAgent: null,
        occurredAt: now,
        receivedAt: now,
      },
    ]);
    const employee = visit.creditedEmployeeId
      ? await this.employees.findById(visit.creditedEmployeeId)
      : null;
    return { employeeName: employee?.name ?? null };
  }

  /** The number WeChat vouches for, from the one-time code of a getPhoneNumber button. */
  private async phoneFromWechat(code: string): Promise<string> {
    const { purePhoneNumber, countryCode } = await this.wechat.getPhoneNumber(code).catch(() => {
      throw new BadRequestException({
        message: '微信手机号授权已失效，请重新授权',
        fields: [{ path: 'phoneCode', message: 'phoneCode is invalid or used' }],
      });
    });
    const phone = normalizePhone(
      countryCode === '86' ? purePhoneNumber : `+${countryCode}${purePhoneNumber}`,
    );
    if (!phone)
      throw new BadRequestException({
        message: '无法识别该手机号',
        fields: [{ path: 'phoneCode', message: 'WeChat returned no usable number' }],
      });
    return phone;
  }
}
