import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  BOARD_EVENT_REASONS,
  type BoardEventItem,
  type BoardEventsResponse,
  type BoardMetric,
  type LeadStage,
  type ViewVerdict,
  type boardEventsQuerySchema,
  departmentSubtreeIds,
  rangeInstants,
  roleAtLeast,
  visitorDisplayName,
} from '@cardhub/shared';
import { type ObjectLiteral, In, Repository, type SelectQueryBuilder } from 'typeorm';
import type { z } from 'zod';
import type { StaffPrincipal } from '../common/auth';
import { LeadStageChange } from '../leads/entities/lead-stage-change.entity';
import { Lead } from '../leads/entities/lead.entity';
import { Material } from '../materials/entities/material.entity';
import { Share } from '../shares/entities/share.entity';
import { TrackedEvent } from '../tracking/entities/tracked-event.entity';
import { Visitor } from '../visitors/entities/visitor.entity';
import { BoardScope } from './board-scope';
import { BoardsService } from './boards.service';

type BoardEventsQuery = z.output<typeof boardEventsQuerySchema>;

/** The stages whose reaching a lead metric counts. */
const STAGES_OF: Partial<Record<BoardMetric, LeadStage[]>> = {
  leads: ['visitor', 'mql', 'sql', 'customer', 'lost'],
  mqls: ['mql', 'sql', 'customer'],
  sqls: ['sql', 'customer'],
  customers: ['customer'],
};

/** Whose figures the caller opens: credited employees (null: the whole organization), or a material's. */
type Opened = { employees: string[] | null; materialId: string | null };

const encodeCursor = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime())) throw new BadRequestException('翻页参数无效');
  return { at: date, id };
}

/** Newest first, paged by (time, id) after the cursor. */
function pageAfter<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  column: string,
  cursor: string | undefined,
) {
  query.orderBy(`row.${column}`, 'DESC').addOrderBy('row.id', 'DESC');
  if (!cursor) return query;
  const { at, id } = decodeCursor(cursor);
  return query.andWhere(`(row.${column} < :at OR (row.${column} = :at AND row.id < :id))`, { at, id });
}

/**
 * The events behind a board number, with what was excluded and why, so a manager who doubts a figure can
 * check it. Read from the raw events (one subject and range at a time, newest first, a page at a time).
 */
@Injectable()
export class BoardEventsService {
  constructor(
    private readonly boards: BoardsService,
    private readonly scope: BoardScope,
    @InjectRepository(TrackedEvent) private readonly events: Repository<TrackedEvent>,
    @InjectRepository(LeadStageChange) private readonly stageChanges: Repository<LeadStageChange>,
    @InjectRepository(Material) private readonly materials: Repository<Material>,
    @InjectRepository(Share) private readonly shares: Repository<Share>,
    @InjectRepository(Visitor) private readonly visitors: Repository<Visitor>,
  ) {}

  async list(staff: StaffPrincipal, query: BoardEventsQuery): Promise<BoardEventsResponse> {
    const opened = await this.opened(staff, query);
    const { range } = await this.boards.rangeOf(staff.organizationId, query);
    const { start, end } = rangeInstants(range);
    return STAGES_OF[query.metric]
      ? this.leadChanges(staff.organizationId, query, opened, start, end)
      : this.trackedEvents(staff.organizationId, query, opened, start, end);
  }

  /** Checks the caller may open the subject: their own figures, their departments', or (admins) anything. */
  private async opened(staff: StaffPrincipal, query: BoardEventsQuery): Promise<Opened> {
    const { organizationId } = staff;
    if (query.materialId) {
      if (!roleAtLeast(staff.role, 'manager'))
        throw new ForbiddenException('只有主管和管理员可以查看物料明细');
      if (!(await this.materials.existsBy({ id: query.materialId, organizationId })))
        throw new NotFoundException('物料不存在');
      return { employees: null, materialId: query.materialId };
    }
    if (query.employeeId) {
      await this.scope.assertMayOpenEmployee(staff, query.employeeId);
      return { employees: [query.employeeId], materialId: null };
    }
    const departments = await this.scope.departmentsOf(organizationId);
    if (query.departmentId) {
      await this.scope.assertMayOpenDepartment(staff, query.departmentId);
      const members = await this.scope.membersOf(
        organizationId,
        departmentSubtreeIds(departments, [query.departmentId]),
      );
      return { employees: members, materialId: null };
    }
    const managed = await this.scope.managedDepartments(staff);
    if (managed === 'all') return { employees: null, materialId: null };
    return {
      employees: [staff.employeeId, ...(await this.scope.membersOf(organizationId, managed))],
      materialId: null,
    };
  }

