import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type BoardMetric,
  type Credit,
  type RollupMetric,
  type RollupPeriod,
  type RollupSubject,
  contributionsOf,
  isDistinctMetric,
  leadMilestonesOf,
  periodKeysOf,
  splitCredit,
} from '@cardhub/shared';
import { type DataSource, type EntityManager, In } from 'typeorm';
import type { LeadStageChange } from '../leads/entities/lead-stage-change.entity';
import { Lead } from '../leads/entities/lead.entity';
import { insertRows } from '../infra/database/insert-rows';
import type { TrackedEvent } from '../tracking/entities/tracked-event.entity';
import type { PlannedWrite } from '../tracking/event-log';
import { CreditFacts, CreditFactsCache, chunks } from './credit-facts';
import { BoardRollupSeen } from './entities/board-rollup-seen.entity';
import { BoardRollup } from './entities/board-rollup.entity';

/** What a share chain's own figures count (the chain board ranks trees by their reach). */
const CHAIN_METRICS = new Set<RollupMetric>(['forwards', 'views', 'visitors']);

/** Rows per multi-row statement: well under both databases' parameter limits. */
const ROWS_PER_STATEMENT = 500;

/** A lead's milestones are counted once per lead, whatever the period: they live under this period key. */
const LEAD_ONCE = { period: 'all', periodKey: '-', subjectKind: 'lead', visitorId: '-' } as const;

type RollupKey = Omit<BoardRollup, 'value'>;
type SeenRow = Omit<BoardRollupSeen, 'batchId'>;
type SeenKey = Omit<SeenRow, 'visitorId'>;

/** How long, and for how many rows, committed seen rows are remembered (about 100 bytes each). */
const SEEN_MEMORY_MS = 5 * 60_000;
const SEEN_MEMORY_ROWS = 200_000;

const keyOf = (row: SeenKey) =>
  [row.organizationId, row.period, row.periodKey, row.subjectKind, row.subjectId, row.metric].join('|');

/** What one write adds: summed in memory first, so a batch of events costs a few multi-row statements. */
class Tally {
  readonly increments = new Map<string, BoardRollup>();
  readonly seen = new Map<string, SeenRow>();

  add(key: RollupKey, amount: number): void {
    const id = keyOf(key);
    const row = this.increments.get(id);
    if (row) row.value += amount;
    else this.increments.set(id, { ...key, value: amount });
  }

  see(key: SeenKey, visitorId: string): void {
    this.seen.set(`${keyOf(key)}|${visitorId}`, { ...key, visitorId });
  }
}

/**
 * The seen rows committed lately, and the distinct contributions that made them, so a visitor counted once in a
 * period costs the next events nothing (the bench's and a busy day's common case: the same visitors acting
 * again). Forgotten every few minutes and on a rebuild, which deletes the rows; a row it does not know is simply
 * inserted and ignored if stored.
 */
class CommittedSeenRows {
  private keys = new Set<string>();
  private since = Date.now();

  has(key: string): boolean {
    if (Date.now() - this.since > SEEN_MEMORY_MS || this.keys.size > SEEN_MEMORY_ROWS) this.clear();
    return this.keys.has(key);
  }

  remember(keys: Iterable<string>): void {
    for (const key of keys) this.keys.add(key);
  }

  forget(organizationId: string): void {
    for (const key of this.keys) if (key.startsWith(`${organizationId}|`)) this.keys.delete(key);
  }

  private clear(): void {
    this.keys = new Set();
    this.since = Date.now();
  }
}

/**
 * Keeps the board rollups in step with what they count, inside the transaction that stores it: events (through
 * EventLog.onCommit) and lead stage changes. The rebuild feeds the stored rows through the same methods.
 */
