import { niceTicks } from '../components/charts/scale';
import { attachmentName } from '../services/download';
import { formatChange, formatFigure, formatRate, rangeText, standingText } from './boardFormat';

describe('board figures', () => {
  it.each([
    [0, '0'],
    [12480, '12,480'],
    [2.5, '2.5'],
    [1.04, '1'],
    [1234.56, '1,234.6'],
  ])('shows %p as %s', (value, text) => expect(formatFigure(value)).toBe(text));

  it.each([
    [0.125, '12.5%'],
    [1, '100%'],
    [null, '—'],
  ])('shows the rate %p as %s', (rate, text) => expect(formatRate(rate)).toBe(text));

  it.each([
    [12, 8, '+50%', 'up'],
    [80, 100, '−20%', 'down'],
    [5, 5, '持平', 'flat'],
    [3, 0, '新增', 'up'],
  ])('compares %p with %p as %s', (current, previous, text, trend) =>
    expect(formatChange(current, previous)).toEqual({ text, trend }),
  );

  it('names my place and the gap to the next one, or that I lead', () => {
    expect(
      standingText({ rank: 3, value: 8, total: 9, gapToNext: 2.5, next: { name: '李娜', value: 10.5 } }),
    ).toBe('第 3 名 · 距上一名还差 2.5');
    expect(standingText({ rank: 1, value: 8, total: 9, gapToNext: null, next: null })).toBe(
      '第 1 名 · 暂列第一',
    );
  });

  it('names a range by its days', () => {
    expect(rangeText({ from: '2026-11-01', to: '2026-11-23' })).toBe('11月1日 – 11月23日');
    expect(rangeText({ from: '2026-11-23', to: '2026-11-23' })).toBe('11月23日');
  });
});

describe('chart axes', () => {
  it.each([
    [634, [0, 200, 400, 600, 800]],
    [12, [0, 5, 10, 15, 20]],
    [0, [0, 1, 2, 3, 4]],
    [3, [0, 1, 2, 3, 4]],
    [41, [0, 20, 40, 60, 80]],
  ])('rounds an axis up to %p as %p', (max, ticks) => expect(niceTicks(max)).toEqual(ticks));
});

describe('downloaded file names', () => {
  it('reads the Chinese name the server gives, else the fallback', () => {
    const name = encodeURIComponent('员工排行-本月-2026-11.xlsx');
    expect(attachmentName(`attachment; filename="board.xlsx"; filename*=UTF-8''${name}`, 'x.xlsx')).toBe(
      '员工排行-本月-2026-11.xlsx',
    );
    expect(attachmentName('attachment; filename="board.csv"', 'x.csv')).toBe('board.csv');
    expect(attachmentName(null, 'x.csv')).toBe('x.csv');
  });
});
