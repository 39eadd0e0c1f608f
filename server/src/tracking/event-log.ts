import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { TargetType } from '@cardhub/shared';
import { In, LessThan, MoreThanOrEqual, Repository } from 'typeorm';
import { TrackedEvent } from './entities/tracked-event.entity';

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

export interface AppendResult {
  stored: number;
  duplicates: number;
}

/** Told about events once they are stored (never about a retry of a stored one). */
export type AppendListener = (events: readonly TrackedEvent[]) => Promise<void>;

/**
 * The append-only event log: every write of a behaviour event goes through `append`, so whatever is derived
 * from events later (rollups, scores, signals) has one place to hook in.
 */
@Injectable()
export class EventLog {
  private readonly logger = new Logger(EventLog.name);
  private readonly listeners: AppendListener[] = [];
  /** Listeners run after the request is answered, one batch after another. */
  private derived: Promise<void> = Promise.resolve();

  constructor(@InjectRepository(TrackedEvent) private readonly events: Repository<TrackedEvent>) {}

  /** Derives something from every stored event (scores, signals); a failing listener is logged, never the ingest's problem. */
  onAppend(listener: AppendListener): void {
    this.listeners.push(listener);
  }

  /** Resolves once every listener has seen every event stored so far (tests, shutdown). */
  settled(): Promise<void> {
    return this.derived;
  }

  /**
   * Stores the events in one multi-row INSERT (atomic on its own, so no explicit transaction: SQLite cannot
   * run two at once on its one connection); an id stored before (a client retry) is left untouched.
   */
  async append(events: TrackedEvent[]): Promise<AppendResult> {
    const unique = [...new Map(events.map((event) => [event.id, event])).values()];
    const known = await this.events.find({
      select: { id: true },
      where: { id: In(unique.map((event) => event.id)) },
    });
    const knownIds = new Set(known.map((event) => event.id));
    const fresh = unique.filter((event) => !knownIds.has(event.id));
    if (fresh.length > 0) {
      // orIgnore guards the race between the lookup and the insert (two retries in flight).
      await this.events.createQueryBuilder().insert().values(fresh).orIgnore().execute();
      this.derive(fresh);
    }
    return { stored: fresh.length, duplicates: events.length - fresh.length };
  }

  private derive(stored: TrackedEvent[]): void {
    for (const listener of this.listeners) {
      this.derived = this.derived.then(() =>
        listener(stored).catch((error: unknown) =>
          this.logger.error(`deriving from ${stored.length} events failed: ${String(error)}`),
        ),
      );
    }
  }

  findById(eventId: string): Promise<TrackedEvent | null> {
    return this.events.findOneBy({ id: eventId });
  }

  findByIds(eventIds: string[]): Promise<TrackedEvent[]> {
    if (eventIds.length === 0) return Promise.resolve([]);
    return this.events.findBy({ id: In(eventIds) });
  }

  /** A merged visitor's events become the remaining visitor's (the timeline spans both). */
  async moveToVisitor(organizationId: string, fromVisitorId: string, toVisitorId: string): Promise<void> {
    await this.events.update({ organizationId, visitorId: fromVisitorId }, { visitorId: toVisitorId });
  }

  /** When this visitor's last counted view of the target reached us (server time: the dedupe window never trusts client clocks). */
  async lastCountedViewAt(
    organizationId: string,
    visitorId: string,
    targetType: TargetType,
    targetId: string,
  ): Promise<Date | null> {
    const latest = await this.events.findOne({
      select: { receivedAt: true },
      where: { organizationId, visitorId, targetType, targetId, type: 'view', counted: true },
      order: { receivedAt: 'DESC' },
    });
    return latest?.receivedAt ?? null;
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

  /** A visitor's events since a time, oldest first: what scoring and a lead's timeline read. */
  eventsOfVisitor(organizationId: string, visitorId: string, since: Date): Promise<TrackedEvent[]> {
    return this.events.find({
      where: { organizationId, visitorId, occurredAt: MoreThanOrEqual(since) },
      order: { occurredAt: 'ASC', id: 'ASC' },
    });
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
}
