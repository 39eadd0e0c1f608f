import { Column, Entity, Index } from 'typeorm';
import type { ShareChannel, TargetType } from '@cardhub/shared';
import { CreatedAtColumn, TextColumn, UuidColumn, UuidPrimaryColumn } from '../../infra/database/columns';

/**
 * One act of sharing (分享). Shares form a tree (转发链路): an employee's share is a root; a forward by a
 * visitor is a child of the share they arrived by. Every view under the tree is credited to the root employee.
 */
@Entity('shares')
@Index(['organizationId', 'creditedEmployeeId', 'createdAt'])
@Index(['organizationId', 'targetType', 'targetId'])
export class Share {
  @UuidPrimaryColumn()
  id!: string;

  /** The short code that travels with links, paths and mini-program codes. */
  @Index({ unique: true })
  @TextColumn(16)
  code!: string;

  @UuidColumn()
  organizationId!: string;

  @TextColumn(16)
  targetType!: TargetType;

  @UuidColumn()
  targetId!: string;

  @TextColumn(16)
  channel!: ShareChannel;

  @Index()
  @UuidColumn({ nullable: true })
  parentShareId!: string | null;

  /** The root of this share's tree (its own id for a root share). */
  @Index()
  @UuidColumn()
  rootShareId!: string;

  @Column({ type: 'int', default: 0 })
  depth!: number;

  /** Exactly one of the two sharers is set. */
  @UuidColumn({ nullable: true })
  sharerEmployeeId!: string | null;

  @UuidColumn({ nullable: true })
  sharerVisitorId!: string | null;

  /** The root employee, denormalised so boards never walk the tree. */
  @UuidColumn()
  creditedEmployeeId!: string;

  @CreatedAtColumn()
  createdAt!: Date;
}
