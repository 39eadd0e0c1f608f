import Taro, { usePageScroll } from '@tarojs/taro';
import { type ScrollDepth, newScrollMarks, readingDepthPercent } from '@cardhub/shared';
import { useCallback, useEffect, useRef } from 'react';

const isWeapp = process.env.TARO_ENV === 'weapp';

/** Images and fonts settle before a page is judged to fit the screen (and so be read to the end at once). */
const SETTLE_MS = 1000;

/** Where an H5 page scrolls: Taro's page container (an ancestor that scrolls), else the window. */
function scrollerOf(rootId: string): HTMLElement | null {
  for (let node = document.getElementById(rootId)?.parentElement; node; node = node.parentElement) {
    if (/auto|scroll/.test(getComputedStyle(node).overflowY)) return node;
  }
  return null;
}

/**
 * Reports each reading-depth mark (25/50/75/100) once, the first time the reader's viewport reaches it, from
 * when `active` turns true (the content is on screen). On H5 the scroll and height are the scrolling container's
 * (the window and the document's height when the window scrolls); in WeChat the scroll comes from onPageScroll
 * and the page's height from a selector query of the element `rootId`.
 */
export function useReadingDepth(rootId: string, active: boolean, onMarks: (marks: ScrollDepth[]) => void) {
  const reached = useRef(new Set<ScrollDepth>());
  const onMarksRef = useRef(onMarks);
  useEffect(() => {
    onMarksRef.current = onMarks;
  });
  const scrollTop = useRef(0);
  const measuring = useRef(false);

  const record = useCallback((percent: number) => {
    const marks = newScrollMarks(percent, reached.current);
    if (marks.length === 0) return;
    marks.forEach((mark) => reached.current.add(mark));
    onMarksRef.current(marks);
  }, []);

  // WeChat: one query at a time; its answer is judged against the latest scroll position.
  const measureWeapp = useCallback(() => {
    if (measuring.current) return;
    measuring.current = true;
    Taro.createSelectorQuery()
      .select(`#${rootId}`)
      .boundingClientRect()
      .exec((results: ({ height: number } | null)[]) => {
        measuring.current = false;
        const page = results[0];
        if (page)
          record(readingDepthPercent(scrollTop.current, Taro.getWindowInfo().windowHeight, page.height));
      });
  }, [rootId, record]);

  usePageScroll((event) => {
    scrollTop.current = event.scrollTop;
    if (isWeapp && active) measureWeapp();
  });

  useEffect(() => {
    if (!active) return;
    if (isWeapp) {
      const settle = setTimeout(measureWeapp, SETTLE_MS);
      return () => clearTimeout(settle);
    }
    const scroller = scrollerOf(rootId);
    const measure = () =>
      record(
        scroller
          ? readingDepthPercent(scroller.scrollTop, scroller.clientHeight, scroller.scrollHeight)
          : readingDepthPercent(window.scrollY, window.innerHeight, document.documentElement.scrollHeight),
      );
    const settle = setTimeout(measure, SETTLE_MS);
    const target: EventTarget = scroller ?? window;
    target.addEventListener('scroll', measure, { passive: true });
    window.addEventListener('resize', measure);
    return () => {
      clearTimeout(settle);
      target.removeEventListener('scroll', measure);
      window.removeEventListener('resize', measure);
    };
  }, [active, rootId, measureWeapp, record]);
}
