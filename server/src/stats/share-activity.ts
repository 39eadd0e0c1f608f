import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EventType } from '@cardhub/shared';
import { In, IsNull, Not, Repository } from 'typeorm';
import { Lead } from '../leads/entities/lead.entity';
import { Share } from '../shares/entities/share.entity';
import { TrackedEvent } from '../tracking/entities/tracked-event.entity';

/** Counted views of one material through one share (null: opened without a share). */
export interface ViewsThroughShare {
  shareId: string | null;
  views: number;
}

/** One counted action of a visit, as the reading figures need it. */
export type VisitAction = Pick<TrackedEvent, 'type' | 'visitId' | 'visitorId' | 'shareId' | 'props'>;

export interface ShareCounts {
  shares: number;
  views: number;
}

/**
 * The read model behind statistics and task progress. It reads the event log, shares and leads directly
 * (read-only, aggregated in SQL where the figure allows) instead of widening each of those features'
 * services with report queries; the rules of what counts were applied on ingest (`events.counted`).
 */
@Injectable()
export class ShareActivity {
  constructor(
    @InjectRepository(TrackedEvent) private readonly events: Repository<TrackedEvent>,
    @InjectRepository(Share) private readonly shares: Repository<Share>,
    @InjectRepository(Lead) private readonly leads: Repository<Lead>,
  ) {}

  /** Per material: shares by staff, counted views and unique visitors. Materials without any are left out. */
  async materialTotals(
    organizationId: string,
    materialIds: readonly string[],
  ): Promise<Map<string, { shares: number; views: number; visitors: number }>> {
    if (materialIds.length === 0) return new Map();
    const shareQuery = this.shares
      .createQueryBuilder('share')
      .select('share.targetId', 'materialId')
      .addSelect('COUNT(*)', 'shares')
      .where('share.organizationId = :organizationId', { organizationId })
      .andWhere("share.targetType = 'material'")
      .andWhere('share.sharerEmployeeId IS NOT NULL')
      .andWhere('share.targetId IN (:...materialIds)', { materialIds })
      .groupBy('share.targetId');
    const viewQuery = this.countedViews(organizationId)
      .select('event.targetId', 'materialId')
      .addSelect('COUNT(*)', 'views')
      .addSelect('COUNT(DISTINCT event.visitorId)', 'visitors')
      .andWhere('event.targetId IN (:...materialIds)', { materialIds })
      .groupBy('event.targetId');
    const shareRows = await shareQuery.getRawMany<{ materialId: string; shares: string | number }>();
    const viewRows = await viewQuery.getRawMany<{
      materialId: string;
      views: string | number;
      visitors: string | number;
    }>();

    const totals = new Map<string, { shares: number; views: number; visitors: number }>();
    const entry = (materialId: string) => {
      const existing = totals.get(materialId) ?? { shares: 0, views: 0, visitors: 0 };
      totals.set(materialId, existing);
      return existing;
    };
    for (const row of shareRows) entry(row.materialId).shares = Number(row.shares);
    for (const row of viewRows) {
      Object.assign(entry(row.materialId), { views: Number(row.views), visitors: Number(row.visitors) });
    }
    return totals;
  }

  /** Every share of a material, forwards included, oldest first. */
  sharesOfMaterial(organizationId: string, materialId: string): Promise<Share[]> {
    return this.shares.find({
      where: { organizationId, targetType: 'material', targetId: materialId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Counted views of a material grouped by the share they came through. */
  async countedViewsByShare(organizationId: string, materialId: string): Promise<ViewsThroughShare[]> {
    const rows = await this.countedViews(organizationId)
      .select('event.shareId', 'shareId')
      .addSelect('COUNT(*)', 'views')
      .andWhere('event.targetId = :materialId', { materialId })
      .groupBy('event.shareId')
      .getRawMany<{ shareId: string | null; views: string | number }>();
    return rows.map((row) => ({ shareId: row.shareId, views: Number(row.views) }));
  }

  /** The counted actions of these kinds reported by visits of a material. */
  countedActions(organizationId: string, materialId: string, types: EventType[]): Promise<VisitAction[]> {
    return this.events.find({
      select: { type: true, visitId: true, visitorId: true, shareId: true, props: true },
      where: {
        organizationId,
        targetType: 'material',
        targetId: materialId,
        type: In(types),
        counted: true,
        visitId: Not(IsNull()),
      },
    });
  }

  /** Leads whose first touch (attribution) was one of these shares. */
  leadsFirstTouchedBy(organizationId: string, shareIds: readonly string[]): Promise<number> {
    if (shareIds.length === 0) return Promise.resolve(0);
    return this.leads.countBy({ organizationId, firstShareId: In([...shareIds]) });
  }

  /**
   * Each employee's shares of a material made within [from, to], and the counted views within [from, to]
   * that those shares brought (forwards of them included). Share times come from the share events, which
   * keep milliseconds on every database.
   */
  async sharingBetween(
    organizationId: string,
    materialId: string,
    employeeIds: readonly string[],
    from: Date,
    to: Date,
  ): Promise<Map<string, ShareCounts>> {
    const counts = new Map(employeeIds.map((id) => [id, { shares: 0, views: 0 }]));
    if (employeeIds.length === 0) return counts;
    const shareEvents = await this.events
      .createQueryBuilder('event')
      .select(['event.shareId', 'event.actorEmployeeId'])
      .where('event.organizationId = :organizationId', { organizationId })
      .andWhere("event.type = 'share'")
      .andWhere("event.targetType = 'material'")
      .andWhere('event.targetId = :materialId', { materialId })
      .andWhere('event.actorEmployeeId IN (:...employeeIds)', { employeeIds })
      .andWhere('event.occurredAt BETWEEN :from AND :to', { from, to })
      .getMany();
    const sharerOf = new Map<string, string>();
    for (const event of shareEvents) {
      counts.get(event.actorEmployeeId!)!.shares += 1;
      sharerOf.set(event.shareId!, event.actorEmployeeId!);
    }
    if (sharerOf.size === 0) return counts;

    // Views through a forward count for the employee whose share started the tree.
    const viewRows = await this.countedViews(organizationId)
      .innerJoin(Share, 'share', 'share.id = event.shareId')
      .select('share.rootShareId', 'rootShareId')
      .addSelect('COUNT(*)', 'views')
      .andWhere('event.targetId = :materialId', { materialId })
      .andWhere('event.occurredAt BETWEEN :from AND :to', { from, to })
      .andWhere('share.rootShareId IN (:...rootShareIds)', { rootShareIds: [...sharerOf.keys()] })
      .groupBy('share.rootShareId')
      .getRawMany<{ rootShareId: string; views: string | number }>();
    for (const row of viewRows) counts.get(sharerOf.get(row.rootShareId)!)!.views += Number(row.views);
    return counts;
  }

  private countedViews(organizationId: string) {
    return this.events
      .createQueryBuilder('event')
      .where('event.organizationId = :organizationId', { organizationId })
      .andWhere("event.type = 'view'")
      .andWhere("event.targetType = 'material'")
      .andWhere('event.counted = :counted', { counted: true });
  }
}
