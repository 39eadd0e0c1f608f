import { Injectable, NotFoundException } from '@nestjs/common';
import {
  type ConsentPurpose,
  type ErasureReport,
  type PersonalDataExport,
  type PrivacyStatus,
  PRIVACY_POLICY_VERSION,
  type Touchpoint,
} from '@cardhub/shared';
import { AuditService } from '../audit/audit.service';
import type { StaffPrincipal } from '../common/auth';
import { LeadsService } from '../leads/leads.service';
import { OrganizationsService } from '../org/organizations.service';
import { ConsentsService } from '../privacy/consents.service';
import { EventLog } from '../tracking/event-log';
import { VisitTokens } from '../tracking/visit-tokens';
import type { Visitor } from '../visitors/entities/visitor.entity';
import { VisitorsService } from '../visitors/visitors.service';

export const NO_PERSONAL_DATA = '没有找到与你有关的数据（可能已被删除）';

/** The person a visit token names, as their own requests see them. */
interface Requester {
  visitor: Visitor;
  touchpoint: Touchpoint;
}

/**
 * A person's rights over their data (PIPL arts. 44–47): see their consents and change them, take a copy of
 * everything held about them, have it erased. The person proves who they are with a visit token (issued for
 * their visitor key or WeChat login); admins act on requests that came by other channels, audited.
 */
@Injectable()
export class PersonalDataService {
  constructor(
    private readonly visitTokens: VisitTokens,
    private readonly visitors: VisitorsService,
    private readonly consents: ConsentsService,
    private readonly eventLog: EventLog,
    private readonly leads: LeadsService,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditService,
  ) {}

  async status(visitToken: string): Promise<PrivacyStatus> {
    const { visitor } = await this.requester(visitToken);
    const organization = await this.organizations.findById(visitor.organizationId);
    const identities = await this.visitors.identitiesOf(visitor.organizationId, visitor.id);
    return {
      organizationName: organization?.name ?? '',
      purposes: await this.consents.statusOf(visitor.organizationId, visitor.id),
      holdsPersonalData:
        visitor.phone !== null ||
        visitor.name !== null ||
        identities.some((identity) => identity.kind !== 'web' && identity.kind !== 'openid'),
    };
  }

  async choose(
    visitToken: string,
    purpose: ConsentPurpose,
    granted: boolean,
    policyVersion = PRIVACY_POLICY_VERSION,
  ): Promise<PrivacyStatus> {
    const { visitor, touchpoint } = await this.requester(visitToken);
    await this.consents.choose(
      { organizationId: visitor.organizationId, visitorId: visitor.id, purpose, policyVersion, touchpoint },
      granted,
    );
    return this.status(visitToken);
  }

  async exportOwn(visitToken: string): Promise<PersonalDataExport> {
    const { visitor } = await this.requester(visitToken);
    const data = await this.exportOf(visitor);
    await this.audit.recordUnattended(visitor.organizationId, 'visitor', 'person.export', visitor.id, {
      events: data.events.length,
    });
    return data;
  }

  async eraseOwn(visitToken: string): Promise<ErasureReport> {
    const { visitor } = await this.requester(visitToken);
    const report = await this.visitors.erase(visitor.organizationId, visitor.id);
    await this.audit.recordUnattended(visitor.organizationId, 'visitor', 'person.erase', 'visitor', {
      ...report,
    });
    return report;
  }

  /** An admin exports a lead's person (a request received by phone, mail or in person). */
  async exportForLead(admin: StaffPrincipal, leadId: string): Promise<PersonalDataExport> {
    const visitor = await this.visitorOfLead(admin, leadId);
    const data = await this.exportOf(visitor);
    await this.audit.record(admin, 'person.export', leadId, { events: data.events.length });
    return data;
  }

  async eraseForLead(admin: StaffPrincipal, leadId: string, reason: string): Promise<ErasureReport> {
    const visitor = await this.visitorOfLead(admin, leadId);
    if (visitor.erasedAt) throw new NotFoundException(NO_PERSONAL_DATA);
    const report = await this.visitors.erase(admin.organizationId, visitor.id);
    await this.audit.record(admin, 'person.erase', leadId, { reason, ...report });
    return report;
  }

  private async exportOf(visitor: Visitor): Promise<PersonalDataExport> {
    const { organizationId } = visitor;
    const [organization, identities, consents, events, lead] = await Promise.all([
      this.organizations.findById(organizationId),
      this.visitors.identitiesOf(organizationId, visitor.id),
      this.consents.ofVisitor(organizationId, visitor.id),
      this.eventLog.eventsOfVisitor(organizationId, visitor.id, new Date(0)),
      this.leads.personalLeadOf(organizationId, visitor.id),
    ]);
    return {
      exportedAt: new Date().toISOString(),
      organization: { name: organization?.name ?? '' },
      person: {
        visitorId: visitor.id,
        name: visitor.name,
        phone: visitor.phone,
        avatarUrl: visitor.avatarUrl,
        firstSeenAt: visitor.firstSeenAt.toISOString(),
        lastSeenAt: visitor.lastSeenAt.toISOString(),
      },
      identities: identities.map((identity) => ({
        kind: identity.kind,
        value: identity.value,
        since: identity.createdAt.toISOString(),
      })),
      consents: consents.map((consent) => ({
        purpose: consent.purpose,
        granted: consent.granted,
        policyVersion: consent.policyVersion,
        touchpoint: consent.touchpoint,
        at: consent.createdAt.toISOString(),
        withdrawnAt: consent.withdrawnAt?.toISOString() ?? null,
      })),
      events: events.map((event) => ({
        id: event.id,
        type: event.type,
        target: { type: event.targetType, id: event.targetId },
        touchpoint: event.touchpoint,
        props: event.props,
        userAgent: event.userAgent,
        occurredAt: event.occurredAt.toISOString(),
      })),
      lead,
    };
  }

  private async visitorOfLead(admin: StaffPrincipal, leadId: string): Promise<Visitor> {
    const visitorId = await this.leads.visitorOfLead(admin, leadId);
    const [visitor] = await this.visitors.findByIds(admin.organizationId, [visitorId]);
    if (!visitor) throw new NotFoundException(NO_PERSONAL_DATA);
    return visitor;
  }

  /** A visit token names the visitor it was issued to; merges are followed, an erased person is gone. */
  private async requester(visitToken: string): Promise<Requester> {
    const visit = this.visitTokens.verify(visitToken);
    const visitor = visit.visitorId
      ? await this.visitors.currentVisitor(visit.organizationId, visit.visitorId)
      : null;
    if (!visitor) throw new NotFoundException(NO_PERSONAL_DATA);
    return { visitor, touchpoint: visit.touchpoint };
  }
}