  private async trackedEvents(
    organizationId: string,
    query: BoardEventsQuery,
    opened: Opened,
    start: Date,
    end: Date,
  ): Promise<BoardEventsResponse> {
    const filtered = () => {
      const builder = this.events
        .createQueryBuilder('row')
        .where('row.organizationId = :organizationId', { organizationId })
        .andWhere('row.occurredAt >= :start AND row.occurredAt < :end', { start, end });
      // Shares count for the sharer; everything else for the chain's credited employee.
      const creditColumn = query.metric === 'shares' ? 'row.actorEmployeeId' : 'row.creditedEmployeeId';
      if (opened.employees)
        builder.andWhere(`${creditColumn} IN (:...employees)`, { employees: [...opened.employees, ''] });
      if (opened.materialId)
        builder.andWhere("row.targetType = 'material' AND row.targetId = :materialId", {
          materialId: opened.materialId,
        });
      if (query.metric === 'views' || query.metric === 'visitors') builder.andWhere("row.type = 'view'");
      else if (query.metric === 'shares')
        builder.andWhere("row.type = 'share' AND row.actorEmployeeId IS NOT NULL");
      else
        builder
          .andWhere("row.type = 'share'")
          .innerJoin(Share, 'share', 'share.id = row.shareId')
          .andWhere('share.depth > 0');
      return builder;
    };
    const verdicts = await filtered()
      .select('row.verdict', 'verdict')
      .addSelect('row.counted', 'counted')
      .addSelect('COUNT(*)', 'count')
      .groupBy('row.verdict')
      .addGroupBy('row.counted')
      .getRawMany<{ verdict: ViewVerdict | null; counted: number | boolean; count: string | number }>();
    const summary: BoardEventsResponse['summary'] = {
      counted: 0,
      excluded: { self: 0, colleague: 0, bot: 0, repeat: 0 },
    };
    for (const row of verdicts) {
      const count = Number(row.count);
      if (Number(row.counted) === 1 || row.counted === true) summary.counted += count;
      else if (row.verdict && row.verdict !== 'counted') summary.excluded[row.verdict] += count;
    }
    const rows = await pageAfter(filtered(), 'occurredAt', query.cursor)
      .take(query.limit + 1)
      .getMany();
    const page = rows.slice(0, query.limit);
    const [visitors, titles, channels] = await Promise.all([
      this.visitorNames(page.map((event) => event.visitorId)),
      this.titles(organizationId, page),
      this.channels(page.map((event) => event.shareId)),
    ]);
    const items: BoardEventItem[] = page.map((event) => {
      const verdict: ViewVerdict | null = event.type === 'view' ? (event.verdict ?? 'counted') : null;
      return {
        id: event.id,
        kind: 'event',
        type: event.type,
        at: event.occurredAt.toISOString(),
        counted: event.counted,
        verdict,
        reason: event.counted ? BOARD_EVENT_REASONS.counted : BOARD_EVENT_REASONS[verdict ?? 'bot'],
        visitorLabel: event.visitorId ? (visitors.get(event.visitorId) ?? '') : '员工',
        target: {
          type: event.targetType,
          id: event.targetId,
          title: titles.get(event.targetId) ?? (event.targetType === 'card' ? '名片' : ''),
        },
        channel: event.shareId
          ? (channels.get(event.shareId) ?? null)
          : event.touchpoint === 'site'
            ? 'site'
            : null,
      };
    });
    const last = page[page.length - 1];
    return {
      summary,
      items,
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.occurredAt, last.id) : null,
    };
  }

  /** A lead metric's changes: each lead counts once, at the first change reaching the stage; later ones are shown as such. */
  private async leadChanges(
    organizationId: string,
    query: BoardEventsQuery,
    opened: Opened,
    start: Date,
    end: Date,
  ): Promise<BoardEventsResponse> {
    const stages = STAGES_OF[query.metric]!;
    const filtered = () => {
      const builder = this.stageChanges
        .createQueryBuilder('row')
        .innerJoin(Lead, 'lead', 'lead.id = row.leadId')
        .leftJoin(Share, 'share', 'share.id = lead.firstShareId')
        .where('row.organizationId = :organizationId', { organizationId })
        .andWhere('row.createdAt >= :start AND row.createdAt < :end', { start, end })
        .andWhere('row.toStage IN (:...stages)', { stages });
      if (opened.employees)
        builder.andWhere('share.creditedEmployeeId IN (:...employees)', {
          employees: [...opened.employees, ''],
        });
      if (opened.materialId)
        builder.andWhere("share.targetType = 'material' AND share.targetId = :materialId", {
          materialId: opened.materialId,
        });
      return builder;
    };
    const rows = await pageAfter(filtered(), 'createdAt', query.cursor)
      .take(query.limit + 1)
      .getMany();
    const page = rows.slice(0, query.limit);
    const leadIds = [...new Set(page.map((change) => change.leadId))];
    // The first change of each lead reaching the stage, whenever it was.
    const firsts = leadIds.length
      ? await this.stageChanges.find({
          where: { leadId: In(leadIds), toStage: In(stages) },
          order: { createdAt: 'ASC' },
        })
      : [];
    const firstOf = new Map<string, string>();
    for (const change of firsts) if (!firstOf.has(change.leadId)) firstOf.set(change.leadId, change.id);
    const leads = leadIds.length
      ? await this.stageChanges.manager.find(Lead, { where: { id: In(leadIds) } })
      : [];
    const leadById = new Map(leads.map((lead) => [lead.id, lead]));
    const visitors = await this.visitorNames(leads.map((lead) => lead.visitorId));
    const items: BoardEventItem[] = page.map((change) => {
      const lead = leadById.get(change.leadId);
      const counted = firstOf.get(change.leadId) === change.id;
      const name = lead ? (visitors.get(lead.visitorId) ?? '') : '';
      return {
        id: change.id,
        kind: 'lead',
        type: change.toStage,
        at: change.createdAt.toISOString(),
        counted,
        verdict: null,
        reason: counted ? BOARD_EVENT_REASONS.counted : '此前已计入',
        visitorLabel: name,
        target: null,
        channel: null,
        lead: { id: change.leadId, name, stage: lead?.stage ?? change.toStage },
      };
    });
    const countedTotal = await filtered()
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM lead_stage_changes earlier WHERE earlier.leadId = row.leadId AND earlier.toStage IN (:...stages) AND (earlier.createdAt < row.createdAt OR (earlier.createdAt = row.createdAt AND earlier.id < row.id)))`,
      )
      .getCount();
    const last = page[page.length - 1];
    return {
      summary: { counted: countedTotal, excluded: { self: 0, colleague: 0, bot: 0, repeat: 0 } },
      items,
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
    };
  }

  private async visitorNames(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    const rows = await this.visitors.find({ select: { id: true, name: true }, where: { id: In(wanted) } });
    const names = new Map(rows.map((visitor) => [visitor.id, visitorDisplayName(visitor)]));
    for (const id of wanted) if (!names.has(id)) names.set(id, visitorDisplayName({ id, name: null }));
    return names;
  }

  private async titles(organizationId: string, events: TrackedEvent[]): Promise<Map<string, string>> {
    const materialIds = [
      ...new Set(events.filter((e) => e.targetType === 'material').map((e) => e.targetId)),
    ];
    if (materialIds.length === 0) return new Map();
    const rows = await this.materials.find({
      select: { id: true, title: true },
      where: { organizationId, id: In(materialIds) },
    });
    return new Map(rows.map((material) => [material.id, material.title]));
  }

  private async channels(shareIds: (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(shareIds.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    const rows = await this.shares.find({ select: { id: true, channel: true }, where: { id: In(wanted) } });
    return new Map(rows.map((share) => [share.id, share.channel]));
  }
}
