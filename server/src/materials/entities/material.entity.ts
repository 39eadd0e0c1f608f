import { Column, Entity, Index } from 'typeorm';
import type { MaterialStatus, MaterialType, ProductSpec } from '@cardhub/shared';
import {
  CreatedAtColumn,
  JsonColumn,
  TextColumn,
  TimestampColumn,
  UpdatedAtColumn,
  UuidColumn,
  UuidPrimaryColumn,
} from '../../infra/database/columns';

/** Content the organization publishes for all staff to share (物料): article, poster, video or product page. */
@Entity('materials')
@Index(['organizationId', 'status', 'publishedAt'])
export class Material {
  @UuidPrimaryColumn()
  id!: string;

  @UuidColumn()
  organizationId!: string;

  @TextColumn(16)
  type!: MaterialType;

  @TextColumn(120)
  title!: string;

  @TextColumn(300)
  summary!: string;

  @TextColumn(300, { nullable: true, default: null })
  coverUrl!: string | null;

  /** Article body (sanitised rich text) or product details. */
  @Column({ type: 'text', nullable: true })
  body!: string | null;

  /** The poster image or the video. */
  @TextColumn(300, { nullable: true, default: null })
  mediaUrl!: string | null;

  /** Products only: price text, specifications and gallery images. */
  @TextColumn(40, { default: '' })
  priceText!: string;

  @JsonColumn({ nullable: true })
  specs!: ProductSpec[] | null;

  @JsonColumn({ nullable: true })
  images!: string[] | null;

  @TextColumn(40)
  category!: string;

  @JsonColumn()
  tags!: string[];

  @TextColumn(16, { default: 'draft' })
  status!: MaterialStatus;

  @UuidColumn()
  createdByEmployeeId!: string;

  @TimestampColumn({ nullable: true })
  publishedAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
