import { Entity, Index } from 'typeorm';
import {
  CreatedAtColumn,
  TextColumn,
  TimestampColumn,
  UuidColumn,
  UuidPrimaryColumn,
} from '../../infra/database/columns';

/** An admin's invitation for one employee; opening it in the mini-program binds their WeChat identity. */
@Entity('invitations')
export class Invitation {
  @UuidPrimaryColumn()
  id!: string;

  @Index({ unique: true })
  @TextColumn(32)
  code!: string;

  @UuidColumn()
  organizationId!: string;

  @Index()
  @UuidColumn()
  employeeId!: string;

  @UuidColumn()
  createdByEmployeeId!: string;

  @TimestampColumn()
  expiresAt!: Date;

  @TimestampColumn({ nullable: true })
  acceptedAt!: Date | null;

  /** Set when a newer invitation replaces this one: it no longer opens. */
  @TimestampColumn({ nullable: true })
  revokedAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;
}
