import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { MyShareDto } from '@cardhub/shared';
import { useCallback, useState } from 'react';
import { MaterialTypeBadge } from '../../components/MaterialCard';
import { formatRelativeTime } from '../../components/RadarVisitItem/formatRelativeTime';
import { usePagedList } from '../../hooks/usePagedList';
import { fetchMyShares } from '../../services/shares';
import { SHARE_CHANNEL_LABELS } from '../../utils/labels';
import './index.scss';

const PAGE_SIZE = 20;

function ShareItem({ share, now }: { share: MyShareDto; now: Date }) {
  const { target } = share;
  // A share of what still opens leads back to its sharing tools, to send it again.
  const reopen = () => {
    if (!target.available) return;
    const url =
      target.type === 'material' ? `/pages/material/detail/index?id=${target.id}` : '/pages/card/share/index';
    void Taro.navigateTo({ url });
  };
  const stats: [string, number][] = [
    ['浏览', share.views],
    ['访客', share.visitors],
    ['转发', share.forwards],
  ];
  return (
    <View className={`share-item${target.available ? '' : ' share-item--gone'}`} onClick={reopen}>
      <View className="share-item__head">
        {target.materialType ? (
          <MaterialTypeBadge type={target.materialType} />
        ) : (
          <Text className="share-item__card-badge">名片</Text>
        )}
        <Text className="share-item__title">{target.title}</Text>
      </View>
      <View className="share-item__meta">
        <Text>
          {SHARE_CHANNEL_LABELS[share.channel]} · {formatRelativeTime(new Date(share.createdAt), now)}
        </Text>
        {target.available ? null : <Text className="share-item__gone">已下架</Text>}
      </View>
      <View className="share-item__stats">
        {stats.map(([label, value]) => (
          <View className="share-item__stat" key={label}>
            <Text className={`share-item__value${value > 0 ? ' share-item__value--live' : ''}`}>{value}</Text>
            <Text className="share-item__label">{label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** "My shares" (我的分享): each share I made, newest first, with the views, visitors and forwards it brought. */
export default function MySharesPage() {
  const [now, setNow] = useState(() => new Date());
  const fetchPage = useCallback((page: number) => {
    setNow(new Date());
    return fetchMyShares(page, PAGE_SIZE);
  }, []);
  const list = usePagedList<MyShareDto>(fetchPage);
  useReachBottom(() => void list.loadMore());
  usePullDownRefresh(async () => {
    await list.reload();
    Taro.stopPullDownRefresh();
  });

  if (list.status === 'loading') {
    return (
      <View className="my-shares my-shares--center">
        <Text className="my-shares__hint">正在加载…</Text>
      </View>
    );
  }
  if (list.status === 'failed') {
    return (
      <View className="my-shares my-shares--center">
        <Text className="my-shares__empty-title">加载失败</Text>
        <Text className="my-shares__hint">请检查网络后重试</Text>
        <Button className="button-primary my-shares__action" onClick={() => void list.reload()}>
          重试
        </Button>
      </View>
    );
  }
  if (list.items.length === 0) {
    return (
      <View className="my-shares my-shares--center">
        <Text className="my-shares__empty-title">还没有分享记录</Text>
        <Text className="my-shares__hint">从物料库挑一篇文章或海报发给客户，谁看了一目了然</Text>
        <Button
          className="button-primary my-shares__action"
          onClick={() => void Taro.navigateTo({ url: '/pages/material/index' })}
        >
          去物料库
        </Button>
      </View>
    );
  }
  return (
    <View className="my-shares">
      <Text className="my-shares__legend">
        共分享 {list.total} 次 · 浏览和访客含客户转发带来的，不含自己和同事
      </Text>
      {list.items.map((share) => (
        <ShareItem key={share.code} share={share} now={now} />
      ))}
      {list.hasMore ? (
        <Button className="my-shares__more" loading={list.loadingMore} onClick={() => void list.loadMore()}>
          加载更多
        </Button>
      ) : (
        <Text className="my-shares__end">没有更早的分享了</Text>
      )}
    </View>
  );
}
