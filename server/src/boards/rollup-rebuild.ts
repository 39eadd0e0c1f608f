import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { LeadStageChange } from '../leads/entities/lead-stage-change.entity';
import { TrackedEvent } from '../tracking/entities/tracked-event.entity';
import { BoardRollupSeen } from './entities/board-rollup-seen.entity';
import { BoardRollup } from './entities/board-rollup.entity';
import type { RollupWriter } from './rollup-writer';

export type RebuildProgressListener = (processed: number, total: number) => void;

/** Rows read and applied per transaction. */
const DEFAULT_CHUNK = 2000;

/**
 * Recomputes an organization's rollups from what they count: drops them, then feeds the stored events and lead
 * stage changes through the same writer ingest uses, a chunk per transaction. Used by the command line and,
 * in the server, after a change of time zone or credit split.
 */
export class RollupRebuild {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: RollupWriter,
  ) {}

  async run(
    organizationId: string,
    onProgress: RebuildProgressListener,
    chunk = DEFAULT_CHUNK,
  ): Promise<void> {
    const { manager } = this.dataSource;
    const total =
      (await manager.countBy(TrackedEvent, { organizationId })) +
      (await manager.countBy(LeadStageChange, { organizationId }));
    await this.dataSource.transaction(async (writing) => {
      await writing.delete(BoardRollup, { organizationId });
      await writing.delete(BoardRollupSeen, { organizationId });
    });
    // The organization's settings may be what changed, and the seen rows the writer remembers are gone.
    this.writer.forget(organizationId);
    let processed = 0;
    onProgress(processed, total);
    // Events count the same in any order, so their primary key pages through them.
    await this.inChunks(
      (after: TrackedEvent | undefined) => {
        const query = manager
          .createQueryBuilder(TrackedEvent, 'row')
          .where('row.organizationId = :organizationId', { organizationId })
          .orderBy('row.id', 'ASC');
        return after ? query.andWhere('row.id > :id', { id: after.id }) : query;
      },
      chunk,
      async (rows) => {
        await this.dataSource.transaction((writing) => this.writer.applyEvents(writing, rows));
        onProgress((processed += rows.length), total);
      },
    );
    // A lead's milestone counts at its first change: changes go in the order they were made.
    await this.inChunks(
      (after: LeadStageChange | undefined) => {
        const query = manager
          .createQueryBuilder(LeadStageChange, 'row')
          .where('row.organizationId = :organizationId', { organizationId })
          .orderBy('row.createdAt', 'ASC')
          .addOrderBy('row.id', 'ASC');
        return after
          ? query.andWhere('(row.createdAt > :at OR (row.createdAt = :at AND row.id > :id))', {
              at: after.createdAt,
              id: after.id,
            })
          : query;
      },
      chunk,
      async (rows) => {
        await this.dataSource.transaction((writing) => this.writer.applyLeadStageChanges(writing, rows));
        onProgress((processed += rows.length), total);
      },
    );
  }

  /** Keyset paging: each page starts after the last row of the previous one. */
  private async inChunks<T extends ObjectLiteral>(
    pageAfter: (after: T | undefined) => SelectQueryBuilder<T>,
    size: number,
    apply: (rows: T[]) => Promise<void>,
  ): Promise<void> {
    for (let after: T | undefined; ;) {
      const rows = await pageAfter(after).take(size).getMany();
      if (rows.length === 0) return;
      await apply(rows);
      after = rows[rows.length - 1];
    }
  }
}
