import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type assignLeadSchema,
  type exportLeadsQuerySchema,
  type ChangeLeadStageInput,
  type LeadDetail,
  type LeadListResponse,
  type LeadSource,
  type LeadSummary,
  type LeadTimelineEntry,
  type PersonalDataExport,
  type listLeadsQuerySchema,
  roleAtLeast,
  scoreEvents,
  visitorDisplayName,
} from '@cardhub/shared';
import { Brackets, In, IsNull, Repository } from 'typeorm';
import type { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { Card } from '../cards/entities/card.entity';
import { SitePage } from '../site/entities/site-page.entity';
import type { StaffPrincipal } from '../common/auth';
import type { Material } from '../materials/entities/material.entity';
import { Employee } from '../org/entities/employee.entity';
import type { TrackedEvent } from '../tracking/entities/tracked-event.entity';
import type { Visitor } from '../visitors/entities/visitor.entity';
import { VisitorsService } from '../visitors/visitors.service';
import { FollowUp } from './entities/follow-up.entity';
import { LeadSignal } from './entities/lead-signal.entity';
import { LeadStageChange } from './entities/lead-stage-change.entity';
import { Lead } from './entities/lead.entity';
import { LeadScope } from './lead-scope';
import { LeadScorer, SCORED_COLUMNS } from './lead-scorer';
import { ScoringSettingsService } from './scoring-settings.service';
import { containsPattern } from '../infra/database/like';

export const LEAD_NOT_FOUND = '线索不存在或无权查看';
const TIMELINE_LIMIT = 200;

type ListLeadsQuery = z.output<typeof listLeadsQuerySchema>;
type LeadFilters = z.output<typeof exportLeadsQuerySchema>;

/** The lead pool as staff work it: lists by role, a lead's page, claiming, assigning, stages and follow-ups. */
@Injectable()
export class LeadsService {
  constructor(
    private readonly scope: LeadScope,
    private readonly scorer: LeadScorer,
    private readonly visitors: VisitorsService,
    private readonly settings: ScoringSettingsService,
    private readonly audit: AuditService,
    @InjectRepository(Lead) private readonly leads: Repository<Lead>,
    @InjectRepository(LeadStageChange) private readonly stageChanges: Repository<LeadStageChange>,
    @InjectRepository(LeadSignal) private readonly signals: Repository<LeadSignal>,
    @InjectRepository(FollowUp) private readonly followUps: Repository<FollowUp>,
    @InjectRepository(Employee) private readonly employees: Repository<Employee>,
    @InjectRepository(Card) private readonly cards: Repository<Card>,
    @InjectRepository(SitePage) private readonly sitePages: Repository<SitePage>,
  ) {}

  async list(staff: StaffPrincipal, query: ListLeadsQuery): Promise<LeadListResponse> {
    const [rows, total] = await (
      await this.filtered(staff, query)
    )
      .skip((query.page - 1) * query.limit)
      .take(query.limit)
      .getManyAndCount();
    return { items: await this.summaries(staff.organizationId, rows), total };
  }

  /** Every lead matching the list's filters that `staff` may see, in the list's order, up to `limit`. */
  async matching(staff: StaffPrincipal, filters: LeadFilters, limit: number): Promise<LeadSummary[]> {
    const rows = await (await this.filtered(staff, filters)).take(limit).getMany();
    return this.summaries(staff.organizationId, rows);
  }

  /** A lead's page opened by a member of staff: audited, since it shows a person's data. */
  async view(staff: StaffPrincipal, leadId: string): Promise<LeadDetail> {
    const lead = await this.detail(staff, leadId);
    await this.audit.record(staff, 'lead.view', leadId);
    return lead;
  }

  /** The leads `staff` may see that match the filters, hottest activity first. */
  private async filtered(staff: StaffPrincipal, query: LeadFilters) {
    const owners = await this.scope.ownersVisibleTo(staff);
    const builder = this.leads
      .createQueryBuilder('lead')
      .where('lead.organizationId = :organizationId', { organizationId: staff.organizationId });
    if (owners !== 'organization') {
      builder.andWhere(
        new Brackets((visible) =>
          visible
            .where('lead.ownerEmployeeId IN (:...owners)', { owners })
            .orWhere('lead.ownerEmployeeId IS NULL'),
        ),
      );
    }
    if (query.owner === 'pool') builder.andWhere('lead.ownerEmployeeId IS NULL');
    else if (query.owner) {
      builder.andWhere('lead.ownerEmployeeId = :owner', {
        owner: query.owner === 'me' ? staff.employeeId : query.owner,
      });
    }
    if (query.stage) builder.andWhere('lead.stage = :stage', { stage: query.stage });
    if (query.source) builder.andWhere('lead.source = :source', { source: query.source });
    if (query.minScore !== undefined)
      builder.andWhere('lead.score >= :minScore', { minScore: query.minScore });
    if (query.from) builder.andWhere('lead.createdAt >= :from', { from: new Date(query.from) });
    if (query.to) builder.andWhere('lead.createdAt < :to', { to: new Date(query.to) });
    if (query.tag) {
      builder.andWhere("lead.tags LIKE :tag ESCAPE '!'", {
        tag: containsPattern(JSON.stringify(query.tag)),
      });
    }
    return builder
      .orderBy('lead.lastActivityAt', 'DESC')
      .addOrderBy('lead.createdAt', 'DESC')
      .addOrderBy('lead.id', 'DESC');
  }

  async detail(staff: StaffPrincipal, leadId: string): Promise<LeadDetail> {
    const lead = await this.visibleLead(staff, leadId);
    const [summary] = await this.summaries(staff.organizationId, [lead]);
    const { config } = await this.settings.configOf(staff.organizationId);
    const now = new Date();
    const {
      stored: events,
      scoring,
      materials,
    } = await this.scorer.visitorEvents(staff.organizationId, lead.visitorId, now);
    const visitor = await this.visitors.findByIds(staff.organizationId, [lead.visitorId]);
    const scored = visitor[0] ? await this.scorer.mayScore(staff.organizationId, visitor[0]) : false;
    const reasons = scored ? scoreEvents(scoring, config, now).contributions : [];
    const [signals, history, notes] = await Promise.all([
      this.signals.find({ where: { leadId: lead.id }, order: { firedAt: 'DESC' } }),
      this.stageChanges.find({ where: { leadId: lead.id }, order: { createdAt: 'DESC' } }),
      this.followUps.find({ where: { leadId: lead.id }, order: { createdAt: 'DESC' } }),
    ]);
    const names = await this.employeeNames([
      ...history.map((change) => change.byEmployeeId),
      ...notes.map((note) => note.employeeId),
      ...events.map((event) => event.creditedEmployeeId),
    ]);
    return {
      ...summary!,
      scoreReasons: reasons,
      scoreHalfLifeDays: config.halfLifeDays,
      marketingOptOut: !scored && !visitor[0]?.erasedAt,
      erased: Boolean(visitor[0]?.erasedAt),
      signals: signals.map((signal) => ({
        signalId: signal.signalId,
        label: signal.label,
        tag: signal.tag,
        firedAt: signal.firedAt.toISOString(),
      })),
      stageHistory: history.map((change) => ({
        fromStage: change.fromStage,
        toStage: change.toStage,
        by: change.byEmployeeId ? (names.get(change.byEmployeeId) ?? null) : null,
        reason: change.reason,
        at: change.createdAt.toISOString(),
      })),
      followUps: notes.map((note) => ({
        id: note.id,
        employeeName: names.get(note.employeeId) ?? '',
        note: note.note,
        at: note.createdAt.toISOString(),
      })),
      timeline: await this.timeline(staff.organizationId, events, materials, names),
    };
  }

  /** What a person's lead says about them, for their own export (no staff scope: it is their data). */
  async personalLeadOf(organizationId: string, visitorId: string): Promise<PersonalDataExport['lead']> {
    const lead = await this.leads.findOneBy({ organizationId, visitorId });
    if (!lead) return null;
    const { config } = await this.settings.configOf(organizationId);
    const now = new Date();
    const { scoring } = await this.scorer.visitorEvents(organizationId, visitorId, now, SCORED_COLUMNS);
    const [history, notes] = await Promise.all([
      this.stageChanges.find({ where: { leadId: lead.id }, order: { createdAt: 'ASC' } }),
      this.followUps.find({ where: { leadId: lead.id }, order: { createdAt: 'ASC' } }),
    ]);
    const names = await this.employeeNames([lead.ownerEmployeeId]);
    return {
      stage: lead.stage,
      score: lead.score,
      scoreReasons: scoreEvents(scoring, config, now).contributions,
      tags: lead.tags,
      owner: lead.ownerEmployeeId ? (names.get(lead.ownerEmployeeId) ?? null) : null,
      stageHistory: history.map((change) => ({
        toStage: change.toStage,
        reason: change.reason,
        at: change.createdAt.toISOString(),
      })),
      followUps: notes.map((note) => ({ note: note.note, at: note.createdAt.toISOString() })),
    };
  }

  /** The lead's person, for staff acting on their rights (admins' export and erasure); scope as for viewing. */
  async visitorOfLead(staff: StaffPrincipal, leadId: string): Promise<string> {
    return (await this.visibleLead(staff, leadId)).visitorId;
  }

  /** The tags of the signals that fired for each visitor's lead (the radar highlights them). */
  async signalTagsOfVisitors(organizationId: string, visitorIds: string[]): Promise<Map<string, string[]>> {
    if (visitorIds.length === 0) return new Map();
    const leads = await this.leads.find({
      select: { id: true, visitorId: true },
      where: { organizationId, visitorId: In(visitorIds) },
    });
    const signals = leads.length
      ? await this.signals.find({ where: { leadId: In(leads.map((lead) => lead.id)) } })
      : [];
    return new Map(
      leads.map((lead) => [
        lead.visitorId,
        [...new Set(signals.filter((signal) => signal.leadId === lead.id).map((signal) => signal.tag))],
      ]),
    );
  }

  /** Takes an unowned lead from the pool (公海). */
  async claim(staff: StaffPrincipal, leadId: string): Promise<LeadDetail> {
    const lead = await this.visibleLead(staff, leadId);
    // Conditional, so of two people claiming at once only one gets it.
    const result = await this.leads.update(
      { id: lead.id, ownerEmployeeId: IsNull() },
      { ownerEmployeeId: staff.employeeId, assignedAt: new Date(), reminderSentAt: null },
    );
    if (!result.affected) throw new ConflictException('这条线索已被他人领取');
    await this.recordChange(lead, lead.stage, staff, `${staff.name} 从公海领取`);
    return this.detail(staff, leadId);
  }

  /** Managers and admins hand a lead to someone they lead, or back to the pool. */
  async assign(
    staff: StaffPrincipal,
    leadId: string,
    input: z.output<typeof assignLeadSchema>,
  ): Promise<LeadDetail> {
    if (!roleAtLeast(staff.role, 'manager')) throw new ForbiddenException('只有经理和管理员可以分配线索');
    const lead = await this.visibleLead(staff, leadId);
    let toName = '公海';
    if (input.employeeId) {
      const scope = await this.scope.ownersVisibleTo(staff);
      const target = await this.employees.findOneBy({
        id: input.employeeId,
        organizationId: staff.organizationId,
      });
      if (!target || target.status !== 'active' || !LeadScope.allows(scope, target.id)) {
        throw new BadRequestException({
          message: '只能分配给你管理范围内的在职员工',
          fields: [{ path: 'employeeId', message: 'employeeId must be an active employee you manage' }],
        });
      }
      toName = target.name;
    }
    // A new owner starts with fresh hand-off deadlines.
    await this.leads.update(
      { id: lead.id },
      {
        ownerEmployeeId: input.employeeId,
        assignedAt: input.employeeId ? new Date() : null,
        reminderSentAt: null,
      },
    );
    const why = input.reason ? `：${input.reason}` : '';
    await this.recordChange(lead, lead.stage, staff, `${staff.name} 分配给 ${toName}${why}`);
    await this.audit.record(staff, 'lead.assign', lead.id, {
      fromEmployeeId: lead.ownerEmployeeId,
      toEmployeeId: input.employeeId,
      to: toName,
    });
    return this.detail(staff, leadId);
  }

  async changeStage(staff: StaffPrincipal, leadId: string, input: ChangeLeadStageInput): Promise<LeadDetail> {
    const lead = await this.workableLead(staff, leadId);
    if (lead.stage === input.stage) {
      throw new BadRequestException({
        message: '线索已处于该阶段',
        fields: [{ path: 'stage', message: `the lead is already ${input.stage}` }],
      });
    }
    const now = new Date();
    await this.leads.update(
      { id: lead.id },
      {
        stage: input.stage,
        ...(input.stage === 'sql' ? { sqlAt: now } : {}),
        ...this.followedUp(lead, staff, now),
      },
    );
    await this.recordChange(lead, input.stage, staff, input.reason);
    return this.detail(staff, leadId);
  }

  async addFollowUp(staff: StaffPrincipal, leadId: string, note: string): Promise<LeadDetail> {
    const lead = await this.workableLead(staff, leadId);
    await this.followUps.insert({
      organizationId: staff.organizationId,
      leadId: lead.id,
      employeeId: staff.employeeId,
      note,
    });
    const followed = this.followedUp(lead, staff, new Date());
    if (followed.lastFollowedUpAt) await this.leads.update({ id: lead.id }, followed);
    return this.detail(staff, leadId);
  }

  async setTags(staff: StaffPrincipal, leadId: string, tags: string[]): Promise<LeadDetail> {
    const lead = await this.workableLead(staff, leadId);
    await this.leads.update({ id: lead.id }, { tags: [...new Set(tags)] });
    return this.detail(staff, leadId);
  }

  /** Only the owner's own work stops the hand-off deadlines. */
  private followedUp(lead: Lead, staff: StaffPrincipal, now: Date): Pick<Partial<Lead>, 'lastFollowedUpAt'> {
    return lead.ownerEmployeeId === staff.employeeId ? { lastFollowedUpAt: now } : {};
  }

  private async visibleLead(staff: StaffPrincipal, leadId: string): Promise<Lead> {
    const lead = await this.leads.findOneBy({ id: leadId, organizationId: staff.organizationId });
    if (!lead || !LeadScope.allows(await this.scope.ownersVisibleTo(staff), lead.ownerEmployeeId)) {
      throw new NotFoundException(LEAD_NOT_FOUND);
    }
    return lead;
  }

  /** Working a lead (stage, notes, tags) is for its owner and those who manage them; a pool lead is claimed first. */
  private async workableLead(staff: StaffPrincipal, leadId: string): Promise<Lead> {
    const lead = await this.visibleLead(staff, leadId);
    if (lead.ownerEmployeeId === null && !roleAtLeast(staff.role, 'manager')) {
      throw new ConflictException('请先从公海领取这条线索');
    }
    if (
      lead.ownerEmployeeId !== null &&
      lead.ownerEmployeeId !== staff.employeeId &&
      staff.role === 'employee'
    ) {
      throw new NotFoundException(LEAD_NOT_FOUND);
    }
    return lead;
  }

  private recordChange(lead: Lead, toStage: Lead['stage'], staff: StaffPrincipal, reason: string) {
    return this.stageChanges.insert({
      organizationId: lead.organizationId,
      leadId: lead.id,
      fromStage: lead.stage,
      toStage,
      byEmployeeId: staff.employeeId,
      reason: reason.slice(0, 200),
      createdAt: new Date(),
    });
  }

  private async summaries(organizationId: string, rows: Lead[]): Promise<LeadSummary[]> {
    const visitors = new Map(
      (
        await this.visitors.findByIds(
          organizationId,
          rows.map((row) => row.visitorId),
        )
      ).map((visitor) => [visitor.id, visitor]),
    );
    const names = await this.employeeNames(rows.map((row) => row.ownerEmployeeId));
    return rows.map((row) => summaryOf(row, visitors.get(row.visitorId), names));
  }

  private async employeeNames(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    const rows = await this.employees.find({ select: { id: true, name: true }, where: { id: In(wanted) } });
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  private async timeline(
    organizationId: string,
    events: TrackedEvent[],
    materials: Map<string, Pick<Material, 'title'>>,
    names: Map<string, string>,
  ): Promise<LeadTimelineEntry[]> {
    const recent = events.slice(-TIMELINE_LIMIT).reverse();
    const cardIds = [
      ...new Set(recent.filter((event) => event.targetType === 'card').map((event) => event.targetId)),
    ];
    const cards = cardIds.length
      ? await this.cards.find({
          select: { id: true, name: true },
          where: { organizationId, id: In(cardIds) },
        })
      : [];
    const cardNames = new Map(cards.map((card) => [card.id, card.name]));
    const pageIds = [
      ...new Set(recent.filter((event) => event.targetType === 'site_page').map((event) => event.targetId)),
    ];
    const pages = pageIds.length
      ? await this.sitePages.find({
          select: { id: true, title: true },
          where: { organizationId, id: In(pageIds) },
        })
      : [];
    const pageTitles = new Map(pages.map((page) => [page.id, page.title]));
    const titleOf = (event: TrackedEvent): string => {
      if (event.targetType === 'material') return materials.get(event.targetId)?.title ?? '已删除的物料';
      if (event.targetType === 'card') return `${cardNames.get(event.targetId) ?? ''}的名片`;
      return pageTitles.get(event.targetId) || '官网页面';
    };
    return recent.map((event) => ({
      eventId: event.id,
      type: event.type,
      target: { type: event.targetType, id: event.targetId, title: titleOf(event) },
      touchpoint: event.touchpoint,
      props: event.props,
      creditedEmployeeName: event.creditedEmployeeId ? (names.get(event.creditedEmployeeId) ?? null) : null,
      occurredAt: event.occurredAt.toISOString(),
    }));
  }
}

function summaryOf(lead: Lead, visitor: Visitor | undefined, names: Map<string, string>): LeadSummary {
  return {
    id: lead.id,
    visitorId: lead.visitorId,
    label: visitor ? visitorDisplayName(visitor) : visitorDisplayName({ id: lead.visitorId, name: null }),
    phone: visitor?.phone ?? null,
    stage: lead.stage,
    score: lead.score,
    tags: lead.tags,
    source: lead.source as LeadSource,
    owner: lead.ownerEmployeeId
      ? { id: lead.ownerEmployeeId, name: names.get(lead.ownerEmployeeId) ?? '' }
      : null,
    lastActivityAt: lead.lastActivityAt?.toISOString() ?? null,
    createdAt: lead.createdAt.toISOString(),
  };
}
