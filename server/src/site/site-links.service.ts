import { Injectable } from '@nestjs/common';
import {
  type SiteLinkDto,
  type createSiteLinkSchema,
  isBotUserAgent,
  shortLinkUrl,
  siteUrlWithShare,
} from '@cardhub/shared';
import type { z } from 'zod';
import { CardsService } from '../cards/cards.service';
import type { StaffPrincipal } from '../common/auth';
import { PublicReadCache } from '../common/cache';
import { AppConfig } from '../common/config';
import { OrganizationsService } from '../org/organizations.service';
import type { Share } from '../shares/entities/share.entity';
import { SharesService } from '../shares/shares.service';
import { createEventId } from '../tracking/event-ids';
import { EventLog } from '../tracking/event-log';
import { SitePagesService } from './site-pages.service';

/**
 * Short attributed links (`/s/<code>`): a share whose opening lands on the organization's own site with the
 * share code appended, where the site tracker picks it up. Opening one logs a click (or a scan, from a QR code).
 */
@Injectable()
export class SiteLinksService {
  constructor(
    private readonly config: AppConfig,
    private readonly organizations: OrganizationsService,
    private readonly sitePages: SitePagesService,
    private readonly shares: SharesService,
    private readonly cards: CardsService,
    private readonly eventLog: EventLog,
    private readonly publicReads: PublicReadCache,
  ) {}

  /** A member of staff's link to a page of their organization's site: a `site_page` share of their own. */
  async create(
    staff: StaffPrincipal,
    input: z.output<typeof createSiteLinkSchema>,
    userAgent: string | null,
  ): Promise<SiteLinkDto> {
    const organization = (await this.organizations.findById(staff.organizationId))!;
    const page = await this.sitePages.pageAt(organization, input.url, '', 'url');
    const share = await this.shares.create(
      staff,
      { targetType: 'site_page', targetId: page.id, channel: input.channel },
      userAgent,
    );
    return {
      code: share.code,
      shortUrl: shortLinkUrl(this.config.publicUrl, share.code),
      qrUrl: shortLinkUrl(this.config.publicUrl, share.code, true),
      targetUrl: siteUrlWithShare(page.url, share.code),
      pageUrl: page.url,
      createdAt: share.createdAt,
    };
  }

  /** Where `/s/<code>` leads (the opening logged), or null for a code we do not know. */
  async open(code: string, printed: boolean, userAgent: string | null): Promise<string | null> {
    // Short links are opened in bursts (a post in a group chat): where one leads is kept for a few seconds.
    const { share, location } = await this.publicReads.read(`short-link:${code}`, async () => {
      const found = await this.shares.findByCode(code);
      const destination = found ? await this.destinationOf(found) : null;
      return {
        share: found,
        location: found && destination ? siteUrlWithShare(destination, found.code) : null,
      };
    });
    if (!share || !location) return null;
    const now = new Date();
    // The browser is sent on at once: its opening is stored by the next batch (see appendInBackground).
    await this.eventLog.appendInBackground([
      {
        id: createEventId(),
        organizationId: share.organizationId,
        type: printed ? 'scan' : 'click',
        targetType: share.targetType,
        targetId: share.targetId,
        shareId: share.id,
        visitId: null,
        // The visitor is known once the site's tracker reports the landing; a redirect cannot tell who they are.
        visitorId: null,
        actorEmployeeId: null,
        creditedEmployeeId: share.creditedEmployeeId,
        touchpoint: printed ? 'poster' : 'h5',
        verdict: null,
        counted: !isBotUserAgent(userAgent),
        props: { action: 'open_site' },
        userAgent,
        occurredAt: now,
        receivedAt: now,
      },
    ]);
    return location;
  }

  /** A site page's own URL; a card's site link (the organization's site when it has none); a material's organization site. */
  private async destinationOf(share: Share): Promise<string | null> {
    if (share.targetType === 'site_page') {
      return (await this.sitePages.findById(share.organizationId, share.targetId))?.url ?? null;
    }
    if (share.targetType === 'card') {
      const card = await this.cards.findActive(share.targetId);
      if (card?.card.siteUrl) return card.card.siteUrl;
    }
    return (await this.organizations.findById(share.organizationId))?.siteUrl ?? null;
  }
}
