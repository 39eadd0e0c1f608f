import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import {
  type Principal,
  type TrackActionsInput,
  type TrackActionsResponse,
  type TrackViewInput,
  type TrackViewResponse,
  type VisitAction,
  anonymousVisitorLabel,
  classifyView,
  isBotUserAgent,
} from '@cardhub/shared';
import { CardsService } from '../cards/cards.service';
import { MATERIAL_NOT_FOUND, MaterialsService } from '../materials/materials.service';
import type { Share } from '../shares/entities/share.entity';
import { SharesService } from '../shares/shares.service';
import { type FirstTouch, type VisitorIdentityKey, VisitorsService } from '../visitors/visitors.service';
import { occurredAt } from './client-time';
import type { TrackedEvent } from './entities/tracked-event.entity';
import { EventLog } from './event-log';
import { type VisitClaims, VisitTokens } from './visit-tokens';
import { ViewClaims } from './view-claims';

/** What was viewed, as far as counting needs: its organization and the employee credited without a share. */
interface ViewedTarget {
  organizationId: string;
  /** A card's owner; null for a material, which credits only the employee whose share brought the visitor. */
  ownerEmployeeId: string | null;
}

/** Who opened the page, as far as the request tells. */
interface Viewer {
  /** Staff of any organization, for the self/colleague rule. */
  staff: { employeeId: string; organizationId: string } | null;
  /** Null for staff of the target's organization (self or colleague): kept on the event, never a visitor. */
  identity: VisitorIdentityKey | null;
}

/**
 * The ingest (Dub-style: validate, dedupe, write). It gathers the inputs of the counting rule — viewer, owner,
 * the last counted view — and leaves the rule itself to `classifyView` in @cardhub/shared.
 */
@Injectable()
export class TrackingService {
  constructor(
    private readonly cards: CardsService,
    private readonly materials: MaterialsService,
    private readonly shares: SharesService,
    private readonly visitors: VisitorsService,
    private readonly eventLog: EventLog,
    private readonly visitTokens: VisitTokens,
    private readonly viewClaims: ViewClaims,
  ) {}

  async recordView(
    principal: Principal | undefined,
    input: TrackViewInput,
    userAgent: string | null,
  ): Promise<TrackViewResponse> {
    const target = await this.target(input);
    const share = input.shareCode ? await this.shareOf(input, input.shareCode, target) : null;
    const creditedEmployeeId = share?.creditedEmployeeId ?? target.ownerEmployeeId;
    const organizationId = target.organizationId;
    const now = new Date();

    const viewer = await this.viewer(principal, input, organizationId);
    const isBot = isBotUserAgent(userAgent);
    // Bots and colleagues are recorded but never become visitors (nor lead owners).
    const touch: FirstTouch | null = share
      ? { shareId: share.id, employeeId: share.creditedEmployeeId }
      : null;
    const resolved =
      viewer.identity && !isBot
        ? await this.visitors.resolve(organizationId, viewer.identity, touch, now)
        : null;
    const visitor =
      resolved && principal?.kind === 'prospect'
        ? await this.visitors.stitchWechat(organizationId, resolved, principal.wechatUserId)
        : resolved;
    // The 30-minute window is the event log's to apply, where concurrent views are serialized; across
    // instances sharing a Redis, the view claims the window there first (ViewClaims).
    const classified = classifyView({
      userAgent,
      viewer: {
        employeeId: viewer.staff?.employeeId ?? null,
        organizationId: viewer.staff?.organizationId ?? null,
      },
      owner: { employeeId: creditedEmployeeId, organizationId },
      lastCountedViewAt: null,
      now,
    });
    const claim =
      classified === 'counted' && visitor
        ? { organizationId, visitorId: visitor.id, targetType: input.targetType, targetId: input.targetId }
        : null;
    const verdict = claim && !(await this.viewClaims.claim(claim, input.eventId)) ? 'repeat' : classified;
    const view: TrackedEvent = {
      id: input.eventId,
      organizationId,
      type: 'view',
      targetType: input.targetType,
      targetId: input.targetId,
      shareId: share?.id ?? null,
      visitId: null,
      visitorId: visitor?.id ?? null,
      actorEmployeeId: viewer.staff?.employeeId ?? null,
      creditedEmployeeId,
      touchpoint: input.touchpoint,
      verdict,
      counted: verdict === 'counted',
      props: null,
      userAgent,
      occurredAt: occurredAt(input.occurredAt, now),
      receivedAt: now,
    };
    // A retry (or a racing copy) of a stored view is answered as the stored one is, whatever was computed now.
    const { events } = await this.eventLog.append([view]).catch(async (error: unknown) => {
      if (verdict === 'counted' && claim) await this.viewClaims.release(claim);
      throw error;
    });
    return this.replay(events[0]!, principal);
  }

