import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  LEAD_STAGE_LABELS,
  type LeadSource,
  type LeadStage,
  type ScoringConfig,
  type ScoringEvent,
  type ErasureReport,
  type ScoreResult,
  type SignalFiring,
  advanceStage,
  detectSignals,
  scoreEvents,
} from '@cardhub/shared';
import { In, IsNull, Not, Repository } from 'typeorm';
import { Transactions } from '../infra/database/transactions';
import { Material } from '../materials/entities/material.entity';
import { ConsentsService } from '../privacy/consents.service';
import { SharesService } from '../shares/shares.service';
import type { TrackedEvent } from '../tracking/entities/tracked-event.entity';
import { EventLog } from '../tracking/event-log';
import type { Visitor } from '../visitors/entities/visitor.entity';
import { VisitorsService } from '../visitors/visitors.service';
import { FollowUp } from './entities/follow-up.entity';
import { LeadSignal } from './entities/lead-signal.entity';
import { LeadStageChange } from './entities/lead-stage-change.entity';
import { Lead } from './entities/lead.entity';
import { LeadAlerts } from './lead-alerts';
import { RescorePacing } from './rescore-pacing';
import { ScoringSettingsService } from './scoring-settings.service';

/** Scores read this far back; decay has made older behaviour worth next to nothing by then. */
export const SCORING_LOOKBACK_DAYS = 180;
/**
 * And at most this many of a visitor's latest events: more than a person produces in the lookback (the oldest of
 * them are decayed to little anyway), so only a flood (a script, a refresh loop) meets it, and such a flood cannot
 * make each rescore slower and larger than the last. A rescore's events are read by one query and gone before
 * the next garbage collection, where four pages of a 1,000-event history outlived it and the server's memory
 * climbed under a flood (docs/benchmarks.md).
 */
export const SCORING_EVENT_LIMIT = 250;

/** What a score is worked out from (a lead's timeline reads the events whole). */
export const SCORED_COLUMNS = [
  'id',
  'type',
  'targetType',
  'targetId',
  'visitId',
  'verdict',
  'props',
  'occurredAt',
] as const satisfies readonly (keyof TrackedEvent)[];

/** What replaces a reason a member of staff typed about an erased person. */
const ERASED_REASON = '（个人信息已删除）';

/** Event types that mean the visitor left contact details or asked to be contacted. */
const CONTACT_EVENT_TYPES = new Set(['form_submit', 'consult']);

/**
 * Visitors of one organization rescored by one set of reads. Floods go alone (rescore-pacing.ts), so a batch
 * reads at most 990 events: converting more at once held the event loop and the ingest's p99 with it.
 */
export const RESCORE_BATCH = 10;
/** Batches rescored at once on MySQL: well under the pool's 10 connections, which the ingest needs too. */
const RESCORE_CONCURRENCY = 4;

/**
 * Keeps leads in step with behaviour: every stored event re-scores its visitor with the organization's rules.
 * A visitor becomes a lead on leaving contact details, crossing the MQL threshold or firing a signal; scoring
 * and signals move the stage forward only, each move recorded with its reason, and the owner is alerted.
 */
@Injectable()
export class LeadScorer implements OnModuleInit {
  private readonly logger = new Logger(LeadScorer.name);
  private readonly pacing: RescorePacing;

  constructor(
    transactions: Transactions,
    private readonly eventLog: EventLog,
    private readonly settings: ScoringSettingsService,
    private readonly visitors: VisitorsService,
    private readonly shares: SharesService,
    private readonly alerts: LeadAlerts,
    private readonly consents: ConsentsService,
    @InjectRepository(Lead) private readonly leads: Repository<Lead>,
    @InjectRepository(LeadStageChange) private readonly stageChanges: Repository<LeadStageChange>,
    @InjectRepository(LeadSignal) private readonly signals: Repository<LeadSignal>,
    @InjectRepository(FollowUp) private readonly followUps: Repository<FollowUp>,
    @InjectRepository(Material) private readonly materials: Repository<Material>,
  ) {
    this.pacing = new RescorePacing(
      (organizationId, visitorIds) => this.rescoreMany(organizationId, visitorIds),
      (error) => this.logger.error(`rescoring failed: ${String(error)}`),
      RESCORE_BATCH,
      // A pass over 3,000 new visitors took 33 s one at a time, waiting on the database (docs/benchmarks.md).
      transactions.parallel ? RESCORE_CONCURRENCY : 1,
    );
  }

