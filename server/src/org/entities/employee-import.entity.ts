import type { EmployeeImportRowError, EmployeeImportStatus } from '@cardhub/shared';
import { Column, Entity, Index } from 'typeorm';
import {
  CreatedAtColumn,
  JsonColumn,
  TextColumn,
  TimestampColumn,
  UuidColumn,
  UuidPrimaryColumn,
} from '../../infra/database/columns';

/** One bulk import of employees from a file: its progress while it runs, then its outcome and the bad rows. */
@Entity('employee_imports')
@Index(['organizationId', 'status'])
export class EmployeeImport {
  @UuidPrimaryColumn()
  id!: string;

  @UuidColumn()
  organizationId!: string;

  @UuidColumn()
  createdByEmployeeId!: string;

  @TextColumn(200)
  fileName!: string;

  @TextColumn(16, { default: 'running' })
  status!: EmployeeImportStatus;

  @Column({ type: 'int', default: 0 })
  total!: number;

  @Column({ type: 'int', default: 0 })
  processed!: number;

  @Column({ type: 'int', default: 0 })
  created!: number;

  @Column({ type: 'int', default: 0 })
  updated!: number;

  @Column({ type: 'int', default: 0 })
  unchanged!: number;

  @Column({ type: 'int', default: 0 })
  failed!: number;

  /** The first bad rows (EMPLOYEE_IMPORT_MAX_LISTED_ERRORS), so the text column stays small. */
  @JsonColumn()
  errors!: EmployeeImportRowError[];

  @TextColumn(300, { nullable: true, default: null })
  failure!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @TimestampColumn({ nullable: true })
  finishedAt!: Date | null;
}
