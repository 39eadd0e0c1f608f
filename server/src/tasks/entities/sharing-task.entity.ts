import { Column, Entity, Index } from 'typeorm';
import type { SharingTaskStatus } from '@cardhub/shared';
import {
  CreatedAtColumn,
  JsonColumn,
  TextColumn,
  TimestampColumn,
  UuidColumn,
  UuidPrimaryColumn,
} from '../../infra/database/columns';

/**
 * A sharing task (营销任务): staff are asked to share one material by a deadline, with a goal per person.
 * The assignees are resolved once, when the task is created (SharingTaskAssignee).
 */
@Entity('sharing_tasks')
@Index(['organizationId', 'createdAt'])
export class SharingTask {
  @UuidPrimaryColumn()
  id!: string;

  @UuidColumn()
  organizationId!: string;

  @TextColumn(40)
  title!: string;

  @UuidColumn()
  materialId!: string;

  @TextColumn(300)
  note!: string;

  /** What the creator picked, kept to show how the assignees came about. */
  @JsonColumn()
  targetDepartmentIds!: string[];

  @JsonColumn()
  targetEmployeeIds!: string[];

  @Column({ type: 'int', default: 0 })
  goalShares!: number;

  @Column({ type: 'int', default: 0 })
  goalViews!: number;

  /** Progress counts from the creation (kept to the millisecond, which createdAt is not on SQLite). */
  @TimestampColumn()
  startsAt!: Date;

  @TimestampColumn()
  deadline!: Date;

  @TextColumn(16, { default: 'active' })
  status!: SharingTaskStatus;

  @TimestampColumn({ nullable: true })
  closedAt!: Date | null;

  @UuidColumn()
  createdByEmployeeId!: string;

  @CreatedAtColumn()
  createdAt!: Date;
}
