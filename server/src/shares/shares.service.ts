import {
  BadRequestException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type CreateShareInput,
  type Principal,
  type PublicCardResponse,
  type PublicMaterialResponse,
  type ShareChannel,
  type ShareDto,
  type Touchpoint,
  ShareChainError,
  childShareDepth,
  generateShareCode,
  h5ShareUrl,
  isShareCode,
  miniProgramPath,
  resolveChain,
  shareScene,
  shortLinkUrl,
} from '@cardhub/shared';
import { randomBytes, randomUUID } from 'node:crypto';
import { In, Repository } from 'typeorm';
import { CARD_NOT_FOUND, CardsService } from '../cards/cards.service';
import type { StaffPrincipal } from '../common/auth';
import { PublicReadCache } from '../common/cache';
import { MATERIAL_NOT_FOUND, MaterialsService } from '../materials/materials.service';
import { AppConfig } from '../common/config';
import type { TrackedEvent } from '../tracking/entities/tracked-event.entity';
import { createEventId } from '../tracking/event-ids';
import { EventLog } from '../tracking/event-log';
import { VisitTokens } from '../tracking/visit-tokens';
import { SITE_PAGE_NOT_FOUND, SitePagesService } from '../site/site-pages.service';
import { Share } from './entities/share.entity';

const CODE_ATTEMPTS = 3;

/** What a new share row is made of, before it has a code. */
type NewShare = Omit<Share, 'id' | 'code' | 'createdAt'>;

/**
 * Shares (分享) and their trees (转发链路). An employee's own share is a root; a forward, by a colleague or by
 * a prospect who opened the share, is a child that keeps the root employee's credit.
 */
@Injectable()
export class SharesService {
  constructor(
    private readonly config: AppConfig,
    private readonly cards: CardsService,
    private readonly materials: MaterialsService,
    private readonly eventLog: EventLog,
    private readonly visitTokens: VisitTokens,
    private readonly sitePages: SitePagesService,
    private readonly publicReads: PublicReadCache,
    @InjectRepository(Share) private readonly shares: Repository<Share>,
  ) {}

  async create(
    principal: Principal | undefined,
    input: CreateShareInput,
    userAgent: string | null,
  ): Promise<ShareDto> {
    return principal?.kind === 'employee'
      ? this.createForStaff(principal, input, userAgent)
      : this.createForProspect(input, userAgent);
  }

  /** The share behind a code, or null for an unknown or malformed code. */
  async findByCode(code: string): Promise<Share | null> {
    return isShareCode(code) ? this.shares.findOneBy({ code }) : null;
  }

  findByIds(organizationId: string, shareIds: string[]): Promise<Share[]> {
    if (shareIds.length === 0) return Promise.resolve([]);
    return this.shares.findBy({ organizationId, id: In(shareIds) });
  }

  /**
   * Each share with its ancestors, root first. One query per level of the deepest tree, not one per share:
   * the radar asks for a whole page of visits at once.
   */
  async chainsOf(organizationId: string, leaves: Share[]): Promise<Map<string, Share[]>> {
    const known = new Map(leaves.map((share) => [share.id, share]));
    let missing = parentIdsNotIn(known, leaves);
    while (missing.length > 0) {
      const parents = await this.findByIds(organizationId, missing);
      parents.forEach((parent) => known.set(parent.id, parent));
      missing = parents.length > 0 ? parentIdsNotIn(known, parents) : [];
    }
    return new Map(leaves.map((leaf) => [leaf.id, resolveChain(leaf, (id) => known.get(id))]));
  }

  /**
   * The card a share code opens; unknown codes, other targets and disabled employees' cards are all 404.
   * The hottest public read: kept for a few seconds (PublicReadCache), since one share is opened in bursts.
   */
  publicCard(code: string): Promise<PublicCardResponse> {
    return this.publicReads.read(`card-share:${code}`, () => this.loadPublicCard(code));
  }

  private async loadPublicCard(code: string): Promise<PublicCardResponse> {
    const share = await this.findByCode(code);
    const card = share?.targetType === 'card' ? await this.cards.findActive(share.targetId) : null;
    if (!share || !card || card.card.organizationId !== share.organizationId)
      throw new NotFoundException(CARD_NOT_FOUND);
    return {
      card: this.cards.toDto(card),
      share: { code: share.code, channel: share.channel, depth: share.depth },
    };
  }

