import { BadRequestException, Injectable } from '@nestjs/common';
import {
  type SiteBeaconInput,
  type SiteBeaconResponse,
  type SiteEventInput,
  type SiteIdentifyInput,
  type SiteLeadInput,
  type SiteLeadResponse,
  classifyView,
  isBotUserAgent,
} from '@cardhub/shared';
import type { Organization } from '../org/entities/organization.entity';
import { ConsentsService } from '../privacy/consents.service';
import type { Share } from '../shares/entities/share.entity';
import { SharesService } from '../shares/shares.service';
import { occurredAt } from '../tracking/client-time';
import type { TrackedEvent } from '../tracking/entities/tracked-event.entity';
import { EventLog } from '../tracking/event-log';
import type { Visitor } from '../visitors/entities/visitor.entity';
import { type VisitorIdentityKey, VisitorsService } from '../visitors/visitors.service';
import { SitePagesService } from './site-pages.service';

type ViewInput = Extract<SiteEventInput, { type: 'view' }>;
type ActionInput = Exclude<SiteEventInput, { type: 'view' }>;

/** What one request from the site knows about who sent it. */
interface Sender {
  organization: Organization;
  identity: VisitorIdentityKey;
  userAgent: string | null;
  isBot: boolean;
  /** The share the visitor landed with, when it is one of this organization's. */
  share: Share | null;
}

/** The fields every stored site event shares. */
type SiteEventBase = Pick<
  TrackedEvent,
  'organizationId' | 'visitorId' | 'actorEmployeeId' | 'touchpoint' | 'receivedAt'
>;

/**
 * The site tracker's ingest (Dub-style: validate, then write). Everything that can refuse a request is checked
 * before the first write, so a 4xx stores nothing. Page views follow the counting rules of `classifyView`,
 * credited through the share code to the root employee; every event goes through the event log.
 */
@Injectable()
export class SiteIngestService {
  constructor(
    private readonly sitePages: SitePagesService,
    private readonly shares: SharesService,
    private readonly visitors: VisitorsService,
    private readonly consents: ConsentsService,
    private readonly eventLog: EventLog,
  ) {}

  async collect(
    organization: Organization,
    input: SiteBeaconInput,
    userAgent: string | null,
  ): Promise<SiteBeaconResponse> {
    const sender = await this.sender(organization, input, userAgent);
    const views = input.events.filter((event): event is ViewInput => event.type === 'view');
    views.forEach((view, index) =>
      this.sitePages.checkUrl(organization, view.page.url, `events.${index}.page.url`),
    );
    const storedVisits = await this.storedVisitsOf(sender, input.events);

    const now = new Date();
    const visitor = await this.visitorOf(sender, now);
    const viewEvents: TrackedEvent[] = [];
    for (const view of views) viewEvents.push(await this.viewEvent(sender, visitor, view, now));
    const visits = new Map([...storedVisits, ...viewEvents.map((view) => [view.id, view] as const)]);
    const actions = input.events
      .filter((event): event is ActionInput => event.type !== 'view')
      .map((action) => actionEvent(visits.get(action.visitId)!, action, now));
    return this.eventLog.appendCounting([...viewEvents, ...actions]);
  }

  /**
   * `identify({ phone, consent })`: the consent is recorded first, then the phone joins the visitor's
   * identities (merging with whoever already had it). The answer is the same whatever happened.
   */
  async identify(
    organization: Organization,
    input: SiteIdentifyInput,
    userAgent: string | null,
  ): Promise<void> {
    requireConsent(input.consent.granted);
    const sender = await this.sender(organization, input, userAgent);
    const visitor = await this.visitors.resolve(organization.id, sender.identity, touchOf(sender.share));
    await this.recordConsent(organization, visitor, input.consent.policyVersion);
    await this.visitors.attachPhone(organization.id, visitor.id, input.phone);
  }

