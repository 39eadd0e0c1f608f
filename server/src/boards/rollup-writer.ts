import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type BoardMetric,
  type Credit,
  type CreditSplit,
  DEFAULT_BOARD_SETTINGS,
  type RollupMetric,
  type RollupPeriod,
  type RollupShare,
  type RollupSubject,
  contributionsOf,
  isDistinctMetric,
  leadMilestonesOf,
  periodKeysOf,
  splitCredit,
} from '@cardhub/shared';
import { type EntityManager, In } from 'typeorm';
import type { LeadStageChange } from '../leads/entities/lead-stage-change.entity';
import { Lead } from '../leads/entities/lead.entity';
import { Department } from '../org/entities/department.entity';
import { Employee } from '../org/entities/employee.entity';
import { Organization } from '../org/entities/organization.entity';
import { Share } from '../shares/entities/share.entity';
import { insertRows } from '../infra/database/insert-rows';
import type { TrackedEvent } from '../tracking/entities/tracked-event.entity';
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

/** A share with what credit needs: its root employee and target too. */
interface LoadedShare extends RollupShare {
  rootShareId: string;
  creditedEmployeeId: string;
  material: string | null;
}

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

type OrgFacts = Awaited<ReturnType<typeof loadOrgFacts>>;

/**
 * Keeps the board rollups in step with what they count, inside the transaction that stores it: events (through
 * EventLog.onCommit) and lead stage changes. The rebuild feeds the stored rows through the same methods.
 */
