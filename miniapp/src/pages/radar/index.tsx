import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, usePullDownRefresh, useReachBottom, useUnload } from '@tarojs/taro';
import type { RadarVisit } from '@cardhub/shared';
import { useCallback, useRef, useState } from 'react';
import RadarVisitItem from '../../components/RadarVisitItem';
import { countCountedVisitsToday } from '../../components/RadarVisitItem/visitLabels';
import { fetchRadar } from '../../services/radar';
import { mergeVisits } from './mergeVisits';
import './index.scss';

const POLL_INTERVAL_MS = 5000;
const PAGE_SIZE = 20;

export default function RadarPage() {
  const [visits, setVisits] = useState<RadarVisit[]>([]);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [failed, setFailed] = useState(false);
  const [now, setNow] = useState(() => new Date());
  const pollTimer = useRef<ReturnType<typeof setInterval> | null>(null);
  // Once the user has paged into the past, polling must not overwrite where the next page starts.
  const pagedIntoPast = useRef(false);

  const refresh = useCallback(async () => {
    try {
      const page = await fetchRadar({ limit: PAGE_SIZE });
      setVisits((onScreen) => mergeVisits(onScreen, page.visits));
      if (!pagedIntoPast.current) setNextBefore(page.nextBefore);
      setFailed(false);
    } catch {
      setFailed(true);
    } finally {
      setNow(new Date());
      setLoaded(true);
    }
  }, []);

  const stopPolling = () => {
    if (pollTimer.current) clearInterval(pollTimer.current);
    pollTimer.current = null;
  };

  useDidShow(() => {
    void refresh();
    stopPolling();
    pollTimer.current = setInterval(() => void refresh(), POLL_INTERVAL_MS);
  });
  useDidHide(stopPolling);
  useUnload(stopPolling);

  usePullDownRefresh(async () => {
    await refresh();
    Taro.stopPullDownRefresh();
  });

  const loadMore = async () => {
    if (!nextBefore || loadingMore) return;
    setLoadingMore(true);
    try {
      const page = await fetchRadar({ before: nextBefore, limit: PAGE_SIZE });
      pagedIntoPast.current = true;
      setVisits((onScreen) => mergeVisits(onScreen, page.visits));
      setNextBefore(page.nextBefore);
    } catch {
      Taro.showToast({ title: '加载失败，请稍后再试', icon: 'none' });
    } finally {
      setLoadingMore(false);
    }
  };
  useReachBottom(() => void loadMore());

  const goShare = () => Taro.navigateTo({ url: '/pages/card/share/index' });

  if (!loaded) {
    return (
      <View className="radar-page radar-page--center">
        <Text className="radar-page__hint">正在加载访客…</Text>
      </View>
    );
  }

  return (
    <View className="radar-page">
      <View className="radar-page__summary">
        <View>
          <Text className="radar-page__count">{countCountedVisitsToday(visits, now)}</Text>
          <Text className="radar-page__count-label">今日访客</Text>
        </View>
        <View className="radar-page__live">
          <View className="radar-page__live-dot" />
          <Text>实时更新</Text>
        </View>
      </View>
      {failed && <Text className="radar-page__error">网络不稳定，访客列表可能不是最新的</Text>}

      {visits.length === 0 ? (
        <View className="radar-page__empty">
          <Text className="radar-page__empty-title">还没有访客，去分享你的名片吧</Text>
          <Text className="radar-page__hint">有人打开你分享的名片时，这里会立刻显示</Text>
          <Button className="button-primary radar-page__share-button" onClick={goShare}>
            分享名片
          </Button>
        </View>
      ) : (
        <View className="radar-page__list">
          <Text className="radar-page__legend">灰色记录（自己、同事、爬虫、重复访问）不计入访客数</Text>
          {visits.map((visit) => (
            <RadarVisitItem key={visit.visitId} visit={visit} now={now} />
          ))}
          {nextBefore ? (
            <Button className="radar-page__more" loading={loadingMore} onClick={() => void loadMore()}>
              加载更早的访客
            </Button>
          ) : (
            <Text className="radar-page__end">没有更早的访客了</Text>
          )}
        </View>
      )}
    </View>
  );
}
