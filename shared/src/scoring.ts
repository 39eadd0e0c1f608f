/**
 * Lead scoring and intent signals (domain.md, "Scoring and signals"): pure functions of a visitor's events,
 * a configuration and the current time, so the server, a re-score job and the tests all get the same answer.
 */
import { z } from 'zod';
import {
  CARD_ACTIONS,
  EVENT_TYPES,
  MATERIAL_TYPES,
  SCROLL_DEPTHS,
  TARGET_TYPES,
  VIDEO_PROGRESS,
  type EventType,
  type MaterialType,
  type TargetType,
  type ViewVerdict,
} from './events';

export const LEAD_STAGES = ['visitor', 'mql', 'sql', 'customer', 'lost'] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];

export const LEAD_STAGE_LABELS: Record<LeadStage, string> = {
  visitor: '访客',
  mql: 'MQL',
  sql: 'SQL',
  customer: '客户',
  lost: '已流失',
};

/** The stages scoring can reach by itself; `customer` and `lost` are set by people. */
export type ScoredStage = 'visitor' | 'mql' | 'sql';
const SCORED_ORDER: ScoredStage[] = ['visitor', 'mql', 'sql'];

const ruleIdSchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be lower-case letters, digits or "_"');
const labelSchema = z.string().trim().min(1, 'is required').max(40);

/** What a rule or a signal step looks for: an event type, optionally narrowed by what it was about. */
export const eventMatchSchema = z.object({
  type: z.enum(EVENT_TYPES),
  targetType: z.enum(TARGET_TYPES).optional(),
  materialType: z.enum(MATERIAL_TYPES).optional(),
  /** Clicks: which button. */
  action: z.enum(CARD_ACTIONS).optional(),
  /** Video events: played or watched to the end. */
  progress: z.enum(VIDEO_PROGRESS).optional(),
  /** Scroll events: at least this deep. */
  minDepth: z.union(SCROLL_DEPTHS.map((depth) => z.literal(depth))).optional(),
  /** Official-site pages under this path, e.g. "/products/". */
  pathPrefix: z
    .string()
    .regex(/^\/[^\s]{0,99}$/, 'must be a path starting with "/"')
    .optional(),
});
export type EventMatch = z.infer<typeof eventMatchSchema>;

export const scoreRuleSchema = z.object({
  id: ruleIdSchema,
  label: labelSchema,
  match: eventMatchSchema,
  points: z.number().int().min(-100).max(100),
  /** Dwell rules: a visit scores once, when its time on the page reaches this many seconds. */
  minVisitSeconds: z.number().int().min(1).max(3600).optional(),
  /** At most this many scoring events per day (in the organization's time zone), so refreshing earns nothing. */
  maxPerDay: z.number().int().min(1).max(100).optional(),
});
export type ScoreRule = z.infer<typeof scoreRuleSchema>;

export const signalRuleSchema = z.object({
  id: ruleIdSchema,
  label: labelSchema,
  /** Every step must be met by events no further apart than `windowMinutes`. */
  steps: z
    .array(z.object({ match: eventMatchSchema, atLeast: z.number().int().min(1).max(20) }))
    .min(1, 'needs at least one step')
    .max(5),
  windowMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60),
  /** The stage a firing moves the lead to (never backwards). */
  raiseTo: z.enum(['mql', 'sql']).optional(),
  tag: z.string().trim().min(1, 'is required').max(20),
});
export type SignalRule = z.infer<typeof signalRuleSchema>;

export const scoringConfigSchema = z
  .object({
    rules: z.array(scoreRuleSchema).max(50),
    signals: z.array(signalRuleSchema).max(20),
    /** Points lose half their weight every this many days. */
    halfLifeDays: z.number().min(1).max(365),
    mqlThreshold: z.number().int().min(1).max(10_000),
    sqlThreshold: z.number().int().min(1).max(10_000),
    /** The organization's offset from UTC, for "per day" caps (Asia/Shanghai: +480, no daylight saving). */
    utcOffsetMinutes: z.number().int().min(-720).max(840).default(480),
  })
  .refine((config) => config.sqlThreshold > config.mqlThreshold, {
    path: ['sqlThreshold'],
    message: 'must be above mqlThreshold',
  })
  .refine((config) => new Set(config.rules.map((rule) => rule.id)).size === config.rules.length, {
    path: ['rules'],
    message: 'rule ids must be unique',
  });
export type ScoringConfig = z.output<typeof scoringConfigSchema>;

/** A visitor's event as scoring sees it (a prospect's: staff and bots never have a visitor). */
export interface ScoringEvent {
  id: string;
  type: EventType;
  targetType: TargetType;
  /** Set for material targets. */
  materialType: MaterialType | null;
  /** The view an action belongs to; a view is its own visit. */
  visitId: string | null;
  /** Views only: a repeat within 30 minutes earns no points (it still counts toward signals). */
  verdict: ViewVerdict | null;
  props: Record<string, string | number | boolean | null> | null;
  occurredAt: Date;
}