@Injectable()
export class RollupWriter {
  async applyEvents(manager: EntityManager, events: readonly TrackedEvent[]): Promise<void> {
    const tally = new Tally();
    for (const [organizationId, ofOrg] of groupBy(events, (event) => event.organizationId)) {
      const employeeIds = ofOrg.flatMap((event) => [event.creditedEmployeeId, event.actorEmployeeId]);
      const facts = await loadOrgFacts(manager, organizationId);
      const shares = await loadShares(
        manager,
        organizationId,
        ofOrg.map((event) => event.shareId),
        facts.creditSplit,
      );
      const chainEmployees = [...shares.values()].flatMap((share) => share.chainEmployeeIds);
      await facts.loadEmployees([...employeeIds, ...chainEmployees]);
      for (const event of ofOrg) {
        const share = event.shareId ? (shares.get(event.shareId) ?? null) : null;
        const material = event.targetType === 'material' ? event.targetId : null;
        for (const contribution of contributionsOf(event, share, facts.creditSplit)) {
          countFor(tally, facts, organizationId, event.occurredAt, contribution.metric, {
            credits: contribution.credits,
            material,
            chain: CHAIN_METRICS.has(contribution.metric) ? (share?.rootShareId ?? null) : null,
            visitorId: contribution.visitorId,
          });
        }
      }
    }
    await flush(manager, tally);
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
      const facts = await loadOrgFacts(manager, organizationId);
      const shares = await loadShares(
        manager,
        organizationId,
        leads.map((lead) => lead.firstShareId),
        facts.creditSplit,
      );
      await facts.loadEmployees(
        [...shares.values()].flatMap((share) => [share.creditedEmployeeId, ...share.chainEmployeeIds]),
      );
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
        countFor(tally, facts, organizationId, change.createdAt, row.metric as RollupMetric, {
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
  facts: OrgFacts,
  organizationId: string,
  at: Date,
  metric: RollupMetric,
  to: { credits: Credit[]; material: string | null; chain: string | null; visitorId: string | null },
): void {
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

/** An organization's settings and the directory facts credit needs, loaded once per write. */
async function loadOrgFacts(manager: EntityManager, organizationId: string) {
  const organization = await manager.findOne(Organization, {
    select: { id: true, timezone: true, creditSplit: true },
    where: { id: organizationId },
  });
  const departments = await manager.find(Department, {
    select: { id: true, parentId: true },
    where: { organizationId },
  });
  const parentOf = new Map(departments.map((department) => [department.id, department.parentId]));
  const departmentOf = new Map<string, string | null>();
  return {
    timeZone: organization?.timezone ?? DEFAULT_BOARD_SETTINGS.timeZone,
    creditSplit: organization?.creditSplit ?? DEFAULT_BOARD_SETTINGS.creditSplit,
    /** An employee's department and that department's ancestors, nearest first. */
    departmentsOf(employeeId: string): string[] {
      const chain: string[] = [];
      for (
        let id = departmentOf.get(employeeId) ?? null;
        id && !chain.includes(id);
        id = parentOf.get(id) ?? null
      )
        chain.push(id);
      return chain;
    },
    async loadEmployees(ids: (string | null)[]): Promise<void> {
      const wanted = [...new Set(ids.filter((id): id is string => id !== null && !departmentOf.has(id)))];
      for (const chunk of chunks(wanted, ROWS_PER_STATEMENT)) {
        const rows = await manager.find(Employee, {
          select: { id: true, departmentId: true },
          where: { organizationId, id: In(chunk) },
        });
        for (const row of rows) departmentOf.set(row.id, row.departmentId);
      }
    },
  };
}

/**
 * The shares events came by, with the employees along each chain when credit is split (a chain's shares all
 * share its root, so one query per batch finds them).
 */
async function loadShares(
  manager: EntityManager,
  organizationId: string,
  shareIds: (string | null)[],
  split: CreditSplit,
): Promise<Map<string, LoadedShare>> {
  const ids = [...new Set(shareIds.filter((id): id is string => id !== null))];
  const found = new Map<string, LoadedShare>();
  if (ids.length === 0) return found;
  const select = {
    id: true,
    channel: true,
    depth: true,
    parentShareId: true,
    rootShareId: true,
    sharerEmployeeId: true,
  } as const;
  const shares: Share[] = [];
  for (const chunk of chunks(ids, ROWS_PER_STATEMENT))
    shares.push(
      ...(await manager.find(Share, {
        select: { ...select, creditedEmployeeId: true, targetType: true, targetId: true },
        where: { organizationId, id: In(chunk) },
      })),
    );
  const byId = new Map(shares.map((share) => [share.id, share]));
  if (split === 'chain') {
    const roots = [...new Set(shares.filter((share) => share.depth > 0).map((share) => share.rootShareId))];
    for (const chunk of chunks(roots, ROWS_PER_STATEMENT)) {
      const tree = await manager.find(Share, {
        select,
        where: { organizationId, rootShareId: In(chunk) },
      });
      for (const share of tree) byId.set(share.id, share);
    }
  }
  for (const share of shares) {
    const chainEmployeeIds: string[] = [];
    if (split === 'chain') {
      for (
        let at: Share | undefined = share;
        at;
        at = at.parentShareId ? byId.get(at.parentShareId) : undefined
      ) {
        if (at.sharerEmployeeId && !chainEmployeeIds.includes(at.sharerEmployeeId))
          chainEmployeeIds.unshift(at.sharerEmployeeId);
      }
    }
    found.set(share.id, {
      id: share.id,
      channel: share.channel,
      depth: share.depth,
      chainEmployeeIds,
      rootShareId: share.rootShareId,
      creditedEmployeeId: share.creditedEmployeeId,
      material: share.targetType === 'material' ? share.targetId : null,
    });
  }
  return found;
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
    [...tally.seen.values()].map((row) => ({ ...row, batchId })),
    { ignoreDuplicates: true },
  );
  return manager.find(BoardRollupSeen, { where: { batchId } });
}

/** Adds the tally to the rollups: new visitors first, then one multi-row upsert per chunk. */
async function flush(manager: EntityManager, tally: Tally): Promise<void> {
  // Distinct metrics only ever see rollup periods.
  for (const row of await insertSeen(manager, tally)) tally.add(row as RollupKey, 1);
  const rows = [...tally.increments.values()];
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

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