  onModuleInit(): void {
    this.eventLog.onAppend(
      (events) => this.onStored(events),
      () => this.pacing.drain(),
    );
    this.visitors.onMerge((organizationId, mergedId, keptId) =>
      this.onMerged(organizationId, mergedId, keptId),
    );
    this.visitors.onErase((organizationId, erasedId, pseudonymId) =>
      this.onErased(organizationId, erasedId, pseudonymId),
    );
    // An opt-out clears the score at once; opting in again scores the person from their events.
    this.consents.onChange(async (organizationId, visitorId, purpose) => {
      if (purpose === 'personalised_marketing') await this.rescore(organizationId, visitorId);
    });
  }

  /**
   * The person was erased: their lead stays (stage and score keep the counts right) under the pseudonym,
   * without the notes and tags staff wrote about them; reasons people typed for stage changes are blanked.
   */
  private async onErased(
    organizationId: string,
    erasedId: string,
    pseudonymId: string,
  ): Promise<Partial<ErasureReport>> {
    const lead = await this.leads.findOneBy({ organizationId, visitorId: erasedId });
    if (!lead) return {};
    await this.leads.update({ id: lead.id }, { visitorId: pseudonymId, tags: [] });
    const notes = await this.followUps.delete({ leadId: lead.id });
    await this.stageChanges.update(
      { leadId: lead.id, byEmployeeId: Not(IsNull()) },
      { reason: ERASED_REASON },
    );
    return { followUps: notes.affected ?? 0, leadAnonymised: true };
  }

  /** Whether scoring may look at this person: not after they opted out of personalised marketing (PIPL art. 24). */
  async mayScore(organizationId: string, visitor: Visitor): Promise<boolean> {
    if (visitor.erasedAt) return false;
    return !(await this.consents.hasWithdrawn(organizationId, visitor.id, 'personalised_marketing'));
  }

  private optedOut(organizationId: string, visitorIds: readonly string[]): Promise<Set<string>> {
    return this.consents.withdrawnAmong(organizationId, visitorIds, 'personalised_marketing');
  }

  /**
   * Two visitors became one person: one lead remains. The kept visitor's lead stays (or the merged one's moves
   * over); the other's history and notes join it. Then the person is scored on all their events.
   */
  private async onMerged(organizationId: string, mergedId: string, keptId: string): Promise<void> {
    const [mergedLead, keptLead] = await Promise.all([
      this.leads.findOneBy({ organizationId, visitorId: mergedId }),
      this.leads.findOneBy({ organizationId, visitorId: keptId }),
    ]);
    if (mergedLead && !keptLead) {
      await this.leads.update({ id: mergedLead.id }, { visitorId: keptId });
    } else if (mergedLead && keptLead) {
      for (const repository of [this.stageChanges, this.signals, this.followUps] as const) {
        await repository.update({ leadId: mergedLead.id }, { leadId: keptLead.id });
      }
      await this.leads.update(
        { id: keptLead.id },
        {
          tags: [...new Set([...keptLead.tags, ...mergedLead.tags])],
          ...(keptLead.ownerEmployeeId
            ? {}
            : { ownerEmployeeId: mergedLead.ownerEmployeeId, assignedAt: mergedLead.assignedAt }),
        },
      );
      await this.leads.delete({ id: mergedLead.id });
    }
    await this.rescore(organizationId, keptId);
  }

  private async onStored(events: readonly TrackedEvent[]): Promise<void> {
    const visitors = new Map<string, string>();
    for (const event of events) if (event.visitorId) visitors.set(event.visitorId, event.organizationId);
    await this.pacing.stored(visitors);
  }

  /** Re-scores one visitor now; returns their lead (null while they are not one). */
  async rescore(organizationId: string, visitorId: string, now = new Date()): Promise<Lead | null> {
    return (await this.rescoreMany(organizationId, [visitorId], now)).get(visitorId) ?? null;
  }

