import { Injectable } from '@nestjs/common';
import {
  type RadarResponse,
  type RadarVisit,
  type RadarVisitor,
  type TargetType,
  type ViewVerdict,
  forwarderLabels,
  visitorDisplayName,
} from '@cardhub/shared';
import type { StaffPrincipal } from '../common/auth';
import type { Share } from '../shares/entities/share.entity';
import { SharesService } from '../shares/shares.service';
import type { TrackedEvent } from '../tracking/entities/tracked-event.entity';
import { MaterialsService } from '../materials/materials.service';
import { LeadsService } from '../leads/leads.service';
import { EventLog } from '../tracking/event-log';
import type { Visitor } from '../visitors/entities/visitor.entity';
import { VisitorsService } from '../visitors/visitors.service';

/** Titles of targets that have no title of their own (a material is named by its title). */
const TARGET_TITLES: Record<TargetType, string> = {
  card: '我的名片',
  material: '物料',
  site_page: '官网页面',
};

/** The actions a radar line shows; dwell is summed instead. */
const RADAR_ACTION_TYPES = new Set<TrackedEvent['type']>(['click', 'forward', 'scroll', 'video']);

/** Viewers that are not visitors are named by why they are not counted. */
const NON_VISITOR_LABELS: Partial<Record<ViewVerdict, string>> = {
  self: '我自己',
  colleague: '同事',
  bot: '爬虫',
};

/**
 * The visitor radar (访客雷达): an employee's visits, newest first. A page costs a fixed number of queries —
 * views, their events, their shares (plus one per level of the deepest forward chain), visitors, material titles —
 * never one per visit.
 */
@Injectable()
export class RadarService {
  constructor(
    private readonly eventLog: EventLog,
    private readonly materials: MaterialsService,
    private readonly shares: SharesService,
    private readonly visitors: VisitorsService,
    private readonly leads: LeadsService,
  ) {}

  async visitsOf(staff: StaffPrincipal, before: Date | undefined, limit: number): Promise<RadarResponse> {
    const organizationId = staff.organizationId;
    const views = await this.eventLog.viewsCreditedTo(organizationId, staff.employeeId, before, limit);
    const eventsOfVisits = await this.eventLog.eventsOfVisits(
      organizationId,
      views.map((view) => view.id),
    );
    const shares = await this.shares.findByIds(organizationId, distinct(views.map((view) => view.shareId)));
    const chains = await this.shares.chainsOf(organizationId, shares);
    const forwarderIds = [...chains.values()].flat().map((share) => share.sharerVisitorId);
    const visitors = await this.visitors.findByIds(
      organizationId,
      distinct([...views.map((view) => view.visitorId), ...forwarderIds]),
    );

    const materials = await this.materials.findManyInOrganization(
      organizationId,
      distinct(views.map((view) => (view.targetType === 'material' ? view.targetId : null))),
    );
    const materialTitles = new Map(materials.map((material) => [material.id, material.title]));

    const visitorsById = new Map(visitors.map((visitor) => [visitor.id, visitor]));
    const signalTags = await this.leads.signalTagsOfVisitors(
      organizationId,
      distinct(views.map((view) => view.visitorId)),
    );
    const sharesById = new Map(shares.map((share) => [share.id, share]));
    const visits = views.map((view) =>
      radarVisit(
        view,
        eventsOfVisits.filter((event) => event.visitId === view.id),
        view.visitorId ? visitorsById.get(view.visitorId) : undefined,
        (view.visitorId && signalTags.get(view.visitorId)) || [],
        view.shareId ? sharesById.get(view.shareId) : undefined,
        (share) => forwarderLabels(chains.get(share.id) ?? [share], visitorsById),
        materialTitles.get(view.targetId) ?? TARGET_TITLES[view.targetType],
      ),
    );
    return {
      visits,
      nextBefore: views.length === limit ? views[views.length - 1]!.occurredAt.toISOString() : null,
    };
  }
}

function radarVisit(
  view: TrackedEvent,
  events: TrackedEvent[],
  visitor: Visitor | undefined,
  signals: string[],
  share: Share | undefined,
  forwarders: (share: Share) => string[],
  title: string,
): RadarVisit {
  const lastActivity = Math.max(
    view.occurredAt.getTime(),
    ...events.map((event) => event.occurredAt.getTime()),
  );
  return {
    visitId: view.id,
    visitor: { ...radarVisitor(view, visitor), signals },
    target: { type: view.targetType, id: view.targetId, title },
    touchpoint: view.touchpoint,
    shareCode: share?.code ?? null,
    forwardedBy: share ? forwarders(share) : [],
    verdict: view.verdict!,
    startedAt: view.occurredAt.toISOString(),
    lastActivityAt: new Date(lastActivity).toISOString(),
    dwellSeconds: events.reduce(
      (total, event) => total + (event.type === 'dwell' ? Number(event.props?.seconds ?? 0) : 0),
      0,
    ),
    actions: events.filter((event) => RADAR_ACTION_TYPES.has(event.type)).map(radarAction),
  };
}

type RadarAction = RadarVisit['actions'][number];

/** An action as the radar shows it; its props were validated when it was reported (visitActionSchema). */
function radarAction(event: TrackedEvent): RadarAction {
  const prop = <K extends 'action' | 'channel' | 'depth' | 'progress'>(
    key: K,
    ofType: TrackedEvent['type'],
  ) => (event.type === ofType ? (event.props?.[key] ?? null) : null) as RadarAction[K];
  return {
    type: event.type as RadarAction['type'],
    action: prop('action', 'click'),
    channel: prop('channel', 'forward'),
    depth: prop('depth', 'scroll'),
    progress: prop('progress', 'video'),
    at: event.occurredAt.toISOString(),
  };
}

/** Name and avatar appear only when the visitor row has them (given with consent); otherwise a stable pseudonym. */
function radarVisitor(view: TrackedEvent, visitor: Visitor | undefined): Omit<RadarVisitor, 'signals'> {
  if (!visitor) {
    return {
      id: view.actorEmployeeId ?? view.id,
      label: NON_VISITOR_LABELS[view.verdict!] ?? '访客',
      name: null,
      avatarUrl: null,
    };
  }
  return {
    id: visitor.id,
    label: visitorDisplayName(visitor),
    name: visitor.name,
    avatarUrl: visitor.avatarUrl,
  };
}

function distinct(ids: (string | null)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== null))];
}
