import { Entity, Index, PrimaryColumn } from 'typeorm';
import { TimestampColumn, UuidColumn } from '../../infra/database/columns';

/** One member of staff a task was assigned to, with their department as it was at the assignment. */
@Entity('sharing_task_assignees')
@Index(['organizationId', 'employeeId'])
export class SharingTaskAssignee {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  taskId!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  employeeId!: string;

  @UuidColumn()
  organizationId!: string;

  @UuidColumn({ nullable: true })
  departmentId!: string | null;

  /** When WeChat accepted the subscribe message; null if they have no WeChat login or the sending failed. */
  @TimestampColumn({ nullable: true })
  notifiedAt!: Date | null;
}
