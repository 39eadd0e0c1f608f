import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type RollupMetric, type RollupPeriod, type RollupSubject, isDistinctMetric } from '@cardhub/shared';
import { In, MoreThan, Repository } from 'typeorm';
import { BoardRollupSeen } from './entities/board-rollup-seen.entity';
import { BoardRollup } from './entities/board-rollup.entity';
import { chunks } from './credit-facts';

/** Which rollup rows a range reads (see `rollupSlice`). */
export interface Slice {
  period: RollupPeriod;
  keys: string[];
}

export type SubjectValues = Map<string, Map<RollupMetric, number>>;

export interface RankedValue {
  subjectId: string;
  value: number;
}

/** Sums of doubles come back with float noise (0.1 + 0.2); figures keep 6 decimals. */
const clean = (value: number | string) => Math.round(Number(value) * 1e6) / 1e6;

/** Reads board figures from the rollups, never from raw events. */
@Injectable()
export class RollupReader {
  constructor(
    @InjectRepository(BoardRollup) private readonly rollups: Repository<BoardRollup>,
    @InjectRepository(BoardRollupSeen) private readonly seen: Repository<BoardRollupSeen>,
  ) {}

  /**
   * The figures of each subject of a kind (or of these subjects) over a slice. Additive metrics sum their rows;
   * distinct metrics over several days count distinct visitors from the day-level seen rows.
   */
  async values(
    organizationId: string,
    slice: Slice,
    kind: RollupSubject,
    metrics: readonly RollupMetric[],
    subjectIds?: readonly string[],
  ): Promise<SubjectValues> {
    const result: SubjectValues = new Map();
    const put = (subjectId: string, metric: RollupMetric, value: number | string) => {
      let figures = result.get(subjectId);
      if (!figures) result.set(subjectId, (figures = new Map()));
      figures.set(metric, clean(value));
    };
    if (subjectIds?.length === 0) return result;
    const idChunks = subjectIds ? chunks(subjectIds, 500) : [undefined];
    const summed = metrics.filter((metric) => slice.keys.length === 1 || !isDistinctMetric(metric));
    const distinct = metrics.filter((metric) => !summed.includes(metric));
    // Additive metrics sum their rows; distinct ones count the day-level visitors they saw.
    const reads = [
      { metrics: summed, from: this.rollups, value: 'SUM(r.value)', period: slice.period },
      { metrics: distinct, from: this.seen, value: 'COUNT(DISTINCT r.visitorId)', period: 'day' },
    ] as const;
    for (const ids of idChunks) {
      for (const read of reads) {
        if (read.metrics.length === 0) continue;
        const query = (read.from as Repository<BoardRollup | BoardRollupSeen>)
          .createQueryBuilder('r')
          .select('r.subjectId', 'subjectId')
          .addSelect('r.metric', 'metric')
          .addSelect(read.value, 'value')
          .where('r.organizationId = :organizationId', { organizationId })
          .andWhere('r.period = :period', { period: read.period })
          .andWhere('r.periodKey IN (:...keys)', { keys: slice.keys })
          .andWhere('r.subjectKind = :kind', { kind })
          .andWhere('r.metric IN (:...metrics)', { metrics: read.metrics })
          .groupBy('r.subjectId')
          .addGroupBy('r.metric');
        if (ids) query.andWhere('r.subjectId IN (:...ids)', { ids });
        const rows = await query.getRawMany<{ subjectId: string; metric: RollupMetric; value: string }>();
        for (const row of rows) put(row.subjectId, row.metric, row.value);
      }
    }
    return result;
  }

  /** The top of one period's rows by value: an index range read, whatever the organization's size. */
  async top(
    organizationId: string,
    period: RollupPeriod,
    periodKey: string,
    kind: RollupSubject,
    metric: RollupMetric,
    limit: number,
    offset: number,
  ): Promise<RankedValue[]> {
    const rows = await this.rollups.find({
      select: { subjectId: true, value: true },
      where: { organizationId, period, periodKey, subjectKind: kind, metric, value: MoreThan(0) },
      order: { value: 'DESC', subjectId: 'ASC' },
      take: limit,
      skip: offset,
    });
    return rows.map((row) => ({ subjectId: row.subjectId, value: clean(row.value) }));
  }

  /** How many subjects are strictly ahead of `value` in one period: its rank is one more. */
  countAbove(
    organizationId: string,
    period: RollupPeriod,
    periodKey: string,
    kind: RollupSubject,
    metric: RollupMetric,
    value: number,
  ): Promise<number> {
    return this.rollups.countBy({
      organizationId,
      period,
      periodKey,
      subjectKind: kind,
      metric,
      value: MoreThan(value + 1e-7),
    });
  }

  /** The nearest subject ahead of `value` in one period (the place to catch up with). */
  async nextAbove(
    organizationId: string,
    period: RollupPeriod,
    periodKey: string,
    kind: RollupSubject,
    metric: RollupMetric,
    value: number,
  ): Promise<RankedValue | null> {
    const row = await this.rollups.findOne({
      select: { subjectId: true, value: true },
      where: { organizationId, period, periodKey, subjectKind: kind, metric, value: MoreThan(value + 1e-7) },
      order: { value: 'ASC', subjectId: 'ASC' },
    });
    return row ? { subjectId: row.subjectId, value: clean(row.value) } : null;
  }

  /** Day rows of one subject: the dashboard's trend. */
  async days(
    organizationId: string,
    days: readonly string[],
    kind: RollupSubject,
    subjectId: string,
    metrics: readonly RollupMetric[],
  ): Promise<Map<string, Map<RollupMetric, number>>> {
    const rows = await this.rollups.find({
      where: {
        organizationId,
        period: 'day',
        periodKey: In([...days]),
        subjectKind: kind,
        subjectId,
        metric: In([...metrics]),
      },
    });
    const byDay = new Map<string, Map<RollupMetric, number>>();
    for (const row of rows) {
      if (!byDay.has(row.periodKey)) byDay.set(row.periodKey, new Map());
      byDay.get(row.periodKey)!.set(row.metric, clean(row.value));
    }
    return byDay;
  }
}
