import {
  BOARD_METRICS,
  BOARD_PERIODS,
  type BoardEventsQuery,
  type BoardMetric,
  type BoardPeriod,
} from '@cardhub/shared';
import { queryString } from '../services/request';

/** The drill-down pages: the console's for managers and admins, the mini-program's for employees. */
export const BOARD_EVENTS_PAGES = {
  console: '/pages/console/boards/events/index',
  miniProgram: '/pages/leaderboard/events/index',
} as const;

/** What a drill-down page is opened with: the number's query, and whose number it is (its heading). */
export type BoardEventsParams = Omit<BoardEventsQuery, 'cursor' | 'limit' | 'metric' | 'period'> & {
  metric: BoardMetric;
  period: BoardPeriod;
  label: string;
};

/** The query of the events behind one number. */
export type BoardEventsSubject = Omit<BoardEventsParams, 'label'>;

export function boardEventsUrl(page: keyof typeof BOARD_EVENTS_PAGES, params: BoardEventsParams): string {
  return `${BOARD_EVENTS_PAGES[page]}${queryString(params)}`;
}

/** The query and heading a drill-down page was opened with (route parameters arrive URL-encoded on H5). */
export function boardEventsParams(route: Record<string, string | undefined>): BoardEventsParams | null {
  const read = (key: string) => (route[key] ? decodeURIComponent(route[key]!) : undefined);
  const metric = read('metric');
  const period = read('period');
  const known = <T extends string>(values: readonly T[], value: string | undefined): value is T =>
    (values as readonly (string | undefined)[]).includes(value);
  if (!known<BoardMetric>(BOARD_METRICS, metric) || !known<BoardPeriod>(BOARD_PERIODS, period)) return null;
  return {
    metric,
    period,
    from: read('from'),
    to: read('to'),
    employeeId: read('employeeId'),
    departmentId: read('departmentId'),
    materialId: read('materialId'),
    label: read('label') ?? '',
  };
}

/** The drill-down's query without its heading. */
export function withoutLabel({ label: _label, ...query }: BoardEventsParams): BoardEventsSubject {
  return query;
}
