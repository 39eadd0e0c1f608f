import { Entity, Index } from 'typeorm';
import {
  CreatedAtColumn,
  TextColumn,
  UpdatedAtColumn,
  UuidColumn,
  UuidPrimaryColumn,
} from '../../infra/database/columns';

/** An employee's public business card (名片). */
@Entity('cards')
export class Card {
  @UuidPrimaryColumn()
  id!: string;

  @Index()
  @UuidColumn()
  organizationId!: string;

  @Index({ unique: true })
  @UuidColumn()
  employeeId!: string;

  @TextColumn(40)
  name!: string;

  @TextColumn(60)
  title!: string;

  @TextColumn(80)
  company!: string;

  @TextColumn(300, { nullable: true, default: null })
  avatarUrl!: string | null;

  @TextColumn(24)
  phone!: string;

  @TextColumn(20)
  wechatId!: string;

  @TextColumn(120)
  email!: string;

  @TextColumn(120)
  address!: string;

  @TextColumn(500)
  bio!: string;

  @TextColumn(300)
  siteUrl!: string;

  /** Optional voice or video introduction. */
  @TextColumn(300, { nullable: true, default: null })
  introMediaUrl!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
