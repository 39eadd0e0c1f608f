import { Column, Entity, Index } from 'typeorm';
import type { Touchpoint } from '@cardhub/shared';
import {
  CreatedAtColumn,
  TextColumn,
  TimestampColumn,
  UuidColumn,
  UuidPrimaryColumn,
} from '../../infra/database/columns';

/** A person's agreement to a stated purpose (PIPL): recorded before any personal field is stored. */
@Entity('consents')
@Index(['organizationId', 'visitorId'])
export class Consent {
  @UuidPrimaryColumn()
  id!: string;

  @UuidColumn()
  organizationId!: string;

  @UuidColumn()
  visitorId!: string;

  /** e.g. `show_profile_to_employee`, `contact_me`, `personalised_marketing`. */
  @TextColumn(40)
  purpose!: string;

  @TextColumn(20)
  policyVersion!: string;

  @TextColumn(16)
  touchpoint!: Touchpoint;

  @Column({ type: 'boolean' })
  granted!: boolean;

  @TimestampColumn({ nullable: true })
  withdrawnAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;
}
