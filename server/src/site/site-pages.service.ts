import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { normalizeSitePageUrl, originOf } from '@cardhub/shared';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import type { Organization } from '../org/entities/organization.entity';
import { SitePage } from './entities/site-page.entity';

export const SITE_PAGE_NOT_FOUND = '官网页面不存在';

/** The longest normalized page URL kept (the column's size); a longer one is refused. */
const MAX_PAGE_URL_LENGTH = 500;

/** Whether `origin` (an `Origin` header, or a URL's origin) is one the organization listed for its site. */
export function isSiteOrigin(organization: Organization, origin: string | null | undefined): boolean {
  if (!origin) return false;
  const normalized = originOf(origin);
  return normalized !== null && organization.siteOrigins.some((listed) => originOf(listed) === normalized);
}

/** Pages of organizations' official sites, created the first time a view or a link names them. */
@Injectable()
export class SitePagesService {
  constructor(@InjectRepository(SitePage) private readonly pages: Repository<SitePage>) {}

  /**
   * The normalized URL of a page of the organization's site (any query or hash dropped); a URL outside its
   * listed site origins, or too long to keep, is a 400 naming `path`.
   */
  checkUrl(organization: Organization, url: string, path: string): string {
    const normalized = normalizeSitePageUrl(url);
    if (normalized && isSiteOrigin(organization, normalized) && normalized.length <= MAX_PAGE_URL_LENGTH)
      return normalized;
    throw new BadRequestException({
      message: '网址不属于本企业官网',
      fields: [
        {
          path,
          message: `${path} must be a page (at most ${MAX_PAGE_URL_LENGTH} characters) on one of the organization's site origins: ${organization.siteOrigins.join(', ')}`,
        },
      ],
    });
  }

  /** The page at `url` (see checkUrl), created on first sight; a non-empty `title` replaces the one kept. */
  async pageAt(organization: Organization, url: string, title: string, path: string): Promise<SitePage> {
    const normalized = this.checkUrl(organization, url, path);
    const where = { organizationId: organization.id, url: normalized };
    let page = await this.pages.findOneBy(where);
    if (!page) {
      // orIgnore: of two first views racing, the unique index keeps one row and both read it back.
      await this.pages
        .createQueryBuilder()
        .insert()
        .values({ id: randomUUID(), ...where, title })
        .orIgnore()
        .execute();
      page = await this.pages.findOneByOrFail(where);
    }
    if (title && page.title !== title) {
      await this.pages.update({ id: page.id }, { title });
      page.title = title;
    }
    return page;
  }

  findById(organizationId: string, pageId: string): Promise<SitePage | null> {
    return this.pages.findOneBy({ organizationId, id: pageId });
  }
}