  /** The published material a share code opens, with the credited employee's card for the footer; else 404. */
  async publicMaterial(code: string): Promise<PublicMaterialResponse> {
    const share = await this.findByCode(code);
    const material =
      share?.targetType === 'material'
        ? await this.materials.findPublished(share.targetId, share.organizationId)
        : null;
    if (!share || !material) throw new NotFoundException(MATERIAL_NOT_FOUND);
    const card = await this.cards.findActiveOfEmployee(share.creditedEmployeeId);
    return {
      material: this.materials.toDto(material),
      card: card && card.card.organizationId === share.organizationId ? this.cards.toDto(card) : null,
      share: { code: share.code, channel: share.channel, depth: share.depth },
    };
  }

  /** A share its own sharer asks about (mini-program code): another organization's is unknown, a colleague's forbidden. */
  async findOwnShare(staff: StaffPrincipal, code: string): Promise<Share> {
    const share = await this.findByCode(code);
    if (!share || share.organizationId !== staff.organizationId) throw new NotFoundException('分享不存在');
    if (share.sharerEmployeeId !== staff.employeeId)
      throw new ForbiddenException('只能获取自己分享的小程序码');
    return share;
  }

  /** A merged visitor's forwards become the remaining visitor's. */
  async moveSharerVisitor(organizationId: string, fromVisitorId: string, toVisitorId: string): Promise<void> {
    await this.shares.update(
      { organizationId, sharerVisitorId: fromVisitorId },
      { sharerVisitorId: toVisitorId },
    );
  }

  toDto(share: Share, parentCode: string | null): ShareDto {
    return {
      code: share.code,
      targetType: share.targetType,
      targetId: share.targetId,
      channel: share.channel,
      parentCode,
      depth: share.depth,
      path: miniProgramPath(share.targetType, share.code),
      scene: shareScene(share.code),
      // A site page opens on the organization's own site, through the short link.
      url:
        share.targetType === 'site_page'
          ? shortLinkUrl(this.config.publicUrl, share.code)
          : h5ShareUrl(this.config.publicUrl, share.code),
      createdAt: share.createdAt.toISOString(),
    };
  }

  private async createForStaff(
    staff: StaffPrincipal,
    input: CreateShareInput,
    userAgent: string | null,
  ): Promise<ShareDto> {
    const owner = await this.shareableTargetOwner(input, staff.organizationId);
    const parent = input.parentCode ? await this.parentFor(input, staff.organizationId) : null;
    // Anyone may share the organization's materials; a card only by its owner, or as a forward.
    if (!parent && input.targetType === 'card' && owner !== staff.employeeId) {
      throw new ForbiddenException('只能分享自己的名片；转发同事的分享请带上原分享码');
    }
    const share = await this.insert({
      ...this.placeInTree(parent, staff.employeeId),
      organizationId: staff.organizationId,
      targetType: input.targetType,
      targetId: input.targetId,
      channel: input.channel,
      sharerEmployeeId: staff.employeeId,
      sharerVisitorId: null,
    });
    await this.eventLog.append([
      shareEvent(share, 'share', {
        visitId: null,
        visitorId: null,
        actorEmployeeId: staff.employeeId,
        touchpoint: touchpointOfChannel(share.channel),
        counted: true,
        userAgent,
      }),
    ]);
    return this.toDto(share, parent?.code ?? null);
  }

  /** A prospect forwards only what they opened: the visit token proves they visited this share tree. */
  private async createForProspect(input: CreateShareInput, userAgent: string | null): Promise<ShareDto> {
    if (!input.visitToken) {
      throw new UnauthorizedException({
        message: '请先打开分享页面再转发',
        fields: [
          { path: 'visitToken', message: 'visitToken is required when forwarding without a staff login' },
        ],
      });
    }
    const visit = this.visitTokens.verify(input.visitToken);
    if (!input.parentCode) {
      throw new BadRequestException({
        message: '转发需要原分享码',
        fields: [{ path: 'parentCode', message: 'parentCode is required when forwarding' }],
      });
    }
    await this.shareableTargetOwner(input, visit.organizationId);
    const parent = await this.parentFor(input, visit.organizationId);
    const visitedShare = visit.shareId ? await this.shares.findOneBy({ id: visit.shareId }) : null;
    if (!visit.visitorId || !visitedShare || visitedShare.rootShareId !== parent.rootShareId) {
      throw new ForbiddenException('只能转发你打开过的分享');
    }

    const share = await this.insert({
      ...this.placeInTree(parent, null),
      organizationId: visit.organizationId,
      targetType: input.targetType,
      targetId: input.targetId,
      channel: input.channel,
      sharerEmployeeId: null,
      sharerVisitorId: visit.visitorId,
    });
    const byVisitor = {
      visitorId: visit.visitorId,
      actorEmployeeId: null,
      touchpoint: visit.touchpoint,
      counted: visit.counted,
      userAgent,
    };
    await this.eventLog.append([
      shareEvent(share, 'share', { ...byVisitor, visitId: null }),
      // Linked to the visit, so the forward shows among that visit's actions on the radar.
      shareEvent(share, 'forward', { ...byVisitor, visitId: visit.visitId }),
    ]);
    return this.toDto(share, parent.code);
  }

