import { Column, Entity, Index } from 'typeorm';
import type { LeadStage } from '@cardhub/shared';
import {
  CreatedAtColumn,
  JsonColumn,
  TextColumn,
  TimestampColumn,
  UpdatedAtColumn,
  UuidColumn,
  UuidPrimaryColumn,
} from '../../infra/database/columns';

/** A visitor who left contact details or crossed the scoring threshold (线索). */
@Entity('leads')
@Index(['organizationId', 'ownerEmployeeId', 'stage'])
export class Lead {
  @UuidPrimaryColumn()
  id!: string;

  @UuidColumn()
  organizationId!: string;

  @Index({ unique: true })
  @UuidColumn()
  visitorId!: string;

  /** First-touch employee; null while the lead waits in the shared pool (公海). */
  @UuidColumn({ nullable: true })
  ownerEmployeeId!: string | null;

  @TextColumn(16, { default: 'visitor' })
  stage!: LeadStage;

  @Column({ type: 'int', default: 0 })
  score!: number;

  @JsonColumn()
  tags!: string[];

  /** Where the lead first came from: card, material, site or none. */
  @TextColumn(16)
  source!: string;

  @UuidColumn({ nullable: true })
  firstShareId!: string | null;

  @TimestampColumn({ nullable: true })
  lastActivityAt!: Date | null;

  /** When the current owner got it (first touch, claim or assignment): the hand-off deadlines count from here. */
  @TimestampColumn({ nullable: true })
  assignedAt!: Date | null;

  /** When it last reached SQL: an SQL lead's follow-up deadline counts from here or assignedAt, the later. */
  @TimestampColumn({ nullable: true })
  sqlAt!: Date | null;

  /** The owner's last follow-up note or stage change. */
  @TimestampColumn({ nullable: true })
  lastFollowedUpAt!: Date | null;

  /** When the current owner was reminded to follow it up, so they are reminded once. */
  @TimestampColumn({ nullable: true })
  reminderSentAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
