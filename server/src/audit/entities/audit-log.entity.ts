import type { AuditAction, AuditDetail } from '@cardhub/shared';
import { Column, Entity, Index } from 'typeorm';
import { JsonColumn, TimestampColumn, UuidColumn, UuidPrimaryColumn } from '../../infra/database/columns';

/** One audited act of a member of staff on personal data: an export, a lead's page opened, an assignment. */
@Entity('audit_log')
@Index(['organizationId', 'createdAt'])
export class AuditLog {
  @UuidPrimaryColumn()
  id!: string;

  @UuidColumn()
  organizationId!: string;

  /** Null for the person's own requests and the retention job (`detail.by`). */
  @UuidColumn({ nullable: true })
  employeeId!: string | null;

  @Column({ type: 'varchar', length: 40 })
  action!: AuditAction;

  @Column({ type: 'varchar', length: 100 })
  target!: string;

  @JsonColumn()
  detail!: AuditDetail;

  /** Set by the service, with milliseconds: the log's order is the order things happened. */
  @TimestampColumn()
  createdAt!: Date;
}
