/**
 * What the leaderboards and the dashboard count, as pure functions: which rollup figures an event or a lead's
 * stage change adds to, in which periods of the organization's time zone, and who gets the credit. The server
 * applies them on ingest and in the rebuild, so both produce the same rollups by construction.
 */
import type { BoardMetric, BoardPeriod, BoardRange, CreditSplit, DashboardChannel } from './api-boards';
import type { EventType, ShareChannel, TargetType, Touchpoint } from './events';
import type { LeadStage } from './scoring';

/** Rollup rows are kept per day, per ISO week (starting Monday, keyed by its Monday) and per month. */
export const ROLLUP_PERIODS = ['day', 'week', 'month'] as const;
export type RollupPeriod = (typeof ROLLUP_PERIODS)[number];

/** A chain is a share tree, keyed by its root share: only its forwards, views and visitors are kept. */
export const ROLLUP_SUBJECTS = ['organization', 'department', 'employee', 'material', 'chain'] as const;
export type RollupSubject = (typeof ROLLUP_SUBJECTS)[number];

/** Board metrics plus what only the dashboard reads: 'act' (funnel) and the channel mix. */
export type RollupMetric = BoardMetric | 'act' | `shares.${DashboardChannel}` | `views.${DashboardChannel}`;

/** Metrics counted as distinct visitors over a range, never summed over days. */
export const DISTINCT_METRICS = ['visitors', 'act'] as const satisfies readonly RollupMetric[];
export type DistinctMetric = (typeof DISTINCT_METRICS)[number];
export const isDistinctMetric = (metric: RollupMetric): metric is DistinctMetric =>
  (DISTINCT_METRICS as readonly string[]).includes(metric);

/** Actions beyond viewing that make a visitor 'active' in the funnel (激活). */
const ACTING_EVENTS: readonly EventType[] = ['click', 'forward', 'consult', 'form_submit'];

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (`YYYY-MM-DD`) of an instant in an IANA time zone. */
export function dayOf(at: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA formats dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format.format(at);
}

const utcDay = (day: string) => new Date(`${day}T00:00:00Z`);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** `day` moved by `days` calendar days. */
export function addDays(day: string, days: number): string {
  const date = utcDay(day);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDay(date);
}

/** The Monday starting the ISO week of `day`. */
export function weekOf(day: string): string {
  const weekday = (utcDay(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(day, -weekday);
}

/** `YYYY-MM` of `day`. */
export const monthOf = (day: string): string => day.slice(0, 7);

/** Per time zone, the keys of the last minute asked for: a batch of events mostly falls in the same minute. */
const lastMinuteKeys = new Map<string, { minute: number; keys: Readonly<Record<RollupPeriod, string>> }>();

/** The key of each rollup period an instant falls in (every time zone's offset is whole minutes). */
export function periodKeysOf(at: Date, timeZone: string): Readonly<Record<RollupPeriod, string>> {
  const minute = Math.floor(at.getTime() / 60_000);
  const last = lastMinuteKeys.get(timeZone);
  if (last?.minute === minute) return last.keys;
  const day = dayOf(at, timeZone);
  const keys = { day, week: weekOf(day), month: monthOf(day) };
  lastMinuteKeys.set(timeZone, { minute, keys });
  return keys;
}

/** Every day from `from` to `to`, inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The offset of `timeZone` from UTC at `at`, in milliseconds. */
function zoneOffsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const field = (type: string) => Number(parts.find((part) => part.type === type)!.value);
  const local = Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
  return local - Math.floor(at.getTime() / 1000) * 1000;
}

/** The first instant of `day` in `timeZone` (a day starting inside a DST gap starts when the clock jumps). */
export function startOfDay(day: string, timeZone: string): Date {
  const midnightUtc = utcDay(day).getTime();
  let guess = midnightUtc - zoneOffsetMs(new Date(midnightUtc), timeZone);
  // The offset at the guess can differ from the one at UTC midnight across a DST change: settle it.
  guess = midnightUtc - zoneOffsetMs(new Date(guess), timeZone);
  return new Date(dayOf(new Date(guess), timeZone) === day ? guess : guess + 3_600_000);
}

/** The instants [start, end) a range of calendar days covers in its time zone. */
export function rangeInstants(range: Pick<BoardRange, 'from' | 'to' | 'timeZone'>): {
  start: Date;
  end: Date;
} {
  return {
    start: startOfDay(range.from, range.timeZone),
    end: startOfDay(addDays(range.to, 1), range.timeZone),
  };
}

/** The calendar days a board period covers on `now`'s day in `timeZone`. */
export function resolveRange(
  query: { period: BoardPeriod; from?: string | undefined; to?: string | undefined },
  now: Date,
  timeZone: string,
): BoardRange {
  const today = dayOf(now, timeZone);
  const range = (from: string, to: string): BoardRange => ({ period: query.period, from, to, timeZone });
  switch (query.period) {
    case 'today':
      return range(today, today);
    case 'yesterday':
      return range(addDays(today, -1), addDays(today, -1));
    case 'week':
      return range(weekOf(today), today);
    case 'month':
      return range(`${monthOf(today)}-01`, today);
    case 'custom':
      return range(query.from!, query.to!);
  }
}

/** The same number of days just before `range` (the dashboard's comparison). */
export function previousRange(range: BoardRange): BoardRange {
  const length = daysBetween(range.from, range.to).length;
  return { ...range, from: addDays(range.from, -length), to: addDays(range.from, -1) };
}

/**
 * How a range is read from rollups: a week or month from its first day to its last (or to `today`, when no
 * later rows exist yet) reads that period's row, one per subject; anything else sums (or, for distinct
 * metrics, counts distinct over) its day rows.
 */
export function rollupSlice(range: BoardRange, today: string): { period: RollupPeriod; keys: string[] } {
  const coversTail = (last: string) => range.to === last || (range.to === today && today < last);
  const week = weekOf(range.from);
  if (range.from === week && coversTail(addDays(week, 6))) return { period: 'week', keys: [week] };
  const month = monthOf(range.from);
  if (range.from === `${month}-01` && coversTail(lastDayOfMonth(month)))
    return { period: 'month', keys: [month] };
  return { period: 'day', keys: daysBetween(range.from, range.to) };
}

function lastDayOfMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return isoDay(new Date(Date.UTC(year, monthNumber, 0)));
}

