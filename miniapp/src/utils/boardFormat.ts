import {
  BOARD_PERIOD_LABELS,
  type BoardMetric,
  type BoardPeriod,
  type BoardRange,
  type MyStanding,
} from '@cardhub/shared';

/**
 * A board figure as managers read it: grouped thousands (12,480), and one decimal when the organization splits a
 * chain's credit among its sharers (a re-sharer can earn half a view).
 */
export function formatFigure(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return rounded.toLocaleString('zh-CN', {
    minimumFractionDigits: Number.isInteger(rounded) ? 0 : 1,
    maximumFractionDigits: 1,
  });
}

/** A conversion rate (0.125 → 12.5%), or — when there is nothing to convert from. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toLocaleString('zh-CN')}%`;
}

export type Trend = 'up' | 'down' | 'flat';

/** The change against the previous period of the same length: +12.5% / -3% / 持平, or 新增 from zero. */
export function formatChange(current: number, previous: number): { text: string; trend: Trend } {
  if (current === previous) return { text: '持平', trend: 'flat' };
  if (previous === 0) return { text: '新增', trend: 'up' };
  const change = (current - previous) / previous;
  const text = `${change > 0 ? '+' : '−'}${formatRate(Math.abs(change))}`;
  return { text, trend: change > 0 ? 'up' : 'down' };
}

/** "第 3 名 · 距上一名还差 12": where the caller stands and what it takes to pass the next place. */
export function standingText(me: MyStanding): string {
  if (me.gapToNext === null) return `第 ${me.rank} 名 · 暂列第一`;
  return `第 ${me.rank} 名 · 距上一名还差 ${formatFigure(me.gapToNext)}`;
}

/** 11月1日 – 11月23日 (or one day), for a heading over a board. */
export function rangeText(range: Pick<BoardRange, 'from' | 'to'>): string {
  const day = (iso: string) => {
    const [, month, date] = iso.split('-').map(Number);
    return `${month}月${date}日`;
  };
  return range.from === range.to ? day(range.from) : `${day(range.from)} – ${day(range.to)}`;
}

/** 本月 · 11月1日 – 11月23日 · Asia/Shanghai */
export function rangeCaption(range: BoardRange): string {
  return `${BOARD_PERIOD_LABELS[range.period]} · ${rangeText(range)}`;
}

/** The unit a metric is counted in, after a figure (12 次). */
export const BOARD_METRIC_UNITS: Record<BoardMetric, string> = {
  shares: '次',
  views: '次',
  visitors: '人',
  forwards: '次',
  leads: '条',
  mqls: '条',
  sqls: '条',
  customers: '个',
};

/** Today's calendar day where the browser is, `YYYY-MM-DD` (the default of a custom range's pickers). */
export function todayIso(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A period as its query: a custom range carries its days, the others none. */
export function periodQuery(period: BoardPeriod, from: string, to: string) {
  return period === 'custom' ? { period, from, to } : { period };
}