  /**
   * 404 unless the target can be shared now: an active card, a published material or a known page of the
   * organization's site. Returns the card's owner.
   */
  private async shareableTargetOwner(
    input: CreateShareInput,
    organizationId: string,
  ): Promise<string | null> {
    if (input.targetType === 'site_page') {
      if (!(await this.sitePages.findById(organizationId, input.targetId)))
        throw new NotFoundException(SITE_PAGE_NOT_FOUND);
      return null;
    }
    if (input.targetType === 'material') {
      if (!(await this.materials.findPublished(input.targetId, organizationId)))
        throw new NotFoundException(MATERIAL_NOT_FOUND);
      return null;
    }
    const card = await this.cards.findActive(input.targetId);
    if (!card || card.card.organizationId !== organizationId) throw new NotFoundException(CARD_NOT_FOUND);
    return card.card.employeeId;
  }

  private async parentFor(input: CreateShareInput, organizationId: string): Promise<Share> {
    const parent = await this.findByCode(input.parentCode!);
    if (!parent || parent.organizationId !== organizationId)
      throw new NotFoundException('原分享不存在或已失效');
    if (parent.targetType !== input.targetType || parent.targetId !== input.targetId) {
      throw new BadRequestException({
        message: '原分享与转发的内容不一致',
        fields: [{ path: 'parentCode', message: 'parentCode must be a share of the same target' }],
      });
    }
    return parent;
  }

  /** Tree fields of a new share: a root credits its own sharer; a child inherits root and credit from its parent. */
  private placeInTree(
    parent: Share | null,
    sharerEmployeeId: string | null,
  ): Pick<NewShare, 'parentShareId' | 'rootShareId' | 'depth' | 'creditedEmployeeId'> & { id: string } {
    const id = randomUUID();
    if (!parent)
      return { id, parentShareId: null, rootShareId: id, depth: 0, creditedEmployeeId: sharerEmployeeId! };
    return {
      id,
      parentShareId: parent.id,
      rootShareId: parent.rootShareId,
      depth: this.childDepth(parent),
      creditedEmployeeId: parent.creditedEmployeeId,
    };
  }

  private childDepth(parent: Share): number {
    try {
      return childShareDepth(parent.depth);
    } catch (error) {
      if (error instanceof ShareChainError)
        throw new BadRequestException('这条分享已被转发太多层，请从原始分享重新转发');
      throw error;
    }
  }

  /** Inserts with a fresh random code, drawing again in the unlikely case the code is taken. */
  private async insert(fields: NewShare & { id: string }): Promise<Share> {
    for (let attempt = 1; ; attempt++) {
      const code = generateShareCode(randomBytes);
      try {
        await this.shares.insert({ ...fields, code });
        return this.shares.findOneByOrFail({ id: fields.id });
      } catch (error) {
        const collided = attempt < CODE_ATTEMPTS && (await this.shares.existsBy({ code }));
        if (!collided) throw error;
      }
    }
  }
}

function parentIdsNotIn(known: Map<string, Share>, shares: Share[]): string[] {
  const ids = shares
    .map((share) => share.parentShareId)
    .filter((id): id is string => id !== null && !known.has(id));
  return [...new Set(ids)];
}

/**
 * Where a share was made, as far as the server can tell: posters and codes are printed, links and QR codes
 * come from the H5 share page, chats and Moments from the mini-program.
 */
function touchpointOfChannel(channel: ShareChannel): Touchpoint {
  if (channel === 'poster') return 'poster';
  if (channel === 'link' || channel === 'qrcode') return 'h5';
  return 'miniapp';
}

function shareEvent(
  share: Share,
  type: 'share' | 'forward',
  actor: Pick<
    TrackedEvent,
    'visitId' | 'visitorId' | 'actorEmployeeId' | 'touchpoint' | 'counted' | 'userAgent'
  >,
): TrackedEvent {
  const now = new Date();
  return {
    id: createEventId(),
    organizationId: share.organizationId,
    type,
    targetType: share.targetType,
    targetId: share.targetId,
    shareId: share.id,
    creditedEmployeeId: share.creditedEmployeeId,
    verdict: null,
    props: { channel: share.channel, depth: share.depth },
    occurredAt: now,
    receivedAt: now,
    ...actor,
  };
}
