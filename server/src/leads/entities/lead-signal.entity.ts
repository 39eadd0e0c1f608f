import { Entity, Index } from 'typeorm';
import {
  CreatedAtColumn,
  JsonColumn,
  TextColumn,
  TimestampColumn,
  UuidColumn,
  UuidPrimaryColumn,
} from '../../infra/database/columns';

/** A signal that fired for a lead, kept so its owner is told once and the lead's page can show it. */
@Entity('lead_signals')
@Index(['leadId', 'signalId', 'firedAt'], { unique: true })
export class LeadSignal {
  @UuidPrimaryColumn()
  id!: string;

  @UuidColumn()
  organizationId!: string;

  @UuidColumn()
  leadId!: string;

  @TextColumn(40)
  signalId!: string;

  @TextColumn(40)
  label!: string;

  @TextColumn(20)
  tag!: string;

  @TimestampColumn()
  firedAt!: Date;

  /** The events that made it fire. */
  @JsonColumn()
  eventIds!: string[];

  @CreatedAtColumn()
  createdAt!: Date;
}
