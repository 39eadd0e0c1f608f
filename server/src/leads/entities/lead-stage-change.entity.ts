import { Entity, Index } from 'typeorm';
import { CreatedAtColumn, TextColumn, UuidColumn, UuidPrimaryColumn } from '../../infra/database/columns';
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

  @CreatedAtColumn()
  createdAt!: Date;
}
