import { render, screen } from '@testing-library/react';
import type { RadarVisit } from '@cardhub/shared';
import RadarVisitItem from '..';

const now = new Date('2026-11-23T10:00:00Z');

function visit(overrides: Partial<RadarVisit>): RadarVisit {
  return {
    visitId: 'visit-1',
    visitor: { id: 'visitor-1', label: '访客 #3f2a', name: null, avatarUrl: null, signals: [] },
    target: { type: 'card', id: 'card-1', title: '李雷的名片' },
    touchpoint: 'miniapp',
    shareCode: 'abc123',
    forwardedBy: [],
    verdict: 'counted',
    startedAt: '2026-11-23T09:55:00Z',
    lastActivityAt: '2026-11-23T09:56:00Z',
    dwellSeconds: 0,
    actions: [],
    ...overrides,
  };
}

type RadarAction = RadarVisit['actions'][number];

/** An action as the radar lists it: only the fields of its kind are set. */
function action(fields: Partial<RadarAction> & Pick<RadarAction, 'type' | 'at'>): RadarAction {
  return { action: null, channel: null, depth: null, progress: null, ...fields };
}

describe('RadarVisitItem', () => {
  it('shows a forwarded, self-viewed visit muted, with the chain, dwell and actions', () => {
    const { container } = render(
      <RadarVisitItem
        now={now}
        visit={visit({
          verdict: 'self',
          touchpoint: 'h5',
          forwardedBy: ['王芳', '访客 #9a1c'],
          dwellSeconds: 45,
          actions: [
            action({ type: 'click', action: 'call', at: '2026-11-23T09:55:10Z' }),
            action({ type: 'click', action: 'copy_wechat', at: '2026-11-23T09:55:20Z' }),
            action({ type: 'click', action: 'call', at: '2026-11-23T09:55:30Z' }),
            action({ type: 'forward', channel: 'chat', at: '2026-11-23T09:55:40Z' }),
          ],
        })}
      />,
    );

    expect(screen.getByText('访客 #3f2a')).toBeTruthy();
    expect(screen.getByText('3F')).toBeTruthy();
    expect(screen.getByText('自己查看 · 不计数')).toBeTruthy();
    expect(screen.getByText('5分钟前')).toBeTruthy();
    expect(screen.getByText(/通过网页查看了「李雷的名片」/).textContent).toContain('停留 45 秒');
    expect(screen.getByText('经 王芳 → 访客 #9a1c 转发')).toBeTruthy();
    expect(screen.getByText('拨打电话 ×2')).toBeTruthy();
    expect(screen.getByText('复制微信')).toBeTruthy();
    expect(screen.getByText('转发给好友')).toBeTruthy();
    expect(container.querySelector('.radar-visit--muted')).not.toBeNull();
  });

  it('shows a counted visit plainly, without a verdict label or chain', () => {
    const { container } = render(
      <RadarVisitItem
        now={now}
        visit={visit({
          visitor: { id: 'v2', label: '访客 #77aa', name: '韩梅梅', avatarUrl: null, signals: [] },
        })}
      />,
    );

    expect(screen.getByText('韩梅梅')).toBeTruthy();
    expect(screen.queryByText(/不计数/)).toBeNull();
    expect(screen.queryByText(/转发$/)).toBeNull();
    expect(container.querySelector('.radar-visit--muted')).toBeNull();
  });

  it('names the material read, how far it was read, the video watched and the consult', () => {
    render(
      <RadarVisitItem
        now={now}
        visit={visit({
          target: { type: 'material', id: 'material-1', title: '全员营销时代的名片' },
          actions: [
            action({ type: 'scroll', depth: 25, at: '2026-11-23T09:55:05Z' }),
            action({ type: 'video', progress: 'play', at: '2026-11-23T09:55:10Z' }),
            action({ type: 'scroll', depth: 50, at: '2026-11-23T09:55:20Z' }),
            action({ type: 'scroll', depth: 75, at: '2026-11-23T09:55:30Z' }),
            action({ type: 'video', progress: 'complete', at: '2026-11-23T09:56:10Z' }),
            action({ type: 'click', action: 'consult', at: '2026-11-23T09:56:20Z' }),
          ],
        })}
      />,
    );

    expect(screen.getByText(/查看了「全员营销时代的名片」/)).toBeTruthy();
    const chips = [...document.querySelectorAll('.radar-visit__chip')].map((chip) => chip.textContent);
    expect(chips).toEqual(['读到 75%', '播放视频', '看完视频', '点击咨询']);
  });

  it('highlights a visitor whose behaviour fired an intent signal', () => {
    const { container } = render(
      <RadarVisitItem
        now={now}
        visit={visit({
          visitor: { id: 'v3', label: '访客 #90b3', name: null, avatarUrl: null, signals: ['强意向'] },
        })}
      />,
    );
    expect(screen.getByText('强意向')).toBeTruthy();
    expect(container.querySelector('.radar-visit--hot')).not.toBeNull();
  });
});