export interface RuleContribution {
  ruleId: string;
  label: string;
  occurrences: number;
  /** Before decay: the rule's points times the occurrences that earned them. */
  undecayedPoints: number;
  /** After decay, to one decimal. */
  points: number;
}

export interface ScoreResult {
  score: number;
  /** Why the score is what it is (PIPL art. 24): each rule that fired, biggest share first. */
  contributions: RuleContribution[];
  stage: ScoredStage;
}

export interface SignalFiring {
  signalId: string;
  label: string;
  tag: string;
  raiseTo: 'mql' | 'sql' | null;
  firedAt: Date;
  /** The events that made it fire. */
  eventIds: string[];
}

const DAY_MS = 86_400_000;

export function matchesEvent(match: EventMatch, event: ScoringEvent): boolean {
  if (match.type !== event.type) return false;
  if (match.targetType && match.targetType !== event.targetType) return false;
  if (match.materialType && match.materialType !== event.materialType) return false;
  const props = event.props ?? {};
  if (match.action && props.action !== match.action) return false;
  if (match.progress && props.progress !== match.progress) return false;
  if (match.minDepth && !(typeof props.depth === 'number' && props.depth >= match.minDepth)) return false;
  if (match.pathPrefix && !(typeof props.path === 'string' && props.path.startsWith(match.pathPrefix)))
    return false;
  return true;
}

/** Oldest first; the id breaks ties so the same events in any order give the same answer. */
export function inOccurrenceOrder(
  a: { occurredAt: Date; id: string },
  b: { occurredAt: Date; id: string },
): number {
  return a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function chronological(events: readonly ScoringEvent[], now: Date): ScoringEvent[] {
  return events.filter((event) => event.occurredAt.getTime() <= now.getTime()).sort(inOccurrenceOrder);
}

function localDay(at: Date, utcOffsetMinutes: number): number {
  return Math.floor((at.getTime() + utcOffsetMinutes * 60_000) / DAY_MS);
}

export function stageForScore(score: number, config: Pick<ScoringConfig, 'mqlThreshold' | 'sqlThreshold'>) {
  if (score >= config.sqlThreshold) return 'sql';
  if (score >= config.mqlThreshold) return 'mql';
  return 'visitor';
}

/**
 * The visitor's score now. Events in the future (a client clock ahead of ours) wait until their time. Every
 * matching rule adds its points, decayed by the event's age.
 */
export function scoreEvents(events: readonly ScoringEvent[], config: ScoringConfig, now: Date): ScoreResult {
  const contributions = new Map<string, RuleContribution>();
  const perDay = new Map<string, number>();
  const visitSeconds = new Map<string, number>();
  const scoredVisits = new Set<string>();
  const halfLifeMs = config.halfLifeDays * DAY_MS;

  for (const event of chronological(events, now)) {
    if (event.type === 'dwell' && event.visitId) {
      const seconds = typeof event.props?.seconds === 'number' ? event.props.seconds : 0;
      visitSeconds.set(event.visitId, (visitSeconds.get(event.visitId) ?? 0) + seconds);
    }
    for (const rule of config.rules) {
      if (!matchesEvent(rule.match, event)) continue;
      if (event.type === 'view' && event.verdict !== 'counted') continue;
      if (rule.minVisitSeconds !== undefined) {
        const visitKey = `${rule.id}:${event.visitId}`;
        if (!event.visitId || scoredVisits.has(visitKey)) continue;
        if ((visitSeconds.get(event.visitId) ?? 0) < rule.minVisitSeconds) continue;
        scoredVisits.add(visitKey);
      }
      if (rule.maxPerDay !== undefined) {
        const dayKey = `${rule.id}:${localDay(event.occurredAt, config.utcOffsetMinutes)}`;
        const used = perDay.get(dayKey) ?? 0;
        if (used >= rule.maxPerDay) continue;
        perDay.set(dayKey, used + 1);
      }
      const age = now.getTime() - event.occurredAt.getTime();
      const points = rule.points * 0.5 ** (age / halfLifeMs);
      const contribution = contributions.get(rule.id) ?? {
        ruleId: rule.id,
        label: rule.label,
        occurrences: 0,
        undecayedPoints: 0,
        points: 0,
      };
      contribution.occurrences += 1;
      contribution.undecayedPoints += rule.points;
      contribution.points += points;
      contributions.set(rule.id, contribution);
    }
  }

  const listed = [...contributions.values()]
    .map((contribution) => ({ ...contribution, points: Math.round(contribution.points * 10) / 10 }))
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || a.ruleId.localeCompare(b.ruleId));
  const score = Math.max(0, Math.round([...contributions.values()].reduce((sum, c) => sum + c.points, 0)));
  return { score, contributions: listed, stage: stageForScore(score, config) };
}

/**
 * Where each signal fired: at the first event by which every step is met within the window (both ends
 * included). After a firing, only later events can fire that signal again.
 */
