import { SCROLL_DEPTHS, type ScrollDepth } from './events';

/** Sub-pixel layouts stop a page a pixel or two short of its height; that still counts as the bottom. */
const BOTTOM_TOLERANCE_PX = 4;

/**
 * How much of a page a reader has seen, in percent: the bottom of the viewport against the page's height.
 * A page that fits the screen is read to 100% at once.
 */
export function readingDepthPercent(scrollTop: number, viewportHeight: number, pageHeight: number): number {
  if (pageHeight <= viewportHeight + BOTTOM_TOLERANCE_PX) return 100;
  const seen = Math.max(0, scrollTop) + viewportHeight + BOTTOM_TOLERANCE_PX;
  return Math.min(100, (seen / pageHeight) * 100);
}

/** The marks (25/50/75/100) reached at this depth that were not reached before, shallowest first. */
export function newScrollMarks(percent: number, reached: ReadonlySet<ScrollDepth>): ScrollDepth[] {
  return SCROLL_DEPTHS.filter((mark) => percent >= mark && !reached.has(mark));
}