  /** A lead form, sent with consent: consent, then the phone, then the `form_submit` event with the fields. */
  async submitLead(
    organization: Organization,
    input: SiteLeadInput,
    userAgent: string | null,
  ): Promise<SiteLeadResponse> {
    requireConsent(input.consent.granted);
    const { phone, ...otherFields } = input.fields;
    if (!phone) {
      throw new BadRequestException({
        message: '请填写手机号码',
        fields: [{ path: 'fields.phone', message: 'fields.phone is required' }],
      });
    }
    this.sitePages.checkUrl(organization, input.page.url, 'page.url');
    // A retried submission is answered as the first one was, without recording anything again.
    if (await this.eventLog.findById(input.eventId)) return { received: true };

    const sender = await this.sender(organization, input, userAgent);
    const now = new Date();
    const visitor = await this.visitors.resolve(organization.id, sender.identity, touchOf(sender.share), now);
    await this.recordConsent(organization, visitor, input.consent.policyVersion);
    const person = await this.visitors.attachPhone(
      organization.id,
      visitor.id,
      phone,
      otherFields.name ?? null,
    );
    const page = await this.sitePages.pageAt(organization, input.page.url, input.page.title, 'page.url');
    // The form belongs to the page view it was sent from, when that view is this person's.
    const view = input.visitId ? await this.eventLog.findById(input.visitId) : null;
    const visit = view && isSiteViewOf(view, organization, person.id) ? view : null;

    await this.eventLog.append([
      {
        ...base(sender, person, now),
        id: input.eventId,
        type: 'form_submit',
        targetType: 'site_page',
        targetId: page.id,
        shareId: sender.share?.id ?? null,
        visitId: visit?.id ?? null,
        creditedEmployeeId: sender.share?.creditedEmployeeId ?? null,
        verdict: null,
        counted: !sender.isBot,
        props: { form: input.form, phone, ...otherFields },
        userAgent,
        occurredAt: occurredAt(input.occurredAt, now),
      },
    ]);
    return { received: true };
  }

  private async sender(
    organization: Organization,
    input: { visitorKey: string; shareCode?: string },
    userAgent: string | null,
  ): Promise<Sender> {
    // A share code of another organization, or none we know, leaves the visit unattributed rather than refused:
    // the tracker keeps a code for 30 days and must not be stuck with one that went stale.
    const share = input.shareCode ? await this.shares.findByCode(input.shareCode) : null;
    return {
      organization,
      identity: { kind: 'web', value: input.visitorKey },
      userAgent,
      isBot: isBotUserAgent(userAgent),
      share: share?.organizationId === organization.id ? share : null,
    };
  }

  /** Bots are recorded but never become visitors (nor lead owners), as on cards and materials. */
  private visitorOf(sender: Sender, now: Date): Promise<Visitor | null> {
    if (sender.isBot) return Promise.resolve(null);
    return this.visitors.resolve(sender.organization.id, sender.identity, touchOf(sender.share), now);
  }

  /**
   * The stored page views the beacon's actions belong to. Each must be a view of this organization's site by
   * the visitor this key names (a bot's view, which has no visitor, by a key naming none), else the whole
   * beacon is refused (400) before anything is written. The user agent plays no part: a browser may send the
   * beacons of a page it is leaving under another one.
   */
  private async storedVisitsOf(sender: Sender, events: SiteEventInput[]): Promise<Map<string, TrackedEvent>> {
    const inBeacon = new Set(events.filter((event) => event.type === 'view').map((event) => event.eventId));
    const outside = events.filter(
      (event): event is ActionInput => event.type !== 'view' && !inBeacon.has(event.visitId),
    );
    const views = await this.eventLog.findByIds([...new Set(outside.map((action) => action.visitId))]);
    const owner = await this.visitors.findIdOf(sender.organization.id, sender.identity);
    const visits = new Map(
      views.filter((view) => isSiteViewOf(view, sender.organization, owner)).map((view) => [view.id, view]),
    );
    const orphan = events.findIndex(
      (event) => event.type !== 'view' && !inBeacon.has(event.visitId) && !visits.has(event.visitId),
    );
    if (orphan >= 0) {
      throw new BadRequestException({
        message: '事件不属于本访客的页面浏览',
        fields: [
          {
            path: `events.${orphan}.visitId`,
            message: 'visitId must be the eventId of a page view this visitor reported',
          },
        ],
      });
    }
    return visits;
  }

