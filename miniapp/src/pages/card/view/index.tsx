import { Text, View } from '@tarojs/components';
import { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import type { PublicCardResponse, ShareDto } from '@cardhub/shared';
import { BusinessCard, type BusinessCardAction } from '../../../components/BusinessCard';
import { copyWithToast, performCardAction } from '../../../components/BusinessCard/cardActions';
import { useVisit } from '../../../hooks/useVisit';
import { identifyWechatViewer } from '../../../services/auth';
import { getPublicCard, getPublicCardByShare } from '../../../services/cards';
import { ApiError, failureMessage } from '../../../services/request';
import { createForward } from '../../../services/shares';
import { shareCodeOf } from '../../../utils/shareSource';
import PrivacyLink from '../../../components/PrivacyLink';
import './index.scss';
import { setPageTitle } from '../../../utils/pageTitle';

const isWeapp = process.env.TARO_ENV === 'weapp';

/** Where the card comes from: a share code (link, path or mini-program code scene) or a card id. */
function useCardSource() {
  const { params } = useRouter();
  return useMemo(
    () => ({ shareCode: shareCodeOf({ sc: params.sc, scene: params.scene }), cardId: params.id }),
    [params.sc, params.scene, params.id],
  );
}

async function loadCard(source: { shareCode?: string; cardId?: string }): Promise<PublicCardResponse> {
  await identifyWechatViewer();
  if (source.shareCode) return getPublicCardByShare(source.shareCode);
  if (source.cardId) return getPublicCard(source.cardId);
  throw new ApiError(404, { statusCode: 404, error: 'Not Found', message: '名片不存在或已失效' });
}

/** The card as a prospect sees it, opened from a share without logging in. */
export default function CardViewPage() {
  const source = useCardSource();
  const [loaded, setLoaded] = useState<PublicCardResponse | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const card = loaded?.card;
  const target = useMemo(
    () =>
      loaded
        ? { targetType: 'card' as const, targetId: loaded.card.id, shareCode: loaded.share?.code }
        : null,
    [loaded],
  );
  const { visit, reportClick } = useVisit(target);

  useEffect(() => {
    loadCard(source)
      .then((response) => {
        setLoaded(response);
        void setPageTitle(`${response.card.name}的名片`);
      })
      .catch((error: unknown) => setFailure(failureMessage(error, '名片加载失败，请稍后再试')));
  }, [source]);

  /** A forward is a child share of the one this visitor arrived by, so the chain leads back to the employee. */
  const forward = (): Promise<ShareDto> | null => {
    if (!card || !loaded?.share || !visit) return null;
    return createForward({
      targetType: 'card',
      targetId: card.id,
      parentCode: loaded.share.code,
      visitToken: visit.visitToken,
    });
  };

  // Until the child share exists (or when there is none), a forward reopens what this visitor opened.
  const sameCardQuery = loaded?.share ? `sc=${loaded.share.code}` : `id=${card?.id ?? ''}`;

  useShareAppMessage(() => {
    const title = card ? `${card.name}的名片 · ${card.company || card.organizationName}` : '名片';
    const fallbackPath = `/pages/card/view/index?${sameCardQuery}`;
    const child = forward();
    return {
      title,
      path: fallbackPath,
      ...(child ? { promise: child.then((share) => ({ title, path: `/${share.path}` })) } : {}),
    };
  });
  useShareTimeline(() => ({
    title: card ? `${card.name}的名片` : '名片',
    query: sameCardQuery,
  }));

  /** On H5 a forward hands out the child share's link; without one (or if it fails), this page's. */
  const forwardLink = async (): Promise<string> => {
    const child = forward();
    if (!child) return window.location.href;
    return child.then((share) => share.url).catch(() => window.location.href);
  };

  const onAction = async (action: BusinessCardAction) => {
    if (!card) return;
    if (action === 'forward') {
      await copyWithToast(await forwardLink(), '链接已复制，发给朋友吧');
      return;
    }
    reportClick(action);
    await performCardAction(action, card, loaded?.share?.code).catch(() => undefined);
  };

  if (failure) {
    return (
      <View className="page card-view card-view--message">
        <View className="card-view__message-icon">
          <Text>名</Text>
        </View>
        <Text className="card-view__message-title">{failure}</Text>
        <Text className="card-view__message-hint">请联系分享给你的人重新发送</Text>
      </View>
    );
  }
  if (!card) {
    return (
      <View className="page card-view" aria-busy>
        <View className="card-view__skeleton card-view__skeleton--face" />
        <View className="card-view__skeleton card-view__skeleton--actions" />
        <Text className="card-view__message-hint card-view__loading">名片加载中…</Text>
      </View>
    );
  }
  return (
    <View className="page card-view">
      <BusinessCard card={card} onAction={onAction} forwardAsShareButton={isWeapp} />
      <Text className="card-view__footer">{card.organizationName} · 智能名片</Text>
      <PrivacyLink visitToken={visit?.visitToken ?? null} />
    </View>
  );
}
