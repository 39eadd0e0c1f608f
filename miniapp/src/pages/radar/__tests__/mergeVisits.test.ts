import type { RadarVisit } from '@cardhub/shared';
import { mergeVisits } from '../mergeVisits';

const visit = (visitId: string, startedAt: string, dwellSeconds = 0): RadarVisit => ({
  visitId,
  visitor: { id: `visitor-${visitId}`, label: '访客 #0001', name: null, avatarUrl: null, signals: [] },
  target: { type: 'card', id: 'card-1', title: '我的名片' },
  touchpoint: 'h5',
  shareCode: null,
  forwardedBy: [],
  verdict: 'counted',
  startedAt,
  lastActivityAt: startedAt,
  dwellSeconds,
  actions: [],
});

describe('mergeVisits', () => {
  it('adds new visits, refreshes known ones and keeps the list newest first', () => {
    const onScreen = [visit('b', '2026-11-23T10:00:00.000Z', 5), visit('a', '2026-11-23T09:00:00.000Z')];
    const polled = [visit('c', '2026-11-23T11:00:00.000Z'), visit('b', '2026-11-23T10:00:00.000Z', 40)];

    const merged = mergeVisits(onScreen, polled);

    expect(merged.map((item) => item.visitId)).toEqual(['c', 'b', 'a']);
    expect(merged[1].dwellSeconds).toBe(40);
  });

  it('keeps older pages that a poll of the newest page does not return', () => {
    const onScreen = [visit('old', '2026-11-01T08:00:00.000Z')];
    expect(
      mergeVisits(onScreen, [visit('new', '2026-11-23T08:00:00+08:00')]).map((item) => item.visitId),
    ).toEqual(['new', 'old']);
  });
});
