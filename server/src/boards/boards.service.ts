import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  BOARD_METRICS,
  type BoardMetric,
  type BoardMetrics,
  type BoardPeriodQuery,
  type BoardRange,
  type ChainBoardResponse,
  type ChainBoardRow,
  type ChainOrder,
  DASHBOARD_CHANNELS,
  DASHBOARD_CHANNEL_LABELS,
  type DashboardLive,
  type DashboardResponse,
  type DepartmentBoardResponse,
  type EmployeeBoardResponse,
  type EmployeeBoardRow,
  FUNNEL_STAGES,
  FUNNEL_STAGE_LABELS,
  type MaterialBoardResponse,
  type MyStanding,
  type ParsedBoardQuery,
  type RollupMetric,
  daysBetween,
  departmentPath,
  departmentSubtreeIds,
  previousRange,
  resolveRange,
  rollupSlice,
  visitorDisplayName,
} from '@cardhub/shared';
import { In, Not, Repository } from 'typeorm';
import type { StaffPrincipal } from '../common/auth';
import { Card } from '../cards/entities/card.entity';
import { Material } from '../materials/entities/material.entity';
import { Employee } from '../org/entities/employee.entity';
import { Organization } from '../org/entities/organization.entity';
import { Share } from '../shares/entities/share.entity';
import { SitePage } from '../site/entities/site-page.entity';
import { Visitor } from '../visitors/entities/visitor.entity';
import { BoardScope, type ScopeSubject } from './board-scope';
import { RollupReader, type Slice, type SubjectValues } from './rollup-reader';

/** Chains ranked by depth or width are picked among this many most-forwarded chains of the period. */
const CHAIN_CANDIDATES = 100;

const figuresOf = (values: SubjectValues, subjectId: string): BoardMetrics =>
  Object.fromEntries(
    BOARD_METRICS.map((metric) => [metric, values.get(subjectId)?.get(metric) ?? 0]),
  ) as BoardMetrics;

/** 1,2,2,4: rows sorted by value, equal values sharing the rank of the first of them. */
function rankSorted<T extends { value: number }>(rows: readonly T[]): (T & { rank: number })[] {
  const ranked: (T & { rank: number })[] = [];
  for (const [index, row] of rows.entries()) {
    const previous = ranked[index - 1];
    ranked.push({ ...row, rank: previous && previous.value === row.value ? previous.rank : index + 1 });
  }
  return ranked;
}

/** What the caller needs to pass the place ahead (values are whole numbers unless credit is split). */
const gapToPass = (ahead: number, mine: number) => Math.floor(ahead - mine + 1e-9) + 1;

/** The leaderboards and the dashboard, read from the rollups. */
@Injectable()
export class BoardsService {
  constructor(
    private readonly reader: RollupReader,
    private readonly scope: BoardScope,
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    @InjectRepository(Employee) private readonly employees: Repository<Employee>,
    @InjectRepository(Card) private readonly cards: Repository<Card>,
    @InjectRepository(Material) private readonly materials: Repository<Material>,
    @InjectRepository(Share) private readonly shares: Repository<Share>,
    @InjectRepository(Visitor) private readonly visitors: Repository<Visitor>,
    @InjectRepository(SitePage) private readonly sitePages: Repository<SitePage>,
  ) {}

  /** The calendar days of a period in the organization's time zone, and the rollup rows that hold them. */
  async rangeOf(
    organizationId: string,
    query: BoardPeriodQuery & { period: BoardRange['period'] },
    now = new Date(),
  ): Promise<{ range: BoardRange; slice: Slice }> {
    const { timezone } = await this.organizations.findOneByOrFail({ id: organizationId });
    const range = resolveRange(query, now, timezone);
    const today = resolveRange({ period: 'today' }, now, timezone).to;
    return { range, slice: rollupSlice(range, today) };
  }