@Injectable()
export class RollupWriter {
  private readonly facts: CreditFactsCache;
  private readonly committedSeen = new CommittedSeenRows();

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.facts = new CreditFactsCache(dataSource.manager);
  }

  /** Forgets what was cached of an organization: before its rollups are rebuilt (new settings, deleted rows). */
  forget(organizationId: string): void {
    this.facts.forget(organizationId);
    this.committedSeen.forget(organizationId);
  }

  /**
   * What events add to the rollups, worked out before their transaction; null when that is nothing (only
   * visitors already counted for every figure they touch).
   */
  async planEvents(events: readonly TrackedEvent[]): Promise<PlannedWrite | null> {
    const tally = new Tally();
    // A visitor acting again within the same minute, for the same credit, adds no distinct figure: once such a
    // contribution is committed, the same one again costs nothing (while the same directory facts hold).
    const distinctCounted = new Set<string>();
    for (const [organizationId, ofOrg] of groupBy(events, (event) => event.organizationId)) {
      const facts = await this.facts.of(organizationId);
      const shares = await facts.loadShares(ofOrg.map((event) => event.shareId));
      await facts.loadEmployees(ofOrg.flatMap((event) => [event.creditedEmployeeId, event.actorEmployeeId]));
      for (const event of ofOrg) {
        const share = event.shareId ? (shares.get(event.shareId) ?? null) : null;
        const material = event.targetType === 'material' ? event.targetId : null;
        for (const { metric, credits, visitorId } of contributionsOf(event, share, facts.creditSplit)) {
          const chain = CHAIN_METRICS.has(metric) ? (share?.rootShareId ?? null) : null;
          if (isDistinctMetric(metric)) {
            const minute = Math.floor(event.occurredAt.getTime() / 60_000);
            const signature = [organizationId, facts.loadedAt, metric, visitorId, minute, material, chain]
              .concat(credits.map((credit) => credit.employeeId))
              .join('|');
            if (distinctCounted.has(signature) || this.committedSeen.has(signature)) continue;
            distinctCounted.add(signature);
          }
          countFor(tally, facts, event.occurredAt, metric, { credits, material, chain, visitorId });
        }
      }
    }
    for (const key of tally.seen.keys()) if (this.committedSeen.has(key)) tally.seen.delete(key);
    if (tally.seen.size === 0 && tally.increments.size === 0) {
      this.committedSeen.remember(distinctCounted);
      return null;
    }
    return {
      write: (manager) => flush(manager, tally),
      committed: () => {
        this.committedSeen.remember(tally.seen.keys());
        this.committedSeen.remember(distinctCounted);
      },
    };
  }

  async applyEvents(manager: EntityManager, events: readonly TrackedEvent[]): Promise<void> {
    await (await this.planEvents(events))?.write(manager);
  }

  /**
   * A lead reaching a milestone (new lead, MQL, SQL, customer) counts once, at the first change that reaches it,
   * for the employees its first-touch share credits (who owned it when it came in) and the material it came by.
   */
  async applyLeadStageChanges(manager: EntityManager, changes: readonly LeadStageChange[]): Promise<void> {
    const once = new Tally();
    for (const change of changes) {
      for (const metric of leadMilestonesOf(change.toStage)) {
        once.see(
          { organizationId: change.organizationId, ...LEAD_ONCE, subjectId: change.leadId, metric },
          '-',
        );
      }
    }
    const reached = await insertSeen(manager, once);
    if (reached.length === 0) return;
    const tally = new Tally();
    for (const [organizationId, ofOrg] of groupBy(changes, (change) => change.organizationId)) {
      const leads = await manager.find(Lead, {
        select: { id: true, firstShareId: true },
        where: { organizationId, id: In(ofOrg.map((change) => change.leadId)) },
      });
      const facts = await this.facts.of(organizationId);
      const shares = await facts.loadShares(leads.map((lead) => lead.firstShareId));
      const firstShareOf = new Map(leads.map((lead) => [lead.id, lead.firstShareId]));
      for (const row of reached) {
        if (row.organizationId !== organizationId) continue;
        // The change that reached it: the earliest of this write moving that lead to or past the milestone.
        const change = ofOrg
          .filter(
            (candidate) =>
              candidate.leadId === row.subjectId &&
              leadMilestonesOf(candidate.toStage).includes(row.metric as BoardMetric),
          )
          .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0]!;
        const shareId = firstShareOf.get(row.subjectId) ?? null;
        const share = shareId ? shares.get(shareId) : undefined;
        countFor(tally, facts, change.createdAt, row.metric as RollupMetric, {
          credits: share
            ? splitCredit(share.creditedEmployeeId, share.chainEmployeeIds, facts.creditSplit)
            : [],
          material: share?.material ?? null,
          chain: null,
          visitorId: null,
        });
      }
    }
    await flush(manager, tally);
  }
}

