import { boardQuerySchema } from './api-boards';
import {
  type RollupEvent,
  type RollupShare,
  contributionsOf,
  dayOf,
  leadMilestonesOf,
  periodKeysOf,
  previousRange,
  rangeInstants,
  resolveRange,
  rollupSlice,
  splitCredit,
  startOfDay,
  weekOf,
} from './rollups';

const SHANGHAI = 'Asia/Shanghai';

describe('periods in the organization time zone', () => {
  it('puts 23:59:59.999 and 00:00 Shanghai time on different days, weeks and months', () => {
    // 2026-11-30 is a Monday; 2026-11-29 a Sunday.
    expect(periodKeysOf(new Date('2026-11-30T15:59:59.999Z'), SHANGHAI)).toEqual({
      day: '2026-11-30',
      week: '2026-11-30',
      month: '2026-11',
    });
    expect(periodKeysOf(new Date('2026-11-30T16:00:00.000Z'), SHANGHAI)).toEqual({
      day: '2026-12-01',
      week: '2026-11-30',
      month: '2026-12',
    });
    expect(periodKeysOf(new Date('2026-11-29T15:59:59.999Z'), SHANGHAI).week).toBe('2026-11-23');
  });

  it('starts weeks on Monday, across a year boundary', () => {
    expect(weekOf('2027-01-03')).toBe('2026-12-28');
    expect(weekOf('2026-12-28')).toBe('2026-12-28');
  });

  it('finds the first instant of a day, in Shanghai and across daylight saving changes', () => {
    expect(startOfDay('2026-11-23', SHANGHAI).toISOString()).toBe('2026-11-22T16:00:00.000Z');
    // New York springs forward on 2026-03-08 at 02:00 and falls back on 2026-11-01 at 02:00.
    expect(startOfDay('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfDay('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(startOfDay('2026-11-02', 'America/New_York').toISOString()).toBe('2026-11-02T05:00:00.000Z');
    // Santiago's clocks jump from 00:00 to 01:00 on 2026-09-06: the day starts at 01:00 local.
    expect(dayOf(startOfDay('2026-09-06', 'America/Santiago'), 'America/Santiago')).toBe('2026-09-06');
    expect(startOfDay('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });

  it('covers a day of 23 hours across the spring change', () => {
    const { start, end } = rangeInstants({
      from: '2026-03-08',
      to: '2026-03-08',
      timeZone: 'America/New_York',
    });
    expect(end.getTime() - start.getTime()).toBe(23 * 3_600_000);
  });

  it('resolves periods to calendar days on the day of "now"', () => {
    const now = new Date('2026-11-25T17:00:00Z'); // Thursday 01:00 in Shanghai
    expect(resolveRange({ period: 'today' }, now, SHANGHAI)).toMatchObject({
      from: '2026-11-26',
      to: '2026-11-26',
    });
    expect(resolveRange({ period: 'yesterday' }, now, SHANGHAI)).toMatchObject({ from: '2026-11-25' });
    expect(resolveRange({ period: 'week' }, now, SHANGHAI)).toMatchObject({
      from: '2026-11-23',
      to: '2026-11-26',
    });
    expect(resolveRange({ period: 'month' }, now, SHANGHAI)).toMatchObject({ from: '2026-11-01' });
    const month = resolveRange({ period: 'month' }, now, SHANGHAI);
    expect(previousRange(month)).toMatchObject({ from: '2026-10-06', to: '2026-10-31' });
  });

  it('reads a whole or current week or month from its own row, other ranges from days', () => {
    const range = (from: string, to: string) => ({ period: 'custom' as const, from, to, timeZone: SHANGHAI });
    expect(rollupSlice(range('2026-11-01', '2026-11-26'), '2026-11-26')).toEqual({
      period: 'month',
      keys: ['2026-11'],
    });
    expect(rollupSlice(range('2026-10-01', '2026-10-31'), '2026-11-26')).toEqual({
      period: 'month',
      keys: ['2026-10'],
    });
    expect(rollupSlice(range('2026-11-23', '2026-11-26'), '2026-11-26')).toEqual({
      period: 'week',
      keys: ['2026-11-23'],
    });
    // Part of a past month must not read the whole month.
    expect(rollupSlice(range('2026-10-01', '2026-10-03'), '2026-11-26')).toEqual({
      period: 'day',
      keys: ['2026-10-01', '2026-10-02', '2026-10-03'],
    });
  });

  it('refuses custom ranges without both ends, reversed or longer than a year', () => {
    expect(boardQuerySchema.safeParse({ period: 'custom', from: '2026-11-01' }).success).toBe(false);
    expect(
      boardQuerySchema.safeParse({ period: 'custom', from: '2026-11-02', to: '2026-11-01' }).success,
    ).toBe(false);
    expect(
      boardQuerySchema.safeParse({ period: 'custom', from: '2025-01-01', to: '2026-11-01' }).success,
    ).toBe(false);
    expect(boardQuerySchema.parse({ period: 'custom', from: '2026-01-01', to: '2026-11-01' })).toMatchObject({
      metric: 'views',
      limit: 50,
    });
  });
});

describe('what an event counts for', () => {
  const view: RollupEvent = {
    type: 'view',
    counted: true,
    targetType: 'material',
    targetId: 'm1',
    shareId: 's2',
    visitorId: 'v1',
    actorEmployeeId: null,
    creditedEmployeeId: 'root',
    touchpoint: 'h5',
  };
  const share: RollupShare = {
    id: 's2',
    channel: 'qrcode',
    depth: 2,
    chainEmployeeIds: ['root', 'colleague'],
  };

  it('credits a counted view to the root employee, with its channel and visitor', () => {
    expect(contributionsOf(view, share, 'root')).toEqual([
      { metric: 'views', credits: [{ employeeId: 'root', weight: 1 }], visitorId: null },
      { metric: 'views.poster', credits: [{ employeeId: 'root', weight: 1 }], visitorId: null },
      { metric: 'visitors', credits: [{ employeeId: 'root', weight: 1 }], visitorId: 'v1' },
    ]);
  });

  it('splits credit evenly among the employees on the chain when the organization chooses to', () => {
    expect(contributionsOf(view, share, 'chain')[0]!.credits).toEqual([
      { employeeId: 'root', weight: 0.5 },
      { employeeId: 'colleague', weight: 0.5 },
    ]);
    expect(splitCredit(null, [], 'chain')).toEqual([]);
  });

  it('counts nothing for excluded views and their visits', () => {
    expect(contributionsOf({ ...view, counted: false }, share, 'root')).toEqual([]);
  });

  it('counts a share for its sharer and a re-share as a forward of the chain', () => {
    const reshare = { ...view, type: 'share' as const, visitorId: null, actorEmployeeId: 'colleague' };
    expect(contributionsOf(reshare, share, 'root').map((c) => [c.metric, c.credits[0]!.employeeId])).toEqual([
      ['shares', 'colleague'],
      ['shares.poster', 'colleague'],
      ['forwards', 'root'],
    ]);
  });

  it('counts actions beyond viewing as active visitors', () => {
    expect(contributionsOf({ ...view, type: 'click' }, share, 'root').map((c) => c.metric)).toEqual(['act']);
    expect(contributionsOf({ ...view, type: 'dwell' }, share, 'root')).toEqual([]);
  });

  it('reaches every lead milestone up to the new stage', () => {
    expect(leadMilestonesOf('visitor')).toEqual(['leads']);
    expect(leadMilestonesOf('sql')).toEqual(['leads', 'mqls', 'sqls']);
    expect(leadMilestonesOf('lost')).toEqual(['leads']);
  });
});
