/** Leaderboards and the dashboard (issue 5): what managers decide from. Contract: BOARDS-API.md. */
import { z } from 'zod';
import type { MaterialType, TargetType, ViewVerdict } from './events';
import type { LeadStage } from './scoring';

export const BOARD_METRICS = [
  'shares',
  'views',
  'visitors',
  'forwards',
  'leads',
  'mqls',
  'sqls',
  'customers',
] as const;
export type BoardMetric = (typeof BOARD_METRICS)[number];

export const BOARD_METRIC_LABELS: Record<BoardMetric, string> = {
  shares: '分享',
  views: '浏览',
  visitors: '访客',
  forwards: '转发',
  leads: '新线索',
  mqls: 'MQL',
  sqls: 'SQL',
  customers: '成交客户',
};

export const BOARD_PERIODS = ['today', 'yesterday', 'week', 'month', 'custom'] as const;
export type BoardPeriod = (typeof BOARD_PERIODS)[number];

export const BOARD_PERIOD_LABELS: Record<BoardPeriod, string> = {
  today: '今日',
  yesterday: '昨日',
  week: '本周',
  month: '本月',
  custom: '自定义',
};

/** A custom range may span at most this many days (a year, leap day included). */
export const MAX_CUSTOM_RANGE_DAYS = 366;

/** Org-time-zone calendar days, inclusive. */
export interface BoardRange {
  period: BoardPeriod;
  from: string;
  to: string;
  timeZone: string;
}

const daySchema = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });

/** Days between two `YYYY-MM-DD` strings, counting both ends. */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

const periodFields = {
  period: z.enum(BOARD_PERIODS, { message: '统计周期无效' }).default('month'),
  from: daySchema.optional(),
  to: daySchema.optional(),
};

