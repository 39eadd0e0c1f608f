import { Column, Entity, Index } from 'typeorm';
import {
  CreatedAtColumn,
  JsonColumn,
  TextColumn,
  TimestampColumn,
  UpdatedAtColumn,
  UuidColumn,
  UuidPrimaryColumn,
} from '../../infra/database/columns';

export const MATERIAL_TYPES = ['article', 'poster', 'video', 'product'] as const;
export type MaterialType = (typeof MATERIAL_TYPES)[number];

export const MATERIAL_STATUSES = ['draft', 'published', 'archived'] as const;
export type MaterialStatus = (typeof MATERIAL_STATUSES)[number];

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