  private async viewEvent(
    sender: Sender,
    visitor: Visitor | null,
    view: ViewInput,
    now: Date,
  ): Promise<TrackedEvent> {
    const { organization, share } = sender;
    const page = await this.sitePages.pageAt(organization, view.page.url, view.page.title, 'page.url');
    const creditedEmployeeId = share?.creditedEmployeeId ?? null;
    // Nobody is logged in on the company's own site: only bots, repeats and counted views can be told apart.
    const verdict = classifyView({
      userAgent: sender.userAgent,
      viewer: {},
      owner: { employeeId: creditedEmployeeId, organizationId: organization.id },
      // The event log turns a counted view into a repeat within the 30-minute window (this beacon's included).
      lastCountedViewAt: null,
      now,
    });
    return {
      ...base(sender, visitor, now),
      id: view.eventId,
      type: 'view',
      targetType: 'site_page',
      targetId: page.id,
      shareId: share?.id ?? null,
      visitId: null,
      creditedEmployeeId,
      verdict,
      counted: verdict === 'counted',
      // Scoring rules name site pages by path (e.g. "/products/").
      props: { path: new URL(page.url).pathname },
      userAgent: sender.userAgent,
      occurredAt: occurredAt(view.occurredAt, now),
    };
  }

  private recordConsent(organization: Organization, visitor: Visitor, policyVersion: string): Promise<void> {
    return this.consents.record({
      organizationId: organization.id,
      visitorId: visitor.id,
      purpose: 'contact_me',
      policyVersion,
      touchpoint: 'site',
    });
  }
}

function requireConsent(granted: boolean): void {
  if (!granted) {
    throw new BadRequestException({
      message: '请先勾选同意个人信息使用条款；未勾选时不接收任何个人信息',
      fields: [
        {
          path: 'consent.granted',
          message: 'consent.granted must be true: personal information is accepted only with consent',
        },
      ],
    });
  }
}

function touchOf(share: Share | null) {
  return share ? { shareId: share.id, employeeId: share.creditedEmployeeId } : null;
}

function base(sender: Sender, visitor: Visitor | null, now: Date): SiteEventBase {
  return {
    organizationId: sender.organization.id,
    visitorId: visitor?.id ?? null,
    actorEmployeeId: null,
    touchpoint: 'site',
    receivedAt: now,
  };
}

function isSiteViewOf(view: TrackedEvent, organization: Organization, visitorId: string | null): boolean {
  return (
    view.organizationId === organization.id &&
    view.type === 'view' &&
    view.targetType === 'site_page' &&
    view.visitorId === visitorId
  );
}

/** An action inherits its page view's target, share, credit and whether it counts (as card visits do). */
function actionEvent(visit: TrackedEvent, action: ActionInput, now: Date): TrackedEvent {
  return {
    id: action.eventId,
    organizationId: visit.organizationId,
    type: action.type,
    targetType: visit.targetType,
    targetId: visit.targetId,
    shareId: visit.shareId,
    visitId: visit.id,
    visitorId: visit.visitorId,
    actorEmployeeId: null,
    creditedEmployeeId: visit.creditedEmployeeId,
    touchpoint: 'site',
    verdict: null,
    counted: visit.counted,
    props: action.props,
    userAgent: null,
    occurredAt: occurredAt(action.occurredAt, now),
    receivedAt: now,
  };
}
