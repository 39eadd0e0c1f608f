import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Counters per organization, day (in the organization's time zone), employee, target and metric, kept
 * current on ingest so boards never scan raw events. Empty string stands for "none" so the key stays whole.
 */
@Entity('daily_rollups')
export class DailyRollup {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  organizationId!: string;

  /** YYYY-MM-DD in the organization's time zone. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day!: string;

  @PrimaryColumn({ type: 'varchar', length: 24 })
  metric!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  employeeId!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  targetId!: string;

  @Column({ type: 'varchar', length: 36, default: '' })
  departmentId!: string;

  @Column({ type: 'varchar', length: 16, default: '' })
  targetType!: string;

  @Column({ type: 'int', default: 0 })
  count!: number;
}