  async employeeBoard(staff: StaffPrincipal, query: ParsedBoardQuery): Promise<EmployeeBoardResponse> {
    const { organizationId } = staff;
    const { range, slice } = await this.rangeOf(organizationId, query);
    const onlyKey = slice.keys.length === 1 && !query.departmentId ? slice.keys[0]! : null;
    let page: { subjectId: string; value: number; rank: number }[];
    let me: MyStanding | null;
    let total: number;
    // Independent reads go out together: each is an index lookup, so a board costs a few round trips.
    if (onlyKey !== null) {
      // The whole organization over one period: an index read of the top rows, whatever its size.
      [total, { page, me }] = await Promise.all([
        this.employees.countBy({ organizationId, status: Not('disabled') }),
        this.topOfPeriod(staff, slice.period, onlyKey, query),
      ]);
      me.total = total;
    } else {
      const members = await this.boardMembers(organizationId, query.departmentId);
      total = members.length;
      ({ page, me } = await this.rankInMemory(staff, slice, query, members));
    }
    const ids = page.map((row) => row.subjectId);
    const [values, people] = await Promise.all([
      this.reader.values(organizationId, slice, 'employee', BOARD_METRICS, ids),
      this.people(organizationId, ids),
    ]);
    const rows: EmployeeBoardRow[] = page.map((row) => ({
      rank: row.rank,
      employee: people.get(row.subjectId) ?? {
        id: row.subjectId,
        name: '',
        avatarUrl: null,
        departmentName: null,
      },
      value: row.value,
      metrics: figuresOf(values, row.subjectId),
    }));
    return { range, metric: query.metric, total, rows, me };
  }

  private async topOfPeriod(
    staff: StaffPrincipal,
    period: Slice['period'],
    key: string,
    query: ParsedBoardQuery,
  ) {
    const { organizationId } = staff;
    const args = [organizationId, period, key, 'employee', query.metric] as const;
    const [top, mineValues] = await Promise.all([
      this.reader.top(...args, query.limit, query.offset),
      this.reader.values(
        organizationId,
        { period, keys: [key] },
        'employee',
        [query.metric],
        [staff.employeeId],
      ),
    ]);
    const mine = mineValues.get(staff.employeeId)?.get(query.metric) ?? 0;
    const [firstAbove, ahead, mineAbove] = await Promise.all([
      top[0] ? this.reader.countAbove(...args, top[0].value) : Promise.resolve(0),
      this.reader.nextAbove(...args, mine),
      this.reader.countAbove(...args, mine),
    ]);
    const page: { subjectId: string; value: number; rank: number }[] = [];
    for (const [index, row] of top.entries()) {
      const previous = page[index - 1];
      const rank =
        previous && previous.value === row.value
          ? previous.rank
          : index === 0
            ? 1 + firstAbove
            : query.offset + index + 1;
      page.push({ ...row, rank });
    }
    if (page.length < query.limit) {
      // Past the employees with figures: everyone else, tied at zero, by name.
      const [scored, withFigures, members] = await Promise.all([
        this.reader.countAbove(...args, 0),
        this.reader.values(organizationId, { period, keys: [key] }, 'employee', [query.metric]),
        this.boardMembers(organizationId, undefined),
      ]);
      const rest = members.filter((member) => !withFigures.has(member.id));
      const skip = Math.max(0, query.offset - scored);
      for (const member of rest.slice(skip, skip + query.limit - page.length))
        page.push({ subjectId: member.id, value: 0, rank: scored + 1 });
    }
    const aheadName = ahead
      ? (await this.people(organizationId, [ahead.subjectId])).get(ahead.subjectId)?.name
      : '';
    // The caller is on the organization's board (disabled staff cannot log in); the total is filled in by the caller.
    const me: MyStanding = {
      rank: 1 + mineAbove,
      value: mine,
      total: 0,
      gapToNext: ahead ? gapToPass(ahead.value, mine) : null,
      next: ahead ? { name: aheadName ?? '', value: ahead.value } : null,
    };
    return { page, me };
  }

