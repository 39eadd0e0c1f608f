import { formatRelativeTime } from '../formatRelativeTime';

// Local-time constructors keep the table independent of the machine's time zone.
const now = new Date(2026, 10, 23, 14, 30, 0);

describe('formatRelativeTime', () => {
  it.each([
    ['the same instant', new Date(2026, 10, 23, 14, 30, 0), '刚刚'],
    ['59 seconds ago', new Date(2026, 10, 23, 14, 29, 1), '刚刚'],
    ['a little in the future (clock skew)', new Date(2026, 10, 23, 14, 30, 20), '刚刚'],
    ['exactly one minute ago', new Date(2026, 10, 23, 14, 29, 0), '1分钟前'],
    ['59 minutes ago', new Date(2026, 10, 23, 13, 31, 0), '59分钟前'],
    ['two and a half hours ago, same day', new Date(2026, 10, 23, 12, 0, 0), '2小时前'],
    ['just after midnight today', new Date(2026, 10, 23, 0, 5, 0), '14小时前'],
    ['yesterday evening', new Date(2026, 10, 22, 21, 7, 0), '昨天 21:07'],
    ['yesterday just after midnight', new Date(2026, 10, 22, 0, 0, 0), '昨天 00:00'],
    ['two days ago', new Date(2026, 10, 21, 23, 59, 0), '11月21日 23:59'],
    ['earlier this year', new Date(2026, 0, 3, 8, 4, 0), '1月3日 08:04'],
    ['last year', new Date(2025, 11, 31, 18, 0, 0), '2025年12月31日'],
  ])('%s → %s', (_case, date, expected) => {
    expect(formatRelativeTime(date, now)).toBe(expected);
  });

  it('counts yesterday from the calendar day, not 24 hours', () => {
    const earlyMorning = new Date(2026, 10, 23, 1, 0, 0);
    expect(formatRelativeTime(new Date(2026, 10, 22, 23, 0, 0), earlyMorning)).toBe('昨天 23:00');
  });
});
