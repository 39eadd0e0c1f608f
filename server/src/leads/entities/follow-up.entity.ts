import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, UuidColumn, UuidPrimaryColumn } from '../../infra/database/columns';

/** A follow-up note (跟进记录) an employee wrote on a lead. */
@Entity('follow_ups')
export class FollowUp {
  @UuidPrimaryColumn()
  id!: string;

  @UuidColumn()
  organizationId!: string;

  @Index()
  @UuidColumn()
  leadId!: string;

  @UuidColumn()
  employeeId!: string;

  @Column({ type: 'text' })
  note!: string;

  @CreatedAtColumn()
  createdAt!: Date;
}
