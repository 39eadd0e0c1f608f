import { Entity, Index } from 'typeorm';
import { TextColumn, TimestampColumn, UuidColumn, UuidPrimaryColumn } from '../../infra/database/columns';
import type { LeadStage } from '@cardhub/shared';

/** The history of a lead's stage and owner: who moved it, and why. */
@Entity('lead_stage_changes')
export class LeadStageChange {
  @UuidPrimaryColumn()
  id!: string;

  @UuidColumn()
  organizationId!: string;

  @Index()
  @UuidColumn()
  leadId!: string;

  @TextColumn(16, { nullable: true, default: null })
  fromStage!: LeadStage | null;

  @TextColumn(16)
  toStage!: LeadStage;

  /** Null when the system moved it (scoring, a signal, a hand-off deadline). */
  @UuidColumn({ nullable: true })
  byEmployeeId!: string | null;

  @TextColumn(200)
  reason!: string;

  /** Set by the writer, to the millisecond: several moves of one re-score keep their order. */
  @TimestampColumn()
  createdAt!: Date;
}