/** A share as the rollups need it. */
export interface RollupShare {
  id: string;
  channel: ShareChannel;
  depth: number;
  /** Employees who shared along the chain from the root to this share, root first, each once. */
  chainEmployeeIds: string[];
}

/** An event as the rollups need it (the server's TrackedEvent fits). */
export interface RollupEvent {
  type: EventType;
  counted: boolean;
  targetType: TargetType;
  targetId: string;
  shareId: string | null;
  visitorId: string | null;
  actorEmployeeId: string | null;
  creditedEmployeeId: string | null;
  touchpoint: Touchpoint;
}

export interface Credit {
  employeeId: string;
  weight: number;
}

/** The root employee gets all, or the employees on the chain split it evenly (customers get none). */
export function splitCredit(
  rootEmployeeId: string | null,
  chainEmployeeIds: readonly string[],
  split: CreditSplit,
): Credit[] {
  if (split === 'chain' && chainEmployeeIds.length > 0) {
    const weight = 1 / chainEmployeeIds.length;
    return chainEmployeeIds.map((employeeId) => ({ employeeId, weight }));
  }
  return rootEmployeeId ? [{ employeeId: rootEmployeeId, weight: 1 }] : [];
}

/** The dashboard's channel of an event: its share's channel (QR codes are printed, like posters), or the site. */
export function channelOf(share: RollupShare | null, touchpoint: Touchpoint): DashboardChannel | null {
  if (share) return share.channel === 'qrcode' ? 'poster' : share.channel;
  return touchpoint === 'site' ? 'site' : null;
}

/**
 * One thing an event adds: `amount` to `metric` for the credited employees (or, when `employees` is 'actor',
 * for the employee who acted), the organization and the material. Distinct metrics add the visitor instead.
 */
export interface Contribution {
  metric: RollupMetric;
  /** Who among staff is credited: shares count for the sharer, everything else for the chain's credit. */
  credits: Credit[];
  /** Set for distinct metrics: the visitor counted once per subject and period. */
  visitorId: string | null;
}

/**
 * What an event adds to the rollups (domain.md's counting rules are already applied: `counted` is false for
 * self-views, colleague views, bots and repeats, and for everything within such a visit).
 *  - shares: a share made by an employee, credited to that employee (any depth: re-sharing counts too);
 *  - forwards: a re-share along a chain (depth > 0, by an employee or a customer), credited like views;
 *  - views, visitors: counted views; act: counted actions beyond viewing, as distinct visitors.
 */
export function contributionsOf(
  event: RollupEvent,
  share: RollupShare | null,
  split: CreditSplit,
): Contribution[] {
  if (!event.counted) return [];
  const credits = splitCredit(event.creditedEmployeeId, share?.chainEmployeeIds ?? [], split);
  const channel = channelOf(share, event.touchpoint);
  const contributions: Contribution[] = [];
  const add = (metric: RollupMetric, to: Credit[], visitorId: string | null = null) =>
    contributions.push({ metric, credits: to, visitorId });
  if (event.type === 'share') {
    if (event.actorEmployeeId) {
      const sharer = [{ employeeId: event.actorEmployeeId, weight: 1 }];
      add('shares', sharer);
      if (channel) add(`shares.${channel}`, sharer);
    }
    if (share && share.depth > 0) add('forwards', credits);
  } else if (event.type === 'view') {
    add('views', credits);
    if (channel) add(`views.${channel}`, credits);
    if (event.visitorId) add('visitors', credits, event.visitorId);
  } else if (ACTING_EVENTS.includes(event.type) && event.visitorId) {
    add('act', credits, event.visitorId);
  }
  return contributions;
}

/** Lead metrics in funnel order: reaching a later stage also reaches the earlier ones (once each per lead). */
const LEAD_MILESTONES: { stage: LeadStage; metric: BoardMetric }[] = [
  { stage: 'visitor', metric: 'leads' },
  { stage: 'mql', metric: 'mqls' },
  { stage: 'sql', metric: 'sqls' },
  { stage: 'customer', metric: 'customers' },
];

/**
 * The lead metrics a move to `toStage` reaches: a new lead counts for 'leads', MQL for 'leads' and 'mqls', and
 * so on; 'lost' reaches nothing. The server counts each metric once per lead, at the first move reaching it.
 */
export function leadMilestonesOf(toStage: LeadStage): BoardMetric[] {
  const index = LEAD_MILESTONES.findIndex((milestone) => milestone.stage === toStage);
  return index < 0 ? ['leads'] : LEAD_MILESTONES.slice(0, index + 1).map((milestone) => milestone.metric);
}