  async recordActions(input: TrackActionsInput): Promise<TrackActionsResponse> {
    const visit = this.visitTokens.verify(input.visitToken);
    const now = new Date();
    return this.eventLog.appendCounting(input.actions.map((action) => actionEvent(visit, action, now)));
  }

  /** The answer for a stored view, the same however often the client retries it. */
  private replay(view: TrackedEvent, principal: Principal | undefined): TrackViewResponse {
    if (view.type !== 'view') throw new ConflictException('eventId 已被其他事件使用，请重新生成');
    return {
      visitToken: this.visitTokens.issue(view),
      verdict: view.verdict!,
      visitorLabel: view.visitorId
        ? anonymousVisitorLabel(view.visitorId)
        : principal?.kind === 'employee'
          ? principal.name
          : '访客',
    };
  }

  private async target(input: TrackViewInput): Promise<ViewedTarget> {
    if (input.targetType === 'material') {
      const material = await this.materials.findPublished(input.targetId);
      if (!material) throw new NotFoundException(MATERIAL_NOT_FOUND);
      return { organizationId: material.organizationId, ownerEmployeeId: null };
    }
    if (input.targetType !== 'card') {
      throw new BadRequestException({
        message: '目前只记录名片和物料的访问',
        fields: [
          {
            path: 'targetType',
            message:
              'targetType must be "card" or "material" (site pages report through the site tracker, /t.js)',
          },
        ],
      });
    }
    const { card } = await this.cards.findActiveOrFail(input.targetId);
    return { organizationId: card.organizationId, ownerEmployeeId: card.employeeId };
  }

  /** A share code must be a share of this very target: anything else is a link someone tampered with. */
  private async shareOf(input: TrackViewInput, code: string, target: ViewedTarget): Promise<Share> {
    const share = await this.shares.findByCode(code);
    if (!share || share.organizationId !== target.organizationId)
      throw new NotFoundException('分享不存在或已失效');
    if (share.targetType !== input.targetType || share.targetId !== input.targetId) {
      throw new BadRequestException({
        message: '分享码与所看内容不匹配',
        fields: [{ path: 'shareCode', message: 'shareCode must be a share of this target' }],
      });
    }
    return share;
  }

  private async viewer(
    principal: Principal | undefined,
    input: TrackViewInput,
    organizationId: string,
  ): Promise<Viewer> {
    const staff =
      principal?.kind === 'employee'
        ? { employeeId: principal.employeeId, organizationId: principal.organizationId }
        : null;
    if (staff?.organizationId === organizationId) return { staff, identity: null };
    // Anyone else is a prospect here (staff of another company included), known by openid or their own key.
    const identity =
      principal?.kind === 'prospect'
        ? await this.visitors.wechatIdentity(principal.wechatUserId)
        : input.visitorKey
          ? ({ kind: 'web', value: input.visitorKey } as const)
          : null;
    if (!identity) {
      throw new BadRequestException({
        message: '缺少访客标识',
        fields: [{ path: 'visitorKey', message: 'visitorKey is required without a WeChat login' }],
      });
    }
    return { staff, identity };
  }
}

function actionEvent(visit: VisitClaims, action: VisitAction, now: Date): TrackedEvent {
  return {
    id: action.eventId,
    organizationId: visit.organizationId,
    type: action.type,
    targetType: visit.targetType,
    targetId: visit.targetId,
    shareId: visit.shareId,
    visitId: visit.visitId,
    visitorId: visit.visitorId,
    actorEmployeeId: visit.actorEmployeeId,
    creditedEmployeeId: visit.creditedEmployeeId,
    touchpoint: visit.touchpoint,
    verdict: null,
    // Actions of a visit that does not count (a self-view, a bot) are kept but do not count either.
    counted: visit.counted,
    props: actionProps(action),
    userAgent: null,
    occurredAt: occurredAt(action.occurredAt, now),
    receivedAt: now,
  };
}

function actionProps(action: VisitAction): TrackedEvent['props'] {
  switch (action.type) {
    case 'click':
      return { action: action.action };
    case 'dwell':
      return { seconds: action.seconds };
    case 'forward':
      return { channel: action.channel };
    case 'scroll':
      return { depth: action.depth };
    case 'video':
      return { progress: action.progress };
  }
}
