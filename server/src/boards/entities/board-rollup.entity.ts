import type { RollupMetric, RollupPeriod, RollupSubject } from '@cardhub/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One figure of the boards: `value` of `metric` for a subject (the organization, a department with its
 * sub-departments, an employee or a material) over one day, ISO week or month of the organization's time zone.
 * Kept current in the transaction that stores the events it counts; the rebuild recomputes it from them.
 */
@Entity('board_rollups')
// The top-N read: one period's rows of one subject kind and metric, by value.
@Index('IDX_board_rollups_top', ['organizationId', 'period', 'periodKey', 'subjectKind', 'metric', 'value'])
export class BoardRollup {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  organizationId!: string;

  @PrimaryColumn({ type: 'varchar', length: 5 })
  period!: RollupPeriod;

  /** `YYYY-MM-DD` of the day or the week's Monday, `YYYY-MM` of the month. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  periodKey!: string;

  @PrimaryColumn({ type: 'varchar', length: 12 })
  subjectKind!: RollupSubject;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  subjectId!: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  metric!: RollupMetric;

  /** Fractional when chain credit is split. */
  @Column({ type: 'double', default: 0 })
  value!: number;
}
