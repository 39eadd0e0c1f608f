import { Text, View } from '@tarojs/components';
import { BOARD_METRIC_LABELS, LEAD_STAGE_LABELS, type BoardEventsResponse } from '@cardhub/shared';
import { useState } from 'react';
import { useLoaded } from '../../hooks/useLoaded';
import { fetchBoardEvents } from '../../services/boards';
import { failureMessage } from '../../services/request';
import { formatFigure } from '../../utils/boardFormat';
import type { BoardEventsSubject } from '../../utils/boardLinks';
import { formatDateTime } from '../../utils/deadline';
import './index.scss';

const EVENT_TYPE_LABELS: Record<string, string> = {
  share: '分享',
  view: '浏览',
  forward: '转发',
  click: '点击',
  consult: '咨询',
  form_submit: '留资',
  scan: '扫码',
};

const EXCLUSIONS = [
  { key: 'self', label: '本人' },
  { key: 'colleague', label: '同事' },
  { key: 'bot', label: '机器人' },
  { key: 'repeat', label: '30分钟内重复' },
] as const;

const PAGE_SIZE = 30;

/**
 * The events behind one number of a board: how many counted, how many were left out and why (self-views,
 * colleagues, bots, repeats within 30 minutes), and each event with its reason, paged by cursor. The mini-program
 * and the console show the same list.
 */
export default function BoardEventList({ query }: { query: BoardEventsSubject }) {
  const first = useLoaded(fetchBoardEvents, { ...query, limit: PAGE_SIZE });
  // Later pages, appended by 加载更多; they belong to the first page they followed.
  const [more, setMore] = useState<{ after: BoardEventsResponse; pages: BoardEventsResponse[] } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);

  const pages = first.data ? [first.data, ...(more?.after === first.data ? more.pages : [])] : [];
  const items = pages.flatMap((page) => page.items);
  const nextCursor = pages.length ? pages[pages.length - 1]!.nextCursor : null;
  const summary = first.data?.summary ?? null;
  const loading = first.loading || loadingMore;
  const error = first.error ?? moreError;

  const loadMore = async (cursor: string) => {
    const after = first.data!;
    setLoadingMore(true);
    try {
      const page = await fetchBoardEvents({ ...query, cursor, limit: PAGE_SIZE });
      setMore((shown) => ({
        after,
        pages: [...(shown?.after === after ? shown.pages : []), page],
      }));
      setMoreError(null);
    } catch (failure) {
      setMoreError(failureMessage(failure, '加载失败，请重试'));
    } finally {
      setLoadingMore(false);
    }
  };

  const excludedTotal = summary
    ? EXCLUSIONS.reduce((sum, exclusion) => sum + summary.excluded[exclusion.key], 0)
    : 0;
  const now = new Date();

  return (
    <View className="board-events">
      {summary && (
        <View className="board-events__summary">
          <View className="board-events__counted">
            <Text className="board-events__counted-label">计入{BOARD_METRIC_LABELS[query.metric]}</Text>
            <Text className="board-events__counted-value">{formatFigure(summary.counted)}</Text>
          </View>
          <View className="board-events__excluded">
            <Text className="board-events__excluded-title">
              排除 <Text className="board-events__excluded-total">{excludedTotal}</Text>
            </Text>
            <View className="board-events__reasons">
              {EXCLUSIONS.map((exclusion) => (
                <View key={exclusion.key} className="board-events__reason">
                  <Text className="board-events__reason-label">{exclusion.label}</Text>
                  <Text className="board-events__reason-value">{summary.excluded[exclusion.key]}</Text>
                </View>
              ))}
            </View>
          </View>
        </View>
      )}
      {error && <Text className="board-events__error">{error}</Text>}
      {!loading && !error && items.length === 0 && (
        <View className="board-events__empty">
          <Text>这段时间没有相关记录</Text>
        </View>
      )}
      <View className="board-events__list">
        {items.map((item) => (
          <View
            key={item.id}
            className={`board-events__item${item.counted ? '' : ' board-events__item--excluded'}`}
          >
            <Text className="board-events__time">{formatDateTime(item.at, now)}</Text>
            <View className="board-events__what">
              <Text className="board-events__who">
                {item.lead ? item.lead.name : item.visitorLabel}
                <Text className="board-events__type">
                  {item.lead
                    ? ` · ${LEAD_STAGE_LABELS[item.lead.stage]}`
                    : ` · ${EVENT_TYPE_LABELS[item.type] ?? item.type}`}
                </Text>
              </Text>
              {item.target && <Text className="board-events__target">{item.target.title}</Text>}
            </View>
            <Text
              className={`board-events__verdict board-events__verdict--${item.counted ? 'counted' : (item.verdict ?? 'excluded')}`}
            >
              {item.reason}
            </Text>
          </View>
        ))}
      </View>
      {loading && <Text className="board-events__hint">加载中…</Text>}
      {!loading && nextCursor && (
        <Text className="board-events__more" onClick={() => void loadMore(nextCursor)}>
          加载更多
        </Text>
      )}
      {!loading && !nextCursor && items.length > 0 && (
        <Text className="board-events__hint">已显示全部 {items.length} 条</Text>
      )}
    </View>
  );
}
