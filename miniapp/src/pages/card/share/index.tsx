import { Text, View } from '@tarojs/components';
import Taro, { useLoad, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import type { CardDto } from '@cardhub/shared';
import { useCallback, useState } from 'react';
import { BusinessCard } from '../../../components/BusinessCard';
import { renderCardPoster } from '../../../components/SharePoster';
import WebSharePanel from '../../../components/WebSharePanel';
import WechatSharePanel from '../../../components/WechatSharePanel';
import { useShares } from '../../../hooks/useShares';
import { getMyCard } from '../../../services/cards';
import { downloadWxacode } from '../../../services/shares';
import CardViewPage from '../view';
import './index.scss';

const IN_WECHAT = process.env.TARO_ENV === 'weapp';

const shareTitle = (card: CardDto) => `${card.name}${card.title ? ` · ${card.title}` : ''}的名片`;
const cardTarget = (card: CardDto) => ({ targetType: 'card' as const, targetId: card.id });

/** The employee's tools for sharing their own card. */
function ShareWorkbench() {
  const [card, setCard] = useState<CardDto | null>(null);
  const { shares, shareFor } = useShares();

  useLoad(async () => {
    try {
      const loaded = await getMyCard();
      setCard(loaded);
      // Moments shares are read synchronously by WeChat, so that code must exist before the menu opens.
      if (IN_WECHAT) await shareFor('moments', cardTarget(loaded));
    } catch {
      Taro.showToast({ title: '加载失败，请稍后再试', icon: 'none' });
    }
  });

  useShareAppMessage(() => {
    if (!card) return { title: '我的名片' };
    const title = shareTitle(card);
    return {
      title,
      path: `/pages/card/view/index?id=${card.id}`,
      // WeChat waits up to 3 s for the real share; its code is what attributes the visitors.
      promise: shareFor('chat', cardTarget(card)).then((share) => ({ title, path: `/${share.path}` })),
    };
  });

  useShareTimeline(() => ({
    title: card ? shareTitle(card) : '我的名片',
    query: shares.moments ? `sc=${shares.moments.code}` : '',
  }));

  const webShareFor = useCallback(
    (channel: 'link' | 'qrcode') => shareFor(channel, cardTarget(card!)),
    [card, shareFor],
  );

  if (!card) {
    return (
      <View className="card-share card-share--center">
        <Text className="card-share__hint">正在准备分享…</Text>
      </View>
    );
  }

  const makePoster = async () => {
    const share = await shareFor('poster', cardTarget(card));
    return renderCardPoster(card, await downloadWxacode(share.code));
  };

  return (
    <View className="card-share">
      <View className="card-share__panel">
        {IN_WECHAT ? (
          <WechatSharePanel
            shareLabel="发送给朋友"
            makePoster={makePoster}
            posterHint="保存后可发到朋友圈或打印，客户扫码即可查看你的名片"
          />
        ) : (
          <WebSharePanel shareFor={webShareFor} qrCaption="微信扫一扫，打开我的名片" />
        )}
      </View>

      <View className="card-share__preview">
        <Text className="card-share__preview-title">客户打开后看到的名片</Text>
        <BusinessCard card={card} preview />
      </View>
    </View>
  );
}

export default function CardSharePage() {
  const { params } = useRouter();
  // A Moments share reopens the page it came from, with its code: readers get the card, not the sharer's tools.
  return params.sc ? <CardViewPage /> : <ShareWorkbench />;
}
