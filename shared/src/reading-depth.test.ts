import { newScrollMarks, readingDepthPercent } from './reading-depth';

describe('reading depth', () => {
  it.each([
    ['a page that fits the screen', 0, 800, 600, 100],
    ['the top of a page four screens long', 0, 800, 3200, 25.125],
    ['half way down', 800, 800, 3200, 50.125],
    ['a few pixels short of the bottom', 2398, 800, 3200, 100],
    ['overscroll past the bottom (iOS bounce)', 2600, 800, 3200, 100],
    ['overscroll above the top', -60, 800, 3200, 25.125],
  ])('%s', (_case, scrollTop, viewport, height, expected) => {
    expect(readingDepthPercent(scrollTop, viewport, height)).toBeCloseTo(expected);
  });

  it('names each mark once, however far the reader jumps', () => {
    expect(newScrollMarks(10, new Set())).toEqual([]);
    expect(newScrollMarks(60, new Set())).toEqual([25, 50]);
    expect(newScrollMarks(100, new Set([25, 50]))).toEqual([75, 100]);
    expect(newScrollMarks(30, new Set([25, 50, 75, 100]))).toEqual([]);
  });
});
