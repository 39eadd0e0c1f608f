import { render, screen } from '@testing-library/react';
import type { RadarVisit } from '@cardhub/shared';
import RadarVisitItem from '..';

const now = new Date('2026-11-23T10:00:00Z');

function visit(overrides: Partial<RadarVisit>): RadarVisit {
  return {
    visitId: 'visit-1',
    visitor: { id: 'visitor-1', label: '访客 #3f2a', name: null, avatarUrl: null },
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
            { type: 'click', action: 'call', channel: null, at: '2026-11-23T09:55:10Z' },
            { type: 'click', action: 'copy_wechat', channel: null, at: '2026-11-23T09:55:20Z' },
            { type: 'click', action: 'call', channel: null, at: '2026-11-23T09:55:30Z' },
            { type: 'forward', action: null, channel: 'chat', at: '2026-11-23T09:55:40Z' },
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
        visit={visit({ visitor: { id: 'v2', label: '访客 #77aa', name: '韩梅梅', avatarUrl: null } })}
      />,
    );

    expect(screen.getByText('韩梅梅')).toBeTruthy();
    expect(screen.queryByText(/不计数/)).toBeNull();
    expect(screen.queryByText(/转发$/)).toBeNull();
    expect(container.querySelector('.radar-visit--muted')).toBeNull();
  });
});
