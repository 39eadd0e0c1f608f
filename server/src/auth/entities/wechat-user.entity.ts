import { Entity, Index } from 'typeorm';
import {
  CreatedAtColumn,
  TextColumn,
  TimestampColumn,
  UpdatedAtColumn,
  UuidPrimaryColumn,
} from '../../infra/database/columns';

/**
 * A WeChat user of our mini-program, known by openid. Not organization-scoped: the same person may be an
 * employee of one company and a prospect of others; organization-scoped rows (Employee, VisitorIdentity)
 * point here.
 */
@Entity('wechat_users')
export class WechatUser {
  @UuidPrimaryColumn()
  id!: string;

  @Index({ unique: true })
  @TextColumn(64)
  openid!: string;

  @Index()
  @TextColumn(64, { nullable: true, default: null })
  unionid!: string | null;

  /** WeChat's session_key: used only to decrypt WeChat payloads server-side; never in a response or a log. */
  @TextColumn(64, { select: false })
  sessionKey!: string;

  @TimestampColumn()
  lastLoginAt!: Date;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
