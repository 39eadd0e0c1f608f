import { Entity, Index } from 'typeorm';
import type { CreditSplit } from '@cardhub/shared';
import {
  CreatedAtColumn,
  JsonColumn,
  TextColumn,
  UpdatedAtColumn,
  UuidPrimaryColumn,
} from '../../infra/database/columns';

/** A tenant (企业). Every other row carries its id; no query crosses organizations. */
@Entity('organizations')
export class Organization {
  @UuidPrimaryColumn()
  id!: string;

  @TextColumn(80)
  name!: string;

  /** Short public key used in URLs and by the site tracker. */
  @Index({ unique: true })
  @TextColumn(40)
  slug!: string;

  @TextColumn(40, { default: 'Asia/Shanghai' })
  timezone!: string;

  /** How the boards credit a share chain: all to the root employee, or split among the employees on it. */
  @TextColumn(8, { default: 'root' })
  creditSplit!: CreditSplit;

  /** The official site (官网) every touchpoint points back to. */
  @TextColumn(300)
  siteUrl!: string;

  /** Origins allowed to send tracking beacons from the official site. */
  @JsonColumn()
  siteOrigins!: string[];

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
