import { Entity, Index } from 'typeorm';
import {
  CreatedAtColumn,
  TextColumn,
  UpdatedAtColumn,
  UuidColumn,
  UuidPrimaryColumn,
} from '../../infra/database/columns';

/**
 * A page of an organization's official site (官网), the target of `site_page` events and shares. Known by its
 * normalized URL (origin and path: `normalizeSitePageUrl`), so every view of a page has the same target id.
 */
@Entity('site_pages')
@Index(['organizationId', 'url'], { unique: true })
export class SitePage {
  @UuidPrimaryColumn()
  id!: string;

  @UuidColumn()
  organizationId!: string;

  @TextColumn(500)
  url!: string;

  /** The page's `<title>` as last reported by the tracker (empty until a view reports one). */
  @TextColumn(200)
  title!: string;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
