import { Entity, Index } from 'typeorm';
import { CreatedAtColumn, TextColumn, UuidColumn, UuidPrimaryColumn } from '../../infra/database/columns';

export type VisitorIdentityKind = 'openid' | 'unionid' | 'web' | 'phone';

/** One pseudonymous id of a visitor within an organization. */
@Entity('visitor_identities')
@Index(['organizationId', 'kind', 'value'], { unique: true })
export class VisitorIdentity {
  @UuidPrimaryColumn()
  id!: string;

  @UuidColumn()
  organizationId!: string;

  @Index()
  @UuidColumn()
  visitorId!: string;

  @TextColumn(16)
  kind!: VisitorIdentityKind;

  @TextColumn(64)
  value!: string;

  @CreatedAtColumn()
  createdAt!: Date;
}
