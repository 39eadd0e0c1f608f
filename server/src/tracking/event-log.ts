import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  EVENT_TYPES_WITH_PERSONAL_PROPS,
  VIEW_DEDUPE_WINDOW_MS,
  inOccurrenceOrder,
  withoutPersonalProps,
} from '@cardhub/shared';
import { type EntityManager, In, IsNull, LessThan, MoreThan, Not, Repository } from 'typeorm';
import { isDatabaseUnavailable, isDuplicateKey, isWriteConflict } from '../infra/database/database-errors';
import { INSERT_ROWS_PER_STATEMENT, insertRows } from '../infra/database/insert-rows';
import { Transactions } from '../infra/database/transactions';
import { TrackedEvent } from './entities/tracked-event.entity';
import { BACKGROUND_QUEUE_LIMIT, BATCHES_IN_FLIGHT, BATCH_MAX_EVENTS, BATCH_WAIT_MS } from './group-commit';
import { type CountedView, type ViewWindow, ViewWindows } from './view-window';

/** A request's User-Agent as events keep it: cut to the column's size, which is plenty to recognise a bot. */
export function storedUserAgent(header: string | undefined): string | null {
  return header ? header.slice(0, 400) : null;
}

/** Counted views of one visitor through one share. */
export interface ShareViewTally {
  shareId: string;
  visitorId: string;
  views: number;
}

/** What an ingest answers: how many events were new, how many were retries of stored ones. */
export interface AppendCounts {
  stored: number;
  duplicates: number;
}

export interface AppendResult extends AppendCounts {
  /** The stored event for each distinct id appended, in order: the one just inserted or the one stored before. */
  events: TrackedEvent[];
}

/** Told about events once they are stored (never about a retry of a stored one). */
export type AppendListener = (events: readonly TrackedEvent[]) => Promise<void>;

/**
 * Writes derived from events that must happen exactly once with them (rollups): worked out before the
 * transaction that stores the events (null when there is nothing to write), run inside it with exactly the
 * events it inserts, so a crash or a retry never counts twice; told once that transaction has committed.
 */
export type CommitPlanner = (events: readonly TrackedEvent[]) => Promise<PlannedWrite | null>;

export interface PlannedWrite {
  write(manager: EntityManager): Promise<void>;
  committed(): void;
}

/** A visitor's events are read this many at a time (see `eventsOfVisitor`). */
export const VISITOR_EVENTS_PAGE = 250;
/** The longest pause between two passes of the listeners (see `deriveQueued`). */
const MAX_DERIVE_PAUSE_MS = 1_000;
/** Another server inserting the same id at the same moment makes the later transaction fail; it is simply rerun. */
const BATCH_ATTEMPTS = 3;

/** What a batch's transaction stored: every id of the batch with its stored event, and those it inserted. */
interface StoredBatch {
  stored: Map<string, TrackedEvent>;
  inserted: TrackedEvent[];
}

/** One `append` call waiting for its batch. */
interface PendingAppend {
  events: TrackedEvent[];
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

/**
 * The append-only event log: every write of a behaviour event goes through `append`, so whatever is derived
 * from events later (rollups, scores, signals) has one place to hook in.
 *
 * Writes are group-committed: `append` queues its events and waits; one batch at a time stores everything queued
 * in a single transaction (with the commit writers' rows) and only after COMMIT answers each caller, so an
 * acknowledged event is durable and durability costs one transaction per batch, not per request. The 30-minute
 * view window is applied here too, where views are serialized, so two views racing in never both count.
 */
@Injectable()
export class EventLog implements BeforeApplicationShutdown {
  private readonly logger = new Logger(EventLog.name);
  private readonly listeners: AppendListener[] = [];
  private readonly drains: (() => Promise<void>)[] = [];
  private readonly commitPlanners: CommitPlanner[] = [];
  private queue: PendingAppend[] = [];
  /** The events in `queue`, kept as it changes: every redirect asks, and the queue may hold thousands. */
  private queuedEvents = 0;
  private flushing: Promise<void> | null = null;
  private readonly batchesInFlight = new Set<Promise<void>>();
  private readonly viewWindows = new ViewWindows();
  /** Stored events the listeners have not seen yet. */
  private underived: TrackedEvent[] = [];
  /** The listeners' pass over `underived`, after the requests are answered; null while there is none. */
  private deriving: Promise<void> | null = null;