  /**
   * Re-scores visitors of one organization now. What scoring reads is read for all of them at once (the
   * visitors, the rules, their consents and latest events, then their materials: two round trips, where one
   * visitor at a time took five); then each one's lead is read, scored and written. Returns the leads, by visitor.
   */
  async rescoreMany(
    organizationId: string,
    visitorIds: readonly string[],
    now = new Date(),
  ): Promise<Map<string, Lead>> {
    const ids = [...visitorIds];
    // Independent reads, side by side on MySQL's pool: a rescore waits on the database, not on the CPU.
    const [visitors, { config }, histories, optedOut] = await Promise.all([
      this.visitors.findByIds(organizationId, ids),
      this.settings.configOf(organizationId),
      this.eventLog.latestEventsOfVisitors(
        organizationId,
        ids,
        lookbackStart(now),
        SCORING_EVENT_LIMIT,
        SCORED_COLUMNS,
      ),
      this.optedOut(organizationId, ids),
    ]);
    const materials = await this.materialsOf(organizationId, [...histories.values()].flat());
    const leads = new Map<string, Lead>();
    const failures: unknown[] = [];
    for (const visitor of visitors) {
      const stored = histories.get(visitor.id)!;
      this.pacing.scored(visitor.id, stored.length);
      try {
        const lead = await this.scoreVisitor(visitor, config, now, {
          stored,
          scoring: scoringEvents(stored, materials),
          scored: mayScoreAmong(visitor, optedOut),
        });
        if (lead) leads.set(visitor.id, lead);
      } catch (error) {
        // One visitor's failure leaves the others of the batch scored.
        failures.push(error);
      }
    }
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) {
      throw new AggregateError(
        failures,
        `${failures.length} visitors not rescored, the first: ${String(failures[0])}`,
      );
    }
    return leads;
  }

  /** Scores one visitor from what `rescoreMany` read and writes their lead; null while they are not one. */
  private async scoreVisitor(
    visitor: Visitor,
    config: ScoringConfig,
    now: Date,
    read: { stored: TrackedEvent[]; scoring: ScoringEvent[]; scored: boolean },
  ): Promise<Lead | null> {
    const { organizationId } = visitor;
    // Opted out: no score, no stage moves by score, no signals, no alerts; leaving contact still makes a lead.
    const score: ScoreResult = read.scored
      ? scoreEvents(read.scoring, config, now)
      : { score: 0, contributions: [], stage: 'visitor' };
    const firings: SignalFiring[] = read.scored ? detectSignals(read.scoring, config.signals, now) : [];
    const leftContact =
      visitor.phone !== null || read.stored.some((event) => CONTACT_EVENT_TYPES.has(event.type));

    // Read now, not with the batch: what is written below starts from it, and staff may have moved the lead's
    // stage or tags while the visitors before this one were written.
    let lead = await this.leads.findOneBy({ organizationId, visitorId: visitor.id });
    if (!lead) {
      if (score.stage === 'visitor' && !leftContact && firings.length === 0) return null;
      lead = await this.createLead(visitor, leftContact ? '留下了联系方式' : '行为评分或信号触发');
    }

    const fresh = await this.unrecorded(lead.id, firings);
    const moves: { to: LeadStage; reason: string }[] = [];
    let stage = lead.stage;
    const byScore = advanceStage(stage, score.stage);
    if (byScore !== stage) {
      moves.push({ to: byScore, reason: scoreReason(score.score, byScore, config) });
      stage = byScore;
    }
    for (const firing of fresh) {
      if (!firing.raiseTo) continue;
      const raised = advanceStage(stage, firing.raiseTo);
      if (raised === stage) continue;
      moves.push({ to: raised, reason: `信号：${firing.label}` });
      stage = raised;
    }

    const lastEvent = read.stored[read.stored.length - 1];
    const fromStage = lead.stage;
    lead = await this.updateLead(lead, {
      score: score.score,
      stage,
      tags: [...new Set([...lead.tags, ...fresh.map((firing) => firing.tag)])],
      lastActivityAt: lastEvent?.occurredAt ?? lead.lastActivityAt,
      // The SQL follow-up deadline counts from here.
      ...(stage === 'sql' && fromStage !== 'sql' ? { sqlAt: now } : {}),
    });
    let previous: LeadStage = fromStage;
    for (const [index, move] of moves.entries()) {
      await this.stageChanges.insert({
        organizationId,
        leadId: lead.id,
        fromStage: previous,
        toStage: move.to,
        byEmployeeId: null,
        reason: move.reason,
        // After the lead's creation, in order.
        createdAt: new Date(Date.now() + index + 1),
      });
      previous = move.to;
    }
    if (fresh.length > 0) {
      await this.signals
        .createQueryBuilder()
        .insert()
        .values(
          fresh.map((firing) => ({
            organizationId,
            leadId: lead!.id,
            signalId: firing.signalId,
            label: firing.label,
            tag: firing.tag,
            firedAt: firing.firedAt,
            eventIds: firing.eventIds,
          })),
        )
        // Two re-scores racing over the same events store the firing once.
        .orIgnore()
        .execute();
    }
    const reachedSql = moves.some((move) => move.to === 'sql');
    if (fresh.length > 0 || reachedSql) {
      await this.alerts.tellOwner(lead, fresh[0]?.label ?? moves[moves.length - 1]!.reason);
    }
    return lead;
  }

  /** The firings not stored yet (a rescore sees every firing of the visitor's recent events again). */
  private async unrecorded(leadId: string, firings: SignalFiring[]): Promise<SignalFiring[]> {
    if (firings.length === 0) return [];
    const known = await this.signals.findBy({ leadId });
    return firings.filter(
      (firing) =>
        !known.some(
          (signal) =>
            signal.signalId === firing.signalId && signal.firedAt.getTime() === firing.firedAt.getTime(),
        ),
    );
  }

  /**
   * Writes what a rescore changed, without reading the lead back (`save` would): a visitor acting all the time
   * is rescored all the time, and every statement of a rescore counts (docs/benchmarks.md).
   */
  private async updateLead(
    lead: Lead,
    changes: Pick<Lead, 'score' | 'stage' | 'tags' | 'lastActivityAt'> & Partial<Pick<Lead, 'sqlAt'>>,
  ): Promise<Lead> {
    const changed = (Object.keys(changes) as (keyof typeof changes)[]).some(
      (key) => JSON.stringify(changes[key]) !== JSON.stringify(lead[key]),
    );
    if (!changed) return lead;
    await this.leads.update({ id: lead.id }, changes);
    return this.leads.merge(lead, changes, { updatedAt: new Date() });
  }

  private async createLead(visitor: Visitor, reason: string): Promise<Lead> {
    const source = await this.sourceOf(visitor);
    try {
      const lead = await this.leads.save(
        this.leads.create({
          organizationId: visitor.organizationId,
          visitorId: visitor.id,
          ownerEmployeeId: visitor.firstEmployeeId,
          stage: 'visitor',
          score: 0,
          tags: [],
          source,
          firstShareId: visitor.firstShareId,
          lastActivityAt: null,
          assignedAt: visitor.firstEmployeeId ? new Date() : null,
        }),
      );
      await this.stageChanges.insert({
        organizationId: visitor.organizationId,
        leadId: lead.id,
        fromStage: null,
        toStage: 'visitor',
        byEmployeeId: null,
        createdAt: new Date(),
        reason: visitor.firstEmployeeId ? `${reason}，归属首次分享的员工` : `${reason}，无分享来源，进入公海`,
      });
      return lead;
    } catch (error) {
      // The unique visitor index decides a race between two re-scores of a new visitor.
      const winner = await this.leads.findOneBy({ visitorId: visitor.id });
      if (!winner) throw error;
      return winner;
    }
  }

  private async sourceOf(visitor: Visitor): Promise<LeadSource> {
    if (!visitor.firstShareId) return 'none';
    const [share] = await this.shares.findByIds(visitor.organizationId, [visitor.firstShareId]);
    return share?.targetType ?? 'none';
  }

  /**
   * A visitor's recent events, as stored (whole, or only `columns`) and as scoring sees them, with the materials
   * they were about.
   */
  async visitorEvents(
    organizationId: string,
    visitorId: string,
    now: Date,
    columns?: readonly (keyof TrackedEvent)[],
  ) {
    const histories = await this.eventLog.latestEventsOfVisitors(
      organizationId,
      [visitorId],
      lookbackStart(now),
      SCORING_EVENT_LIMIT,
      columns,
    );
    const stored = histories.get(visitorId)!;
    const materials = await this.materialsOf(organizationId, stored);
    return { stored, scoring: scoringEvents(stored, materials), materials };
  }

  /** The materials these events were about, by id. */
  private async materialsOf(
    organizationId: string,
    events: readonly TrackedEvent[],
  ): Promise<Map<string, Pick<Material, 'id' | 'type' | 'title'>>> {
    const materialIds = [
      ...new Set(events.filter((event) => event.targetType === 'material').map((event) => event.targetId)),
    ];
    const rows =
      materialIds.length > 0
        ? await this.materials.find({
            select: { id: true, type: true, title: true },
            where: { organizationId, id: In(materialIds) },
          })
        : [];
    return new Map(rows.map((material) => [material.id, material]));
  }
}

function lookbackStart(now: Date): Date {
  return new Date(now.getTime() - SCORING_LOOKBACK_DAYS * 86_400_000);
}

function mayScoreAmong(visitor: Visitor, optedOut: ReadonlySet<string>): boolean {
  return !visitor.erasedAt && !optedOut.has(visitor.id);
}

/** Events as scoring sees them. */
function scoringEvents(
  stored: readonly TrackedEvent[],
  materials: ReadonlyMap<string, Pick<Material, 'type'>>,
): ScoringEvent[] {
  return stored.map((event) => ({
    id: event.id,
    type: event.type,
    targetType: event.targetType,
    materialType: materials.get(event.targetId)?.type ?? null,
    // A view is its own visit; its actions point at it.
    visitId: event.type === 'view' ? event.id : event.visitId,
    verdict: event.verdict,
    props: event.props,
    occurredAt: event.occurredAt,
  }));
}

function scoreReason(score: number, stage: LeadStage, config: ScoringConfig): string {
  const threshold = stage === 'sql' ? config.sqlThreshold : config.mqlThreshold;
  return `评分 ${score} 分，达到 ${LEAD_STAGE_LABELS[stage]} 阈值 ${threshold} 分`;
}
