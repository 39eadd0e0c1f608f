import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type MyShareDto, type MySharesResponse, h5ShareUrl } from '@cardhub/shared';
import { In, Repository } from 'typeorm';
import { CardsService } from '../cards/cards.service';
import type { StaffPrincipal } from '../common/auth';
import { AppConfig } from '../common/config';
import { MaterialsService } from '../materials/materials.service';
import { EventLog, type ShareViewTally } from '../tracking/event-log';
import { Share } from './entities/share.entity';

/**
 * "My shares" (我的分享): an employee's shares, newest first, each with what it brought — counted views,
 * visitors and forwards, the forwards that descend from it included. A page costs a fixed number of queries:
 * the page, the trees it belongs to, their views, material titles, plus one per distinct card shared.
 */
@Injectable()
export class MySharesService {
  constructor(
    private readonly config: AppConfig,
    private readonly cards: CardsService,
    private readonly materials: MaterialsService,
    private readonly eventLog: EventLog,
    @InjectRepository(Share) private readonly shares: Repository<Share>,
  ) {}

  async list(staff: StaffPrincipal, page: number, limit: number): Promise<MySharesResponse> {
    const organizationId = staff.organizationId;
    const [mine, total] = await this.shares.findAndCount({
      where: { organizationId, sharerEmployeeId: staff.employeeId },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (page - 1) * limit,
      take: limit,
    });
    if (mine.length === 0) return { items: [], total };

    const trees = await this.shares.find({
      select: { id: true, parentShareId: true },
      where: { organizationId, rootShareId: In(distinct(mine.map((share) => share.rootShareId))) },
    });
    const subtrees = new Map(mine.map((share) => [share.id, subtreeOf(share.id, trees)]));
    const tallies = await this.eventLog.countedViewsByShare(organizationId, [
      ...new Set([...subtrees.values()].flat()),
    ]);
    const targets = await this.targets(organizationId, mine);

    const items = mine.map((share): MyShareDto => {
      const subtree = subtrees.get(share.id)!;
      const { views, visitors } = tally(tallies, new Set(subtree));
      return {
        code: share.code,
        target: targets.get(share.targetId)!,
        channel: share.channel,
        createdAt: share.createdAt.toISOString(),
        views,
        visitors,
        forwards: subtree.length - 1,
        url: h5ShareUrl(this.config.publicUrl, share.code),
      };
    });
    return { items, total };
  }

  /** What each shared target is called now, and whether it still opens. */
  private async targets(organizationId: string, shares: Share[]): Promise<Map<string, MyShareDto['target']>> {
    const idsOf = (type: Share['targetType']) =>
      distinct(shares.filter((share) => share.targetType === type).map((share) => share.targetId));
    const targets = new Map<string, MyShareDto['target']>();
    for (const material of await this.materials.findManyInOrganization(organizationId, idsOf('material'))) {
      targets.set(material.id, {
        type: 'material',
        id: material.id,
        title: material.title,
        materialType: material.type,
        available: material.status === 'published',
      });
    }
    for (const cardId of idsOf('card')) {
      const found = await this.cards.findActive(cardId);
      targets.set(cardId, {
        type: 'card',
        id: cardId,
        title: found ? `${found.card.name}的名片` : '名片',
        materialType: null,
        available: found !== null,
      });
    }
    return targets;
  }
}

/** The share and every share that descends from it, from the rows of its tree. */
function subtreeOf(shareId: string, tree: Pick<Share, 'id' | 'parentShareId'>[]): string[] {
  const children = new Map<string, string[]>();
  for (const share of tree) {
    if (share.parentShareId)
      children.set(share.parentShareId, [...(children.get(share.parentShareId) ?? []), share.id]);
  }
  const subtree: string[] = [];
  const pending = [shareId];
  while (pending.length > 0) {
    const id = pending.pop()!;
    subtree.push(id);
    pending.push(...(children.get(id) ?? []));
  }
  return subtree;
}

function tally(tallies: ShareViewTally[], shareIds: Set<string>): { views: number; visitors: number } {
  const ofSubtree = tallies.filter((row) => shareIds.has(row.shareId));
  return {
    views: ofSubtree.reduce((total, row) => total + row.views, 0),
    visitors: new Set(ofSubtree.map((row) => row.visitorId)).size,
  };
}

function distinct(ids: string[]): string[] {
  return [...new Set(ids)];
}