  constructor(
    @InjectRepository(TrackedEvent) private readonly events: Repository<TrackedEvent>,
    private readonly transactions: Transactions,
  ) {}

  /**
   * Derives something from every stored event (scores, signals); a failing listener is logged, never the
   * ingest's problem. A listener that puts some of its work off gives `drain`, which `settled` calls to finish it.
   */
  onAppend(listener: AppendListener, drain?: () => Promise<void>): void {
    this.listeners.push(listener);
    if (drain) this.drains.push(drain);
  }

  /** Keeps something in step with the stored events, in their transaction (see `CommitPlanner`). */
  onCommit(planner: CommitPlanner): void {
    this.commitPlanners.push(planner);
  }

  /** Resolves once every queued event is stored and every listener has seen it (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.flushing || this.batchesInFlight.size > 0) {
      await this.flushing;
      await Promise.all(this.batchesInFlight);
    }
    while (this.deriving) await this.deriving;
    for (const drain of this.drains) await drain();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  /** `append`, answered with the counts only (what the ingest endpoints reply). */
  async appendCounting(events: TrackedEvent[]): Promise<AppendCounts> {
    const { stored, duplicates } = await this.append(events);
    return { stored, duplicates };
  }

  /**
   * Stores the events, and whatever the commit writers derive from them, in the next batch's transaction;
   * resolves after its COMMIT. An id stored before (a client retry) is left untouched and counted as a duplicate.
   * A view marked `counted` is turned into a `repeat` (with the actions of its visit) when the same visitor's
   * counted view of the same target was received within the dedupe window.
   */
  append(events: TrackedEvent[]): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ events, resolve, reject });
      this.queuedEvents += events.length;
      this.flushing ??= this.flush();
    });
  }

  /**
   * `append` for a caller with nobody to tell the outcome (a redirect: a browser following a link never
   * retries): resolves once the events are queued, without waiting for their COMMIT unless the queue is long.
   * A batch that fails is logged with what it lost.
   */
  appendInBackground(events: TrackedEvent[]): Promise<void> {
    const stored = this.append(events).then(
      () => undefined,
      (error: unknown) => this.logger.error(`${events.length} events not stored: ${String(error)}`),
    );
    return this.queuedEvents > BACKGROUND_QUEUE_LIMIT ? stored : Promise.resolve();
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      if (this.batchesInFlight.size >= BATCHES_IN_FLIGHT) await Promise.race(this.batchesInFlight);
      else if (this.queuedEvents < BATCH_MAX_EVENTS) await delay(BATCH_WAIT_MS);
      // A full batch has nothing to wait for, but this must not end before `append` has set `flushing` to it.
      else await Promise.resolve();
      if (this.batchesInFlight.size >= BATCHES_IN_FLIGHT || this.queue.length === 0) continue;
      const batch = this.commit(this.takeBatch()).finally(() => this.batchesInFlight.delete(batch));
      this.batchesInFlight.add(batch);
    }
    this.flushing = null;
  }

  /** Whole appends, oldest first, up to BATCH_MAX_EVENTS events (an append larger than that goes alone). */
  private takeBatch(): PendingAppend[] {
    let size = 0;
    let count = 0;
    while (
      count < this.queue.length &&
      (count === 0 || size + this.queue[count]!.events.length <= BATCH_MAX_EVENTS)
    ) {
      size += this.queue[count]!.events.length;
      count += 1;
    }
    this.queuedEvents -= size;
    return this.queue.splice(0, count);
  }

  /** A failing batch fails its callers (they answer 5xx and retry); when the data may be at fault, each caller is retried alone so one bad append does not fail the others. */
  private async commit(batch: PendingAppend[]): Promise<void> {
    try {
      const results = await this.storeRetryingConflicts(batch.map((pending) => pending.events));
      batch.forEach((pending, index) => pending.resolve(results[index]!));
    } catch (error) {
      if (batch.length > 1 && !isDatabaseUnavailable(error)) {
        for (const pending of batch) await this.commit([pending]);
        return;
      }
      for (const pending of batch) pending.reject(error);
    }
  }

  private async storeRetryingConflicts(appends: TrackedEvent[][]): Promise<AppendResult[]> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.store(appends);
      } catch (error) {
        if (attempt >= BATCH_ATTEMPTS || !isWriteConflict(error)) throw error;
      }
    }
  }

  private async store(appends: TrackedEvent[][]): Promise<AppendResult[]> {
    const distinct = [...new Map(appends.flat().map((event) => [event.id, event])).values()];
    const window = this.viewWindows.openWindow();
    const { stored, inserted } = await this.insertNew(distinct, window)
      .catch((error: unknown) => {
        if (!isDuplicateKey(error)) throw error;
        return this.insertUnknown(distinct, window);
      })
      .then(
        (batch) => {
          window.close('committed');
          return batch;
        },
        (error: unknown) => {
          window.close('failed');
          throw error;
        },
      );
    if (inserted.length > 0) this.derive(inserted);
    const fresh = new Set(inserted);
    return appends.map((events) => {
      const mine = [...new Map(events.map((event) => [event.id, stored.get(event.id)!])).values()];
      // Within one batch an id is inserted once: the first append that carries it is the one that stored it.
      const storedHere = mine.filter((event) => fresh.delete(event)).length;
      return { stored: storedHere, duplicates: events.length - storedHere, events: mine };
    });
  }

  /**
   * The common case, a batch of ids never seen: one INSERT, in a transaction only when the commit planners have
   * rows to write with it. A retry of a stored id makes the INSERT fail as a whole (the unique key), and then
   * the batch is stored by `insertUnknown`.
   */
  private async insertNew(events: TrackedEvent[], window: ViewWindow): Promise<StoredBatch> {
    await window.apply(events, (candidates) => countedViewsBefore(this.events.manager, candidates));
    const writes = await this.planWrites(events);
    if (writes.length === 0 && events.length <= INSERT_ROWS_PER_STATEMENT) {
      await this.transactions.statement((manager) => insertRows(manager, TrackedEvent, events));
    } else {
      await this.transactions.run(async (manager) => {
        await insertRows(manager, TrackedEvent, events);
        for (const write of writes) await write.write(manager);
      });
    }
    for (const write of writes) write.committed();
    return { stored: new Map(events.map((event) => [event.id, event])), inserted: events };
  }

  /** A batch holding retries: the ids stored before are read first and left untouched. */
  private async insertUnknown(events: TrackedEvent[], window: ViewWindow): Promise<StoredBatch> {
    const { batch, writes } = await this.transactions.run(async (manager) => {
      const known = await manager.findBy(TrackedEvent, { id: In(events.map((event) => event.id)) });
      const stored = new Map(known.map((event) => [event.id, event]));
      const inserted = events.filter((event) => !stored.has(event.id));
      if (inserted.length === 0) return { batch: { stored, inserted }, writes: [] };
      await window.apply(inserted, (candidates) => countedViewsBefore(manager, candidates));
      const writes = await this.planWrites(inserted);
      // A plain INSERT: should another server have inserted one of these ids since the SELECT, the unique key
      // refuses it and the batch reruns (isWriteConflict) instead of storing or deriving anything twice.
      await insertRows(manager, TrackedEvent, inserted);
      for (const write of writes) await write.write(manager);
      for (const event of inserted) stored.set(event.id, event);
      return { batch: { stored, inserted }, writes };
    });
    for (const write of writes) write.committed();
    return batch;
  }

  private async planWrites(events: readonly TrackedEvent[]): Promise<PlannedWrite[]> {
    const writes: PlannedWrite[] = [];
    for (const planner of this.commitPlanners) {
      const write = await planner(events);
      if (write) writes.push(write);
    }
    return writes;
  }

  private derive(stored: TrackedEvent[]): void {
    // With no listener the pass would end before `deriving` is set, and never be cleared.
    if (this.listeners.length === 0) return;
    this.underived.push(...stored);
    this.deriving ??= this.deriveQueued();
  }

  /**
   * Each pass hands the listeners everything stored since the previous pass, so under sustained ingest the work
   * behind the answers coalesces (one rescore per visitor per pass, not per batch) instead of queueing up.
   */
  private async deriveQueued(): Promise<void> {
    while (this.underived.length > 0) {
      const events = this.underived;
      this.underived = [];
      const started = Date.now();
      for (const listener of this.listeners) {
        await listener(events).catch((error: unknown) =>
          this.logger.error(`deriving from ${events.length} events failed: ${String(error)}`),
        );
      }
      // The next pass waits as long as this one took: deriving keeps at most half of the server's time for
      // itself under sustained ingest, and what arrives meanwhile is coalesced into that next pass.
      const took = Date.now() - started;
      if (this.underived.length > 0) await delay(Math.min(took, MAX_DERIVE_PAUSE_MS));
    }
    this.deriving = null;
  }

  findById(eventId: string): Promise<TrackedEvent | null> {
    return this.events.findOneBy({ id: eventId });
  }

  findByIds(eventIds: string[]): Promise<TrackedEvent[]> {
    if (eventIds.length === 0) return Promise.resolve([]);
    return this.events.findBy({ id: In(eventIds) });
  }

  /** A merged visitor's events become the remaining visitor's (the timeline spans both); an erased one's, its pseudonym's. */
  async moveToVisitor(organizationId: string, fromVisitorId: string, toVisitorId: string): Promise<number> {
    const result = await this.events.update(
      { organizationId, visitorId: fromVisitorId },
      { visitorId: toVisitorId },
    );
    return result.affected ?? 0;
  }

  /** A page of the views credited to an employee, newest first. */
  viewsCreditedTo(
    organizationId: string,
    employeeId: string,
    before: Date | undefined,
    limit: number,
  ): Promise<TrackedEvent[]> {
    return this.events.find({
      where: {
        organizationId,
        creditedEmployeeId: employeeId,
        type: 'view',
        ...(before ? { occurredAt: LessThan(before) } : {}),
      },
      order: { occurredAt: 'DESC', id: 'DESC' },
      take: limit,
    });
  }

  /** A visitor's whole history since a moment, oldest first (a personal-data export). */
  async eventsOfVisitor(organizationId: string, visitorId: string, since: Date): Promise<TrackedEvent[]> {
    const newestFirst: TrackedEvent[] = [];
    // Read newest first in pages: mapping a long history in one go would hold the event loop (and every
    // request waiting on it) for several milliseconds.
    for (;;) {
      const last = newestFirst[newestFirst.length - 1];
      const query = this.events
        .createQueryBuilder('event')
        .where('event.organizationId = :organizationId', { organizationId })
        .andWhere('event.visitorId = :visitorId', { visitorId })
        .andWhere('event.occurredAt >= :since', { since })
        .orderBy('event.occurredAt', 'DESC')
        .addOrderBy('event.id', 'DESC')
        .limit(VISITOR_EVENTS_PAGE);
      if (last) {
        query.andWhere('(event.occurredAt < :at OR (event.occurredAt = :at AND event.id < :id))', {
          at: last.occurredAt,
          id: last.id,
        });
      }
      const page = await query.getMany();
      newestFirst.push(...page);
      if (page.length < VISITOR_EVENTS_PAGE) return newestFirst.reverse();
    }
  }

  /**
   * The latest `limit` events since a moment of each of these visitors, oldest first, with only `columns` (and
   * `visitorId`; every column when not given): what a rescore of several visitors reads, in one statement
   * instead of one per visitor, and a lead's page of one.
   * Rows are converted as TypeORM would hydrate them, column by column, without its entity transformer (which
   * cost more than the read itself when a flood is rescored; docs/benchmarks.md).
   */
  async latestEventsOfVisitors(
    organizationId: string,
    visitorIds: readonly string[],
    since: Date,
    limit: number,
    columns?: readonly (keyof TrackedEvent)[],
  ): Promise<Map<string, TrackedEvent[]>> {
    const histories = new Map(visitorIds.map((visitorId) => [visitorId, [] as TrackedEvent[]]));
    if (visitorIds.length === 0) return histories;
    const { driver } = this.events.manager.connection;
    const metadata = this.events.metadata;
    const selected = columns
      ? [...new Set<keyof TrackedEvent>([...columns, 'visitorId', 'occurredAt', 'id'])].map((property) =>
          metadata.findColumnWithPropertyName(property)!,
        )
      : metadata.columns;
    const table = driver.escape(metadata.tableName);
    const list = selected.map((column) => `event.${driver.escape(column.databaseName)}`).join(', ');
    const [organization, visitor, occurred, id] = (
      ['organizationId', 'visitorId', 'occurredAt', 'id'] as const
    ).map((property) => driver.escape(metadata.findColumnWithPropertyName(property)!.databaseName));
    // Each visitor's newest ids are a range of the (organizationId, visitorId, occurredAt) index, which holds the
    // id too: read from the index alone, in a derived table per visitor that keeps its own ORDER BY and LIMIT on
    // both databases. Only then are the rows read, by primary key. A derived table of whole rows, with `props`'
    // text, was written to a temporary table on disk by MariaDB on every rescore (docs/benchmarks.md).
    const latestIds = visitorIds
      .map(
        (_, index) => `SELECT ${id} FROM (SELECT ${id} FROM ${table}
          WHERE ${organization} = ? AND ${visitor} = ? AND ${occurred} >= ?
          ORDER BY ${occurred} DESC, ${id} DESC LIMIT ${Math.trunc(limit)}) AS history${index}`,
      )
      .join(' UNION ALL ');
    const sql = `SELECT ${list} FROM (${latestIds}) AS latest JOIN ${table} AS event ON event.${id} = latest.${id}`;
    const sinceValue = driver.preparePersistentValue(
      since,
      metadata.findColumnWithPropertyName('occurredAt')!,
    );
    const rows = await this.events.manager.query<Record<string, unknown>[]>(
      sql,
      visitorIds.flatMap((visitorId) => [organizationId, visitorId, sinceValue]),
    );
    for (const row of rows) {
      const event = {} as Record<string, unknown>;
      for (const column of selected) {
        event[column.propertyName] = driver.prepareHydratedValue(row[column.databaseName], column);
      }
      histories.get(event.visitorId as string)!.push(event as unknown as TrackedEvent);
    }
    // Neither the union nor the join promises an order; a score reads each history oldest first.
    for (const history of histories.values()) history.sort(inOccurrenceOrder);
    return histories;
  }

  /** Counted views through these shares, per share and visitor (so visitors can be told apart across shares). */
  async countedViewsByShare(organizationId: string, shareIds: string[]): Promise<ShareViewTally[]> {
    if (shareIds.length === 0) return [];
    const rows = await this.events
      .createQueryBuilder('event')
      .select('event.shareId', 'shareId')
      .addSelect('event.visitorId', 'visitorId')
      .addSelect('COUNT(*)', 'views')
      .where('event.organizationId = :organizationId', { organizationId })
      .andWhere("event.type = 'view'")
      .andWhere('event.counted = :counted', { counted: true })
      .andWhere('event.visitorId IS NOT NULL')
      .andWhere('event.shareId IN (:...shareIds)', { shareIds })
      .groupBy('event.shareId')
      .addGroupBy('event.visitorId')
      .getRawMany<{ shareId: string; visitorId: string; views: string | number }>();
    // MySQL returns COUNT(*) as a string.
    return rows.map((row) => ({ ...row, views: Number(row.views) }));
  }

  /** Everything reported within these visits, oldest first. */
  eventsOfVisits(organizationId: string, visitIds: string[]): Promise<TrackedEvent[]> {
    if (visitIds.length === 0) return Promise.resolve([]);
    return this.events.find({
      where: { organizationId, visitId: In(visitIds) },
      order: { occurredAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * Erasure and the retention limit: user agents and what a person typed into forms are removed from the
   * events in scope; the events themselves stay, so every count stays. Returns how many events changed.
   */
  async stripPersonalDetails(
    organizationId: string,
    scope: { visitorId: string } | { receivedBefore: Date },
  ): Promise<number> {
    const where =
      'visitorId' in scope
        ? { organizationId, visitorId: scope.visitorId }
        : { organizationId, receivedAt: LessThan(scope.receivedBefore) };
    let changed = 0;
    const typed = await this.events.find({
      select: { id: true, type: true, props: true },
      where: { ...where, type: In(EVENT_TYPES_WITH_PERSONAL_PROPS) },
    });
    for (const event of typed) {
      const kept = withoutPersonalProps(event.type, event.props);
      if (kept === event.props) continue;
      await this.events.update({ id: event.id }, { props: kept, userAgent: null });
      changed += 1;
    }
    const withUserAgent = await this.events.update(
      { ...where, userAgent: Not(IsNull()) },
      { userAgent: null },
    );
    return changed + (withUserAgent.affected ?? 0);
  }
}

/** The counted views stored within the dedupe window of the earliest candidate, of the candidates' visitors. */
function countedViewsBefore(
  manager: EntityManager,
  candidates: readonly TrackedEvent[],
): Promise<CountedView[]> {
  const earliest = Math.min(...candidates.map((view) => view.receivedAt.getTime()));
  return manager.find(TrackedEvent, {
    select: { organizationId: true, visitorId: true, targetType: true, targetId: true, receivedAt: true },
    where: {
      organizationId: In([...new Set(candidates.map((view) => view.organizationId))]),
      visitorId: In([...new Set(candidates.map((view) => view.visitorId!))]),
      type: 'view',
      counted: true,
      receivedAt: MoreThan(new Date(earliest - VIEW_DEDUPE_WINDOW_MS)),
    },
  });
}

function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