  private async rankInMemory(
    staff: StaffPrincipal,
    slice: Slice,
    query: ParsedBoardQuery,
    members: Employee[],
  ) {
    const values = await this.reader.values(staff.organizationId, slice, 'employee', [query.metric]);
    const ranked = rankSorted(
      members
        .map((member) => ({
          subjectId: member.id,
          name: member.name,
          value: values.get(member.id)?.get(query.metric) ?? 0,
        }))
        .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, 'zh-CN')),
    );
    const index = ranked.findIndex((row) => row.subjectId === staff.employeeId);
    const mine = ranked[index];
    const ahead = mine
      ? ranked
          .slice(0, index)
          .reverse()
          .find((row) => row.value > mine.value)
      : undefined;
    const me: MyStanding | null = mine
      ? {
          rank: mine.rank,
          value: mine.value,
          total: ranked.length,
          gapToNext: ahead ? gapToPass(ahead.value, mine.value) : null,
          next: ahead ? { name: ahead.name, value: ahead.value } : null,
        }
      : null;
    return { page: ranked.slice(query.offset, query.offset + query.limit), me };
  }

  /** Everyone on a board: the organization's staff, or a department's with its sub-departments. */
  private async boardMembers(organizationId: string, departmentId: string | undefined): Promise<Employee[]> {
    if (!departmentId)
      return this.employees.find({
        select: { id: true, name: true, departmentId: true },
        where: { organizationId, status: Not('disabled') },
        order: { name: 'ASC' },
      });
    await this.scope.requireDepartment(organizationId, departmentId);
    const subtree = departmentSubtreeIds(await this.scope.departmentsOf(organizationId), [departmentId]);
    return this.employees.find({
      select: { id: true, name: true, departmentId: true },
      where: { organizationId, status: Not('disabled'), departmentId: In(subtree) },
      order: { name: 'ASC' },
    });
  }

  /** Names, avatars (from their cards) and department names of employees. */
  private async people(organizationId: string, ids: readonly string[]) {
    const found = new Map<string, EmployeeBoardRow['employee']>();
    if (ids.length === 0) return found;
    const [rows, cards, departments] = await Promise.all([
      this.employees.find({
        select: { id: true, name: true, departmentId: true },
        where: { organizationId, id: In([...ids]) },
      }),
      this.cards.find({ select: { employeeId: true, avatarUrl: true }, where: { employeeId: In([...ids]) } }),
      this.scope.departmentsOf(organizationId),
    ]);
    const avatars = new Map(cards.map((card) => [card.employeeId, card.avatarUrl]));
    const departmentNames = new Map(departments.map((department) => [department.id, department.name]));
    for (const row of rows)
      found.set(row.id, {
        id: row.id,
        name: row.name,
        avatarUrl: avatars.get(row.id) ?? null,
        departmentName: row.departmentId ? (departmentNames.get(row.departmentId) ?? null) : null,
      });
    return found;
  }

  async departmentBoard(staff: StaffPrincipal, query: ParsedBoardQuery): Promise<DepartmentBoardResponse> {
    const { organizationId } = staff;
    const { range, slice } = await this.rangeOf(organizationId, query);
    const departments = await this.scope.departmentsOf(organizationId);
    const shown = query.departmentId
      ? departmentSubtreeIds(departments, [
          (await this.scope.requireDepartment(organizationId, query.departmentId)).id,
        ])
      : departments.map((department) => department.id);
    const values = await this.reader.values(organizationId, slice, 'department', BOARD_METRICS, shown);
    const staffRows = await this.employees.find({
      select: { id: true, departmentId: true },
      where: { organizationId, status: Not('disabled') },
    });
    const byId = new Map(departments.map((department) => [department.id, department]));
    const ranked = rankSorted(
      shown
        .map((id) => ({ id, value: values.get(id)?.get(query.metric) ?? 0, name: byId.get(id)!.name }))
        .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, 'zh-CN')),
    );
    const rows = ranked.slice(query.offset, query.offset + query.limit).map((row) => {
      const subtree = departmentSubtreeIds(departments, [row.id]);
      return {
        rank: row.rank,
        department: { id: row.id, name: row.name, path: departmentPath(departments, row.id) },
        employeeCount: staffRows.filter(
          (member) => member.departmentId && subtree.includes(member.departmentId),
        ).length,
        value: row.value,
        metrics: figuresOf(values, row.id),
      };
    });
    return { range, metric: query.metric, rows };
  }

  async materialBoard(staff: StaffPrincipal, query: ParsedBoardQuery): Promise<MaterialBoardResponse> {
    const { range, slice } = await this.rangeOf(staff.organizationId, query);
    return {
      range,
      metric: query.metric,
      ...(await this.materialReturn(staff.organizationId, slice, [query.metric], query.limit, query.offset)),
    };
  }

  /** Materials ranked by `order` (the first metric decides, the next break ties): shares, views and what they produced. */
  private async materialReturn(
    organizationId: string,
    slice: Slice,
    order: BoardMetric[],
    limit: number,
    offset = 0,
  ) {
    const materials = await this.materials.find({
      select: { id: true, title: true, type: true, coverUrl: true },
      where: { organizationId, status: Not('draft') },
    });
    const values = await this.reader.values(organizationId, slice, 'material', BOARD_METRICS);
    const valueOf = (id: string, metric: BoardMetric) => values.get(id)?.get(metric) ?? 0;
    const sorted = materials
      .map((material) => ({ material, value: valueOf(material.id, order[0]!) }))
      .sort(
        (a, b) =>
          order
            .map((metric) => valueOf(b.material.id, metric) - valueOf(a.material.id, metric))
            .find((d) => d !== 0) ?? a.material.title.localeCompare(b.material.title, 'zh-CN'),
      );
    const rows = rankSorted(sorted)
      .slice(offset, offset + limit)
      .map((row) => ({
        rank: row.rank,
        material: {
          id: row.material.id,
          title: row.material.title,
          type: row.material.type,
          coverUrl: row.material.coverUrl,
        },
        value: row.value,
        metrics: figuresOf(values, row.material.id),
      }));
    return { total: materials.length, rows };
  }

  async chainBoard(
    staff: StaffPrincipal,
    query: BoardPeriodQuery & { period: BoardRange['period']; order: ChainOrder; limit: number },
  ): Promise<ChainBoardResponse> {
    const { range, slice } = await this.rangeOf(staff.organizationId, query);
    const chains = await this.chains(staff.organizationId, slice, null);
    return { range, order: query.order, rows: orderChains(chains, query.order).slice(0, query.limit) };
  }

  /** The most-forwarded chains of a period with their shape; `employeeIds` limits them to these root employees. */
  private async chains(
    organizationId: string,
    slice: Slice,
    employeeIds: Set<string> | null,
  ): Promise<ChainBoardRow[]> {
    const values = await this.reader.values(organizationId, slice, 'chain', [
      'forwards',
      'views',
      'visitors',
    ]);
    const candidates = [...values.entries()]
      .filter(([, figures]) => (figures.get('forwards') ?? 0) > 0)
      .sort(([, a], [, b]) => (b.get('forwards') ?? 0) - (a.get('forwards') ?? 0))
      .slice(0, CHAIN_CANDIDATES * (employeeIds ? 5 : 1))
      .map(([rootShareId]) => rootShareId);
    if (candidates.length === 0) return [];
    const trees = await this.shares.find({ where: { organizationId, rootShareId: In(candidates) } });
    const byRoot = new Map<string, Share[]>();
    for (const share of trees)
      byRoot.set(share.rootShareId, [...(byRoot.get(share.rootShareId) ?? []), share]);
    const roots = [...byRoot.values()]
      .map((tree) => tree.find((share) => share.depth === 0))
      .filter(
        (root): root is Share =>
          root !== undefined && (!employeeIds || employeeIds.has(root.creditedEmployeeId)),
      )
      .slice(0, CHAIN_CANDIDATES);
    const people = await this.people(organizationId, [
      ...new Set(trees.flatMap((share) => (share.sharerEmployeeId ? [share.sharerEmployeeId] : []))),
    ]);
    const visitorIds = [
      ...new Set(trees.flatMap((share) => (share.sharerVisitorId ? [share.sharerVisitorId] : []))),
    ];
    const visitors = visitorIds.length
      ? new Map(
          (await this.visitors.find({ select: { id: true, name: true }, where: { id: In(visitorIds) } })).map(
            (v) => [v.id, v],
          ),
        )
      : new Map<string, Visitor>();
    const titles = await this.targetTitles(organizationId, roots, people);
    return roots.map((root) => {
      const tree = byRoot.get(root.id)!;
      const byId = new Map(tree.map((share) => [share.id, share]));
      const levels = new Map<number, number>();
      for (const share of tree) levels.set(share.depth, (levels.get(share.depth) ?? 0) + 1);
      const deepest = tree.reduce((a, b) => (b.depth > a.depth ? b : a));
      const path: ChainBoardRow['path'] = [];
      for (
        let at: Share | undefined = deepest;
        at;
        at = at.parentShareId ? byId.get(at.parentShareId) : undefined
      ) {
        path.unshift(
          at.sharerEmployeeId
            ? { name: people.get(at.sharerEmployeeId)?.name ?? '', kind: 'employee', depth: at.depth }
            : {
                name: visitorDisplayName(
                  visitors.get(at.sharerVisitorId!) ?? { id: at.sharerVisitorId!, name: null },
                ),
                kind: 'visitor',
                depth: at.depth,
              },
        );
      }
      const figures = values.get(root.id)!;
      return {
        rootShareId: root.id,
        code: root.code,
        channel: root.channel,
        createdAt: root.createdAt.toISOString(),
        employee: { id: root.creditedEmployeeId, name: people.get(root.creditedEmployeeId)?.name ?? '' },
        target: { type: root.targetType, id: root.targetId, title: titles.get(root.targetId) ?? '' },
        depth: deepest.depth,
        width: Math.max(...levels.values()),
        forwards: figures.get('forwards') ?? 0,
        views: figures.get('views') ?? 0,
        visitors: figures.get('visitors') ?? 0,
        path,
      };
    });
  }

  private async targetTitles(organizationId: string, roots: Share[], people: Map<string, { name: string }>) {
    const idsOf = (type: Share['targetType']) =>
      roots.filter((root) => root.targetType === type).map((root) => root.targetId);
    const titles = new Map<string, string>();
    const materialIds = idsOf('material');
    const pageIds = idsOf('site_page');
    if (materialIds.length)
      for (const material of await this.materials.find({
        select: { id: true, title: true },
        where: { organizationId, id: In(materialIds) },
      }))
        titles.set(material.id, material.title);
    if (pageIds.length)
      for (const page of await this.sitePages.find({
        select: { id: true, title: true },
        where: { organizationId, id: In(pageIds) },
      }))
        titles.set(page.id, page.title);
    for (const root of roots.filter((share) => share.targetType === 'card'))
      titles.set(root.targetId, `${people.get(root.creditedEmployeeId)?.name ?? ''}的名片`);
    return titles;
  }

  async dashboard(
    staff: StaffPrincipal,
    query: BoardPeriodQuery & { period: BoardRange['period']; departmentId?: string | undefined },
  ): Promise<DashboardResponse> {
    const { organizationId } = staff;
    const subject = await this.scope.dashboardSubject(staff, query.departmentId);
    const { range, slice } = await this.rangeOf(organizationId, query);
    const previous = previousRange(range);
    const today = (await this.rangeOf(organizationId, { period: 'today' })).range.to;
    const channelMetrics = DASHBOARD_CHANNELS.flatMap(
      (channel) => [`shares.${channel}`, `views.${channel}`] as RollupMetric[],
    );
    const days = daysBetween(range.from, range.to);
    const [current, before, trendRows, materials, chains] = await Promise.all([
      this.reader.values(
        organizationId,
        slice,
        subject.kind,
        [...BOARD_METRICS, 'act', ...channelMetrics],
        [subject.id],
      ),
      this.reader.values(organizationId, rollupSlice(previous, today), subject.kind, BOARD_METRICS, [
        subject.id,
      ]),
      this.reader.days(organizationId, days, subject.kind, subject.id, [
        'shares',
        'views',
        'visitors',
        'leads',
      ]),
      this.materialReturn(organizationId, slice, ['leads', 'views'], 5),
      this.chains(organizationId, slice, await this.employeesOf(organizationId, subject)),
    ]);
    const totals = figuresOf(current, subject.id);
    const figure = (metric: RollupMetric) => current.get(subject.id)?.get(metric) ?? 0;
    const stages = {
      reach: totals.visitors,
      act: figure('act'),
      convert: totals.leads,
      engage: totals.customers,
    };
    return {
      range,
      totals,
      previousTotals: figuresOf(before, subject.id),
      trend: days.map((day) => {
        const row = trendRows.get(day);
        return {
          day,
          shares: row?.get('shares') ?? 0,
          views: row?.get('views') ?? 0,
          visitors: row?.get('visitors') ?? 0,
          leads: row?.get('leads') ?? 0,
        };
      }),
      funnel: FUNNEL_STAGES.map((stage, index) => {
        const before = index > 0 ? stages[FUNNEL_STAGES[index - 1]!] : 0;
        return {
          stage,
          label: FUNNEL_STAGE_LABELS[stage],
          value: stages[stage],
          rate: index > 0 && before > 0 ? Math.round((stages[stage] / before) * 10_000) / 10_000 : null,
        };
      }),
      topMaterials: materials.rows,
      topChains: {
        deepest: orderChains(chains, 'deepest').slice(0, 3),
        widest: orderChains(chains, 'widest').slice(0, 3),
      },
      channels: DASHBOARD_CHANNELS.map((channel) => ({
        channel,
        label: DASHBOARD_CHANNEL_LABELS[channel],
        shares: figure(`shares.${channel}`),
        views: figure(`views.${channel}`),
      })),
    };
  }

  /** The employees whose chains a dashboard shows: a department's members, or everyone's (null). */
  private async employeesOf(organizationId: string, subject: ScopeSubject): Promise<Set<string> | null> {
    if (subject.kind === 'organization') return null;
    const subtree = departmentSubtreeIds(await this.scope.departmentsOf(organizationId), [subject.id]);
    return new Set(await this.scope.membersOf(organizationId, subtree));
  }

  async live(staff: StaffPrincipal, departmentId: string | undefined): Promise<DashboardLive> {
    const subject = await this.scope.dashboardSubject(staff, departmentId);
    const { range, slice } = await this.rangeOf(staff.organizationId, { period: 'today' });
    const values = await this.reader.values(
      staff.organizationId,
      slice,
      subject.kind,
      ['shares', 'views', 'visitors', 'leads'],
      [subject.id],
    );
    const figures = figuresOf(values, subject.id);
    return {
      day: range.from,
      shares: figures.shares,
      views: figures.views,
      visitors: figures.visitors,
      leads: figures.leads,
      updatedAt: new Date().toISOString(),
    };
  }
}

function orderChains(chains: readonly ChainBoardRow[], order: ChainOrder): ChainBoardRow[] {
  const key = (chain: ChainBoardRow) =>
    order === 'deepest' ? [chain.depth, chain.width] : [chain.width, chain.depth];
  return [...chains].sort((a, b) => {
    const [a1, a2] = key(a);
    const [b1, b2] = key(b);
    return b1! - a1! || b2! - a2! || b.views - a.views;
  });
}
