import { useDidHide, useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CardAction, TargetType, TrackViewResponse } from '@cardhub/shared';
import { type NewVisitAction, trackActions, trackView } from '../services/tracking';

/** How often time on the page is reported while it is shown. */
const DWELL_REPORT_MS = 15_000;

interface VisitTarget {
  targetType: TargetType;
  targetId: string;
  shareCode?: string;
}

/**
 * Records the view of a target once it is known (pass a memoised target: each new object is a new view), then reports dwell time while the page is shown and on
 * hide. Returns the visit (with the token actions must carry), `report` for any action and `reportClick` for clicks.
 */
export function useVisit(target: VisitTarget | null) {
  const [visit, setVisit] = useState<TrackViewResponse | null>(null);
  const shownSince = useRef<number | null>(null);
  // Clicks made before the view is acknowledged wait for its token instead of being lost.
  const pendingVisit = useRef<Promise<TrackViewResponse | null>>(Promise.resolve(null));
  const visitToken = visit?.visitToken;

  useEffect(() => {
    if (!target) return;
    const touchpoint = process.env.TARO_ENV === 'weapp' ? 'miniapp' : 'h5';
    pendingVisit.current = trackView({ ...target, touchpoint })
      .then((result) => {
        setVisit(result);
        shownSince.current = Date.now();
        return result;
      })
      // Tracking must never get in the prospect's way.
      .catch(() => null);
  }, [target]);

  const flushDwell = useCallback(() => {
    if (!visitToken || shownSince.current === null) return;
    const seconds = Math.round((Date.now() - shownSince.current) / 1000);
    shownSince.current = Date.now();
    if (seconds >= 1)
      trackActions(visitToken, [{ type: 'dwell', seconds: Math.min(seconds, 3600) }]).catch(() => undefined);
  }, [visitToken]);

  useEffect(() => {
    if (!visitToken) return;
    const timer = setInterval(flushDwell, DWELL_REPORT_MS);
    return () => clearInterval(timer);
  }, [visitToken, flushDwell]);

  useDidShow(() => {
    if (visitToken) shownSince.current = Date.now();
  });
  useDidHide(flushDwell);
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return;
    const onHide = () =>
      document.visibilityState === 'hidden' ? flushDwell() : (shownSince.current = Date.now());
    document.addEventListener('visibilitychange', onHide);
    return () => document.removeEventListener('visibilitychange', onHide);
  }, [flushDwell]);

  const report = useCallback((actions: NewVisitAction[]) => {
    void pendingVisit.current.then((acknowledged) => {
      if (acknowledged) trackActions(acknowledged.visitToken, actions).catch(() => undefined);
    });
  }, []);
  const reportClick = useCallback((action: CardAction) => report([{ type: 'click', action }]), [report]);

  return { visit, report, reportClick };
}
