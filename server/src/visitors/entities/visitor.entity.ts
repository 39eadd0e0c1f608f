import { Entity, Index } from 'typeorm';
import {
  CreatedAtColumn,
  TextColumn,
  TimestampColumn,
  UpdatedAtColumn,
  UuidColumn,
  UuidPrimaryColumn,
} from '../../infra/database/columns';

/**
 * A prospect (访客) of one organization, pseudonymous until they consent to share who they are.
 * Identities (openid, web key, phone) that turn out to be the same person are merged into one visitor.
 */
@Entity('visitors')
@Index(['organizationId', 'lastSeenAt'])
export class Visitor {
  @UuidPrimaryColumn()
  id!: string;

  @UuidColumn()
  organizationId!: string;

  /** Shown only with consent. */
  @TextColumn(60, { nullable: true, default: null })
  name!: string | null;

  @TextColumn(300, { nullable: true, default: null })
  avatarUrl!: string | null;

  @TextColumn(24, { nullable: true, default: null })
  phone!: string | null;

  /** First touch: the share and employee that first brought this visitor (attribution owner). */
  @UuidColumn({ nullable: true })
  firstShareId!: string | null;

  @Index()
  @UuidColumn({ nullable: true })
  firstEmployeeId!: string | null;

  /** Set when this visitor was merged into another; the survivor holds the identities. */
  @UuidColumn({ nullable: true })
  mergedIntoVisitorId!: string | null;

  /**
   * Set on the pseudonymous row that takes an erased person's place: their events keep counting under it, but
   * nothing personal and no identity leads to it.
   */
  @TimestampColumn({ nullable: true, default: null })
  erasedAt!: Date | null;

  @TimestampColumn()
  firstSeenAt!: Date;

  @TimestampColumn()
  lastSeenAt!: Date;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