export function detectSignals(
  events: readonly ScoringEvent[],
  signals: readonly SignalRule[],
  now: Date,
): SignalFiring[] {
  const ordered = chronological(events, now);
  const firings: SignalFiring[] = [];
  for (const signal of signals) {
    const windowMs = signal.windowMinutes * 60_000;
    let firstEligible = 0;
    for (let last = 0; last < ordered.length; last += 1) {
      const end = ordered[last]!;
      if (!signal.steps.some((step) => matchesEvent(step.match, end))) continue;
      const inWindow = ordered
        .slice(firstEligible, last + 1)
        .filter((event) => end.occurredAt.getTime() - event.occurredAt.getTime() <= windowMs);
      const used = new Set<string>();
      const met = signal.steps.every((step) => {
        const matching = inWindow.filter((event) => matchesEvent(step.match, event));
        matching.slice(-step.atLeast).forEach((event) => used.add(event.id));
        return matching.length >= step.atLeast;
      });
      if (!met) continue;
      firings.push({
        signalId: signal.id,
        label: signal.label,
        tag: signal.tag,
        raiseTo: signal.raiseTo ?? null,
        firedAt: end.occurredAt,
        eventIds: inWindow.filter((event) => used.has(event.id)).map((event) => event.id),
      });
      firstEligible = last + 1;
    }
  }
  return firings.sort(
    (a, b) => a.firedAt.getTime() - b.firedAt.getTime() || a.signalId.localeCompare(b.signalId),
  );
}

/** Scoring and signals move a lead forward only; people set `customer` and `lost`, and scoring leaves those alone. */
export function advanceStage(current: LeadStage, reached: ScoredStage): LeadStage {
  if (current === 'customer' || current === 'lost') return current;
  return SCORED_ORDER.indexOf(reached) > SCORED_ORDER.indexOf(current) ? reached : current;
}

/** What a new organization starts with; admins tune it. */
export const DEFAULT_SCORING_CONFIG: ScoringConfig = {
  halfLifeDays: 14,
  mqlThreshold: 30,
  sqlThreshold: 60,
  utcOffsetMinutes: 480,
  rules: [
    {
      id: 'view_card',
      label: '查看名片',
      match: { type: 'view', targetType: 'card' },
      points: 2,
      maxPerDay: 3,
    },
    {
      id: 'view_article',
      label: '阅读文章',
      match: { type: 'view', materialType: 'article' },
      points: 3,
      maxPerDay: 5,
    },
    {
      id: 'view_poster',
      label: '查看海报',
      match: { type: 'view', materialType: 'poster' },
      points: 2,
      maxPerDay: 5,
    },
    {
      id: 'view_video',
      label: '打开视频',
      match: { type: 'view', materialType: 'video' },
      points: 3,
      maxPerDay: 5,
    },
    {
      id: 'view_product',
      label: '浏览产品页',
      match: { type: 'view', materialType: 'product' },
      points: 6,
      maxPerDay: 5,
    },
    {
      id: 'view_site',
      label: '访问官网页面',
      match: { type: 'view', targetType: 'site_page' },
      points: 3,
      maxPerDay: 5,
    },
    {
      id: 'long_visit',
      label: '停留超过 60 秒',
      match: { type: 'dwell' },
      minVisitSeconds: 60,
      points: 5,
      maxPerDay: 5,
    },
    {
      id: 'read_to_end',
      label: '读完全文',
      match: { type: 'scroll', minDepth: 100 },
      points: 4,
      maxPerDay: 5,
    },
    {
      id: 'video_complete',
      label: '看完视频',
      match: { type: 'video', progress: 'complete' },
      points: 6,
      maxPerDay: 3,
    },
    { id: 'click_call', label: '拨打电话', match: { type: 'click', action: 'call' }, points: 10 },
    { id: 'click_wechat', label: '复制微信号', match: { type: 'click', action: 'copy_wechat' }, points: 8 },
    { id: 'save_contact', label: '保存名片', match: { type: 'click', action: 'save_contact' }, points: 8 },
    { id: 'click_consult', label: '点击咨询', match: { type: 'click', action: 'consult' }, points: 12 },
    {
      id: 'open_site',
      label: '打开官网',
      match: { type: 'click', action: 'open_site' },
      points: 3,
      maxPerDay: 3,
    },
    { id: 'forward', label: '转发给他人', match: { type: 'forward' }, points: 6, maxPerDay: 3 },
    { id: 'consult', label: '提交咨询', match: { type: 'consult' }, points: 20 },
    { id: 'form_submit', label: '提交表单', match: { type: 'form_submit' }, points: 25 },
  ],
  signals: [
    {
      id: 'strong_intent',
      label: '30 分钟内两次浏览产品页并点击咨询',
      steps: [
        { match: { type: 'view', materialType: 'product' }, atLeast: 2 },
        { match: { type: 'click', action: 'consult' }, atLeast: 1 },
      ],
      windowMinutes: 30,
      raiseTo: 'sql',
      tag: '强意向',
    },
    {
      id: 'site_strong_intent',
      label: '30 分钟内两次浏览官网产品页并提交咨询',
      steps: [
        { match: { type: 'view', targetType: 'site_page', pathPrefix: '/products/' }, atLeast: 2 },
        { match: { type: 'form_submit' }, atLeast: 1 },
      ],
      windowMinutes: 30,
      raiseTo: 'sql',
      tag: '强意向',
    },
  ],
};