/** Custom needs both ends, in order, at most a year apart. */
function checkCustomRange(
  query: { period: BoardPeriod; from?: string | undefined; to?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (query.period !== 'custom') return;
  if (query.from === undefined || query.to === undefined) {
    ctx.addIssue({ code: 'custom', path: ['from'], message: '自定义周期需要开始和结束日期' });
    return;
  }
  const days = daysInRange(query.from, query.to);
  if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' });
  else if (days > MAX_CUSTOM_RANGE_DAYS)
    ctx.addIssue({ code: 'custom', path: ['to'], message: `自定义周期最长 ${MAX_CUSTOM_RANGE_DAYS} 天` });
}

export const boardPeriodQuerySchema = z.object(periodFields).superRefine(checkCustomRange);
export type BoardPeriodQuery = z.input<typeof boardPeriodQuerySchema>;

export const boardQuerySchema = z
  .object({
    metric: z.enum(BOARD_METRICS, { message: '指标无效' }).default('views'),
    ...periodFields,
    departmentId: z.uuid({ message: '部门无效' }).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .superRefine(checkCustomRange);
export type BoardQuery = z.input<typeof boardQuerySchema>;
export type ParsedBoardQuery = z.output<typeof boardQuerySchema>;

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const boardExportQuerySchema = z
  .object({
    metric: z.enum(BOARD_METRICS, { message: '指标无效' }).default('views'),
    ...periodFields,
    departmentId: z.uuid({ message: '部门无效' }).optional(),
    format: z.enum(EXPORT_FORMATS, { message: '导出格式应为 csv 或 xlsx' }).default('xlsx'),
  })
  .superRefine(checkCustomRange);
export type BoardExportQuery = z.input<typeof boardExportQuerySchema>;

export type BoardMetrics = Record<BoardMetric, number>;

export interface EmployeeBoardRow {
  rank: number;
  employee: { id: string; name: string; avatarUrl: string | null; departmentName: string | null };
  value: number;
  metrics: BoardMetrics;
}

/** The caller's place: what it takes to pass the next one up (null when first). */
export interface MyStanding {
  rank: number;
  value: number;
  total: number;
  gapToNext: number | null;
  next: { name: string; value: number } | null;
}

export interface EmployeeBoardResponse {
  range: BoardRange;
  metric: BoardMetric;
  /** Employees on the board (the filtered department's, or the whole organization's). */
  total: number;
  rows: EmployeeBoardRow[];
  me: MyStanding | null;
}

export interface DepartmentBoardRow {
  rank: number;
  department: { id: string; name: string; path: string[] };
  employeeCount: number;
  value: number;
  metrics: BoardMetrics;
}

export interface DepartmentBoardResponse {
  range: BoardRange;
  metric: BoardMetric;
  rows: DepartmentBoardRow[];
}

export interface MaterialBoardRow {
  rank: number;
  material: { id: string; title: string; type: MaterialType; coverUrl: string | null };
  value: number;
  metrics: BoardMetrics;
}

export interface MaterialBoardResponse {
  range: BoardRange;
  metric: BoardMetric;
  total: number;
  rows: MaterialBoardRow[];
}

export const CHAIN_ORDERS = ['deepest', 'widest'] as const;
export type ChainOrder = (typeof CHAIN_ORDERS)[number];

export const chainBoardQuerySchema = z
  .object({
    ...periodFields,
    order: z.enum(CHAIN_ORDERS, { message: '排序方式无效' }).default('deepest'),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .superRefine(checkCustomRange);
export type ChainBoardQuery = z.input<typeof chainBoardQuerySchema>;

export interface ChainBoardRow {
  rootShareId: string;
  code: string;
  channel: string;
  createdAt: string;
  employee: { id: string; name: string };
  target: { type: TargetType; id: string; title: string };
  /** The deepest level of the tree (the root share is level 0). */
  depth: number;
  /** The most shares on one level. */
  width: number;
  forwards: number;
  views: number;
  visitors: number;
  /** The re-sharers along the deepest branch, root first. */
  path: { name: string; kind: 'employee' | 'visitor'; depth: number }[];
}

export interface ChainBoardResponse {
  range: BoardRange;
  order: ChainOrder;
  rows: ChainBoardRow[];
}

export const dashboardQuerySchema = z
  .object({ ...periodFields, departmentId: z.uuid({ message: '部门无效' }).optional() })
  .superRefine(checkCustomRange);
export type DashboardQuery = z.input<typeof dashboardQuerySchema>;

export const dashboardExportQuerySchema = z
  .object({
    ...periodFields,
    departmentId: z.uuid({ message: '部门无效' }).optional(),
    format: z.enum(EXPORT_FORMATS, { message: '导出格式应为 csv 或 xlsx' }).default('xlsx'),
  })
  .superRefine(checkCustomRange);
export type DashboardExportQuery = z.input<typeof dashboardExportQuerySchema>;

export const FUNNEL_STAGES = ['reach', 'act', 'convert', 'engage'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export const FUNNEL_STAGE_LABELS = {
  reach: '触达',
  act: '激活',
  convert: '转化',
  engage: '成交',
} as const satisfies Record<FunnelStage, string>;

export const DASHBOARD_CHANNELS = ['chat', 'group', 'moments', 'poster', 'link', 'site'] as const;
export type DashboardChannel = (typeof DASHBOARD_CHANNELS)[number];
export const DASHBOARD_CHANNEL_LABELS: Record<DashboardChannel, string> = {
  chat: '好友聊天',
  group: '微信群',
  moments: '朋友圈',
  poster: '海报',
  link: '链接',
  site: '官网',
};

export interface DashboardTrendPoint {
  day: string;
  shares: number;
  views: number;
  visitors: number;
  leads: number;
}

export interface FunnelStep {
  stage: FunnelStage;
  label: (typeof FUNNEL_STAGE_LABELS)[FunnelStage];
  value: number;
  /** value / the previous stage's value; null for reach or when the previous stage is 0. */
  rate: number | null;
}

export interface DashboardResponse {
  range: BoardRange;
  totals: BoardMetrics;
  /** The same figures over the period just before (same length). */
  previousTotals: BoardMetrics;
  trend: DashboardTrendPoint[];
  funnel: FunnelStep[];
  topMaterials: MaterialBoardRow[];
  topChains: { deepest: ChainBoardRow[]; widest: ChainBoardRow[] };
  channels: { channel: DashboardChannel; label: string; shares: number; views: number }[];
}

export interface DashboardLive {
  day: string;
  shares: number;
  views: number;
  visitors: number;
  leads: number;
  updatedAt: string;
}

export const BOARD_EVENT_REASONS: Record<ViewVerdict, string> = {
  counted: '计入',
  self: '本人浏览',
  colleague: '同事浏览',
  bot: '机器人',
  repeat: '30分钟内重复',
};

export const boardEventsQuerySchema = z
  .object({
    metric: z.enum(BOARD_METRICS, { message: '指标无效' }).default('views'),
    ...periodFields,
    employeeId: z.uuid({ message: '员工无效' }).optional(),
    departmentId: z.uuid({ message: '部门无效' }).optional(),
    materialId: z.uuid({ message: '物料无效' }).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .superRefine(checkCustomRange)
  .superRefine((query, ctx) => {
    const subjects = [query.employeeId, query.departmentId, query.materialId].filter(
      (id) => id !== undefined,
    );
    if (subjects.length > 1)
      ctx.addIssue({ code: 'custom', path: ['employeeId'], message: '员工、部门、物料只能选一个' });
  });
export type BoardEventsQuery = z.input<typeof boardEventsQuerySchema>;

export interface BoardEventItem {
  id: string;
  kind: 'event' | 'lead';
  type: string;
  at: string;
  counted: boolean;
  verdict: ViewVerdict | null;
  reason: string;
  visitorLabel: string;
  target: { type: TargetType; id: string; title: string } | null;
  channel: string | null;
  lead?: { id: string; name: string; stage: LeadStage };
}

export interface BoardEventsResponse {
  summary: { counted: number; excluded: { self: number; colleague: number; bot: number; repeat: number } };
  items: BoardEventItem[];
  nextCursor: string | null;
}

export const CREDIT_SPLITS = ['root', 'chain'] as const;
export type CreditSplit = (typeof CREDIT_SPLITS)[number];
export const CREDIT_SPLIT_LABELS: Record<CreditSplit, string> = {
  root: '全部记给发起分享的员工',
  chain: '在转发链上的员工之间平分',
};

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export const boardSettingsSchema = z.object({
  timeZone: z
    .string()
    .trim()
    .min(1, '请填写时区')
    .max(64)
    .refine(isValidTimeZone, { message: '时区无效（应为 IANA 时区，如 Asia/Shanghai）' }),
  creditSplit: z.enum(CREDIT_SPLITS, { message: '分成方式无效' }),
});
export type BoardSettings = z.output<typeof boardSettingsSchema>;
export type BoardSettingsInput = z.input<typeof boardSettingsSchema>;

export const DEFAULT_BOARD_SETTINGS: BoardSettings = { timeZone: 'Asia/Shanghai', creditSplit: 'root' };

export const REBUILD_STATES = ['idle', 'running', 'failed'] as const;
export type RebuildState = (typeof REBUILD_STATES)[number];

export interface RebuildProgress {
  state: RebuildState;
  processed: number;
  total: number;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface BoardSettingsResponse extends BoardSettings {
  rebuild: RebuildProgress;
}
