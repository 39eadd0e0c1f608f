import { deadlineIso, defaultDeadline, formatDateTime, timeLeft } from './deadline';

const now = new Date(2026, 10, 23, 10, 0);

describe('deadlines', () => {
  it.each([
    [new Date(2026, 11, 1, 18, 0), '12月1日 18:00'],
    [new Date(2027, 0, 5, 9, 5), '2027年1月5日 09:05'],
  ])('formats %s as %s', (date, text) => {
    expect(formatDateTime(date.toISOString(), now)).toBe(text);
  });

  it.each([
    [3 * 24 * 60 + 30, '还剩 3 天'],
    [5 * 60 + 10, '还剩 5 小时'],
    [20, '即将截止'],
    [-1, '已截止'],
  ])('%d minutes ahead reads %s', (minutes, text) => {
    expect(timeLeft(new Date(now.getTime() + minutes * 60_000).toISOString(), now)).toBe(text);
  });

  it('defaults to a week from now at 18:00, and turns the form values into an instant', () => {
    expect(defaultDeadline(now)).toEqual({ date: '2026-11-30', time: '18:00' });
    expect(deadlineIso('2026-11-30', '18:00')).toBe(new Date(2026, 10, 30, 18, 0).toISOString());
  });
});
