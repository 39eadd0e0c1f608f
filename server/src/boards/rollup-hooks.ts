import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntitySubscriberInterface, InsertEvent } from 'typeorm';
import { LeadStageChange } from '../leads/entities/lead-stage-change.entity';
import { EventLog } from '../tracking/event-log';
import { VisitorsService } from '../visitors/visitors.service';
import { BoardRollupSeen } from './entities/board-rollup-seen.entity';
import { RollupWriter } from './rollup-writer';

/**
 * Connects the rollups to what they count: events in the event log's transaction, and every lead stage change
 * as it is inserted (on the inserting query's connection, so inside its transaction when it has one).
 */
@Injectable()
export class RollupHooks implements OnModuleInit, EntitySubscriberInterface<LeadStageChange> {
  constructor(
    private readonly eventLog: EventLog,
    private readonly writer: RollupWriter,
    private readonly visitors: VisitorsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.eventLog.onCommit((events) => this.writer.planEvents(events));
    this.dataSource.subscribers.push(this);
    // An erased person's events move to their pseudonym: so do the visitors the rollups have seen, so the
    // distinct counts stay and the rollups still equal a rebuild from the events.
    this.visitors.onErase(async (organizationId, erasedId, pseudonymId) => {
      await this.dataSource
        .getRepository(BoardRollupSeen)
        .update({ organizationId, visitorId: erasedId }, { visitorId: pseudonymId });
      return {};
    });
  }

  listenTo(): typeof LeadStageChange {
    return LeadStageChange;
  }

  async afterInsert(event: InsertEvent<LeadStageChange>): Promise<void> {
    await this.writer.applyLeadStageChanges(event.manager, [event.entity]);
  }
}
