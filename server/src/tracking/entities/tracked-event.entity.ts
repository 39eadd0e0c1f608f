import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { EventType, TargetType, Touchpoint, ViewVerdict } from '@cardhub/shared';
import { JsonColumn, TextColumn, TimestampColumn, UuidColumn } from '../../infra/database/columns';

/**
 * An append-only behaviour event (行为事件). The primary key is the id the client generated, so a retried
 * event is stored once. Everything reported is kept; `counted` says whether it counts toward reach.
 */
@Entity('events')
@Index(['organizationId', 'creditedEmployeeId', 'occurredAt'])
// A visitor's history newest first (scoring, a lead's timeline) is a range of this index, never a sort.
@Index(['organizationId', 'visitorId', 'occurredAt'])
@Index(['visitId'])
export class TrackedEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @UuidColumn()
  organizationId!: string;

  @TextColumn(16)
  type!: EventType;

  @TextColumn(16)
  targetType!: TargetType;

  @UuidColumn()
  targetId!: string;

  @UuidColumn({ nullable: true })
  shareId!: string | null;

  /** The view event this action belongs to (null for the view itself and for events outside a visit). */
  @UuidColumn({ nullable: true })
  visitId!: string | null;

  @UuidColumn({ nullable: true })
  visitorId!: string | null;

  /** Set when the actor was a member of staff (self-views and colleague views). */
  @UuidColumn({ nullable: true })
  actorEmployeeId!: string | null;

  /** The employee at the root of the share chain (null when the event came without a share). */
  @UuidColumn({ nullable: true })
  creditedEmployeeId!: string | null;

  @TextColumn(16)
  touchpoint!: Touchpoint;

  /** Views only: why it does or does not count. */
  @TextColumn(16, { nullable: true, default: null })
  verdict!: ViewVerdict | null;

  @Column({ type: 'boolean', default: false })
  counted!: boolean;

  @JsonColumn({ nullable: true })
  props!: Record<string, string | number | boolean | null> | null;

  @TextColumn(400, { nullable: true, default: null })
  userAgent!: string | null;

  @TimestampColumn()
  occurredAt!: Date;

  @TimestampColumn()
  receivedAt!: Date;
}