/** Adds one contribution to every subject and period it belongs to. */
function countFor(
  tally: Tally,
  facts: CreditFacts,
  at: Date,
  metric: RollupMetric,
  to: { credits: Credit[]; material: string | null; chain: string | null; visitorId: string | null },
): void {
  const { organizationId } = facts;
  const subjects = new Map<string, { kind: RollupSubject; id: string; weight: number }>();
  const credit = (kind: RollupSubject, id: string, weight: number) => {
    const existing = subjects.get(`${kind}|${id}`);
    // Members of one department splitting a credit add up to the department's whole share of it.
    if (existing) existing.weight += weight;
    else subjects.set(`${kind}|${id}`, { kind, id, weight });
  };
  credit('organization', organizationId, 1);
  if (to.material) credit('material', to.material, 1);
  if (to.chain) credit('chain', to.chain, 1);
  for (const { employeeId, weight } of to.credits) {
    credit('employee', employeeId, weight);
    for (const departmentId of facts.departmentsOf(employeeId)) credit('department', departmentId, weight);
  }
  const keys = periodKeysOf(at, facts.timeZone);
  for (const subject of subjects.values()) {
    for (const period of Object.keys(keys) as RollupPeriod[]) {
      const key: RollupKey = {
        organizationId,
        period,
        periodKey: keys[period],
        subjectKind: subject.kind,
        subjectId: subject.id,
        metric,
      };
      if (isDistinctMetric(metric)) tally.see(key, to.visitorId!);
      else tally.add(key, subject.weight);
    }
  }
}

/**
 * Stores the seen rows that are new and returns them: the primary key ignores the known ones (a second server
 * inserting the same key waits for the first's commit, then ignores it), and the batch id finds what was kept.
 */
async function insertSeen(manager: EntityManager, tally: Tally): Promise<SeenRow[]> {
  if (tally.seen.size === 0) return [];
  const batchId = randomUUID();
  await insertRows(
    manager,
    BoardRollupSeen,
    inKeyOrder(tally.seen).map((row) => ({ ...row, batchId })),
    { ignoreDuplicates: true },
  );
  return manager.find(BoardRollupSeen, { where: { batchId } });
}

/** Adds the tally to the rollups: new visitors first, then one multi-row upsert per chunk. */
async function flush(manager: EntityManager, tally: Tally): Promise<void> {
  // Distinct metrics only ever see rollup periods.
  for (const row of await insertSeen(manager, tally)) tally.add(row as RollupKey, 1);
  const rows = inKeyOrder(tally.increments);
  const mysql = manager.connection.options.type !== 'better-sqlite3';
  for (const chunk of chunks(rows, ROWS_PER_STATEMENT)) {
    const placeholders = chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ');
    const values = chunk.flatMap((row) => [
      row.organizationId,
      row.period,
      row.periodKey,
      row.subjectKind,
      row.subjectId,
      row.metric,
      row.value,
    ]);
    const upsert = mysql
      ? 'ON DUPLICATE KEY UPDATE value = value + VALUES(value)'
      : 'ON CONFLICT (organizationId, period, periodKey, subjectKind, subjectId, metric) DO UPDATE SET value = value + excluded.value';
    await manager.query(
      `INSERT INTO board_rollups (organizationId, period, periodKey, subjectKind, subjectId, metric, value) VALUES ${placeholders} ${upsert}`,
      values,
    );
  }
}

/**
 * Rows in the order of their keys: two batches committing at once then lock the rows they share in the same
 * order, so one waits for the other instead of both deadlocking.
 */
function inKeyOrder<Row>(rows: Map<string, Row>): Row[] {
  return [...rows.keys()].sort().map((key) => rows.get(key)!);
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}
