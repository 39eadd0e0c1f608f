import type { DashboardLive as LiveFigures } from '@cardhub/shared';
import { useEffect, useRef, useState } from 'react';
import { fetchLiveCounter } from '../../../services/boards';
import { formatFigure } from '../../../utils/boardFormat';

export const LIVE_POLL_MS = 5000;

const FIGURES = [
  { key: 'shares', label: '分享' },
  { key: 'views', label: '浏览' },
  { key: 'visitors', label: '访客' },
  { key: 'leads', label: '新线索' },
] as const;

const clock = (iso: string) =>
  new Date(iso).toLocaleTimeString('zh-CN', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  });

/**
 * Today's activity so far, polled every 5 s: a figure that moved flashes, and a bar that refills toward the next
 * poll shows the counter is alive even when nothing changes.
 */
export default function LiveCounter({ departmentId }: { departmentId: string | undefined }) {
  const [figures, setFigures] = useState<LiveFigures | null>(null);
  const [changed, setChanged] = useState<string[]>([]);
  const [polls, setPolls] = useState(0);
  const [offline, setOffline] = useState(false);
  const previous = useRef<LiveFigures | null>(null);

  useEffect(() => {
    let stopped = false;
    // Another department's figures are no "before" to flash against.
    previous.current = null;
    const poll = async () => {
      try {
        const next = await fetchLiveCounter(departmentId);
        if (stopped) return;
        const before = previous.current;
        setChanged(
          before ? FIGURES.filter(({ key }) => next[key] !== before[key]).map(({ key }) => key) : [],
        );
        previous.current = next;
        setFigures(next);
        setOffline(false);
      } catch {
        if (!stopped) setOffline(true);
      } finally {
        if (!stopped) setPolls((count) => count + 1);
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), LIVE_POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [departmentId]);

  return (
    <div className="console-panel live-counter">
      <div className="live-counter__head">
        <span className="live-counter__title">
          <span className={`live-counter__pulse${offline ? ' live-counter__pulse--offline' : ''}`} />
          今日实时
        </span>
        <span className="live-counter__updated">
          {offline
            ? '连接中断，正在重试…'
            : figures
              ? `更新于 ${clock(figures.updatedAt)} · 每 5 秒刷新`
              : '连接中…'}
        </span>
      </div>
      <div className="live-counter__figures">
        {FIGURES.map(({ key, label }) => (
          <div key={key} className="live-counter__figure">
            <span className="live-counter__label">{label}</span>
            <span
              // A new key replays the flash each time the figure moves.
              key={`${key}-${changed.includes(key) ? polls : 'steady'}`}
              className={`live-counter__value${changed.includes(key) ? ' live-counter__value--changed' : ''}`}
              data-testid={`live-${key}`}
            >
              {figures ? formatFigure(figures[key]) : '—'}
            </span>
          </div>
        ))}
      </div>
      <div className="live-counter__timer">
        <div key={polls} className="live-counter__timer-fill" />
      </div>
    </div>
  );
}
