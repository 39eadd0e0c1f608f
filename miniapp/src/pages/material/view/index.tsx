import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import {
  type CardDto,
  type PublicMaterialResponse,
  type ShareDto,
  type VideoProgress,
  siteUrlWithShare,
} from '@cardhub/shared';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  copyWithToast,
  openSite,
  performCardAction,
  siteVisitorKey,
} from '../../../components/BusinessCard/cardActions';
import CardStrip from '../../../components/CardStrip';
import MaterialContent from '../../../components/MaterialContent';
import { useReadingDepth } from '../../../hooks/useReadingDepth';
import { useVisit } from '../../../hooks/useVisit';
import { identifyWechatViewer } from '../../../services/auth';
import { getSharedMaterial } from '../../../services/materials';
import { ApiError } from '../../../services/request';
import { createForward } from '../../../services/shares';
import { shareCodeOf } from '../../../utils/shareSource';
import PrivacyLink from '../../../components/PrivacyLink';
import './index.scss';
import { setPageTitle } from '../../../utils/pageTitle';

const isWeapp = process.env.TARO_ENV === 'weapp';
const ROOT_ID = 'material-view';

type PageState =
  | { kind: 'loading' }
  | { kind: 'gone' }
  | { kind: 'offline' }
  | { kind: 'ready'; page: PublicMaterialResponse };

async function loadShared(shareCode: string | undefined): Promise<PublicMaterialResponse> {
  if (!shareCode) throw new ApiError(404, { statusCode: 404, error: 'Not Found', message: '内容不存在' });
  await identifyWechatViewer();
  return getSharedMaterial(shareCode);
}

/** The sharing employee's card at the foot of the page, with the ways to reach them. */
function ContactFooter({
  card,
  onCall,
  onCopyWechat,
  onConsult,
}: {
  card: CardDto;
  onCall: () => void;
  onCopyWechat: () => void;
  onConsult: () => void;
}) {
  return (
    <View className="material-view__footer">
      <CardStrip card={card} note="为你分享" />
      <View className="material-view__contact">
        {card.phone ? (
          <Button className="material-view__contact-button" onClick={onCall}>
            拨打电话
          </Button>
        ) : null}
        {card.wechatId ? (
          <Button className="material-view__contact-button" onClick={onCopyWechat}>
            加微信
          </Button>
        ) : null}
        <Button
          className="button-primary material-view__contact-button material-view__consult"
          onClick={onConsult}
        >
          咨询
        </Button>
      </View>
    </View>
  );
}

/**
 * A material as a prospect opens it from a share, without logging in: the content, the sharing employee's card
 * and ways to reach them, the official site, and forwarding. Reading is measured: the view, dwell time, scroll
 * depth marks and video progress.
 */
export default function MaterialViewPage() {
  const { params } = useRouter();
  const shareCode = useMemo(
    () => shareCodeOf({ sc: params.sc, scene: params.scene }),
    [params.sc, params.scene],
  );
  const [state, setState] = useState<PageState>({ kind: 'loading' });

  const load = useCallback(
    () =>
      loadShared(shareCode).then(
        (page) => {
          setState({ kind: 'ready', page });
          void setPageTitle(page.material.title);
        },
        (error: unknown) => {
          const offline = !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
          setState({ kind: offline ? 'offline' : 'gone' });
        },
      ),
    [shareCode],
  );
  useEffect(() => {
    void load();
  }, [load]);
  const retry = () => {
    setState({ kind: 'loading' });
    void load();
  };

  const loaded = state.kind === 'ready' ? state.page : null;
  const target = useMemo(
    () =>
      loaded
        ? { targetType: 'material' as const, targetId: loaded.material.id, shareCode: loaded.share.code }
        : null,
    [loaded],
  );
  const { visit, report, reportClick } = useVisit(target);

  useReadingDepth(ROOT_ID, loaded !== null, (marks) =>
    report(marks.map((depth) => ({ type: 'scroll', depth }))),
  );

  const videoReported = useRef(new Set<VideoProgress>());
  const onVideoProgress = (progress: VideoProgress) => {
    if (videoReported.current.has(progress)) return;
    videoReported.current.add(progress);
    report([{ type: 'video', progress }]);
  };

  /** A forward is a child share of the one this visitor arrived by, so the chain leads back to the employee. */
  const forward = (): Promise<ShareDto> | null =>
    loaded && visit
      ? createForward({
          targetType: 'material',
          targetId: loaded.material.id,
          parentCode: loaded.share.code,
          visitToken: visit.visitToken,
        })
      : null;

  useShareAppMessage(() => {
    const title = loaded?.material.title ?? '分享';
    const imageUrl = loaded?.material.coverUrl ?? undefined;
    // Until the child share exists (or when it cannot be made), a forward reopens what this visitor opened.
    const child = forward();
    return {
      title,
      imageUrl,
      path: `/pages/material/view/index?sc=${loaded?.share.code ?? shareCode ?? ''}`,
      ...(child ? { promise: child.then((share) => ({ title, imageUrl, path: `/${share.path}` })) } : {}),
    };
  });
  useShareTimeline(() => ({
    title: loaded?.material.title ?? '分享',
    query: `sc=${loaded?.share.code ?? shareCode ?? ''}`,
    imageUrl: loaded?.material.coverUrl ?? undefined,
  }));

  if (state.kind === 'loading') {
    return (
      <View className="material-view material-view--message" aria-busy>
        <View className="material-view__skeleton material-view__skeleton--title" />
        <View className="material-view__skeleton material-view__skeleton--line" />
        <View className="material-view__skeleton material-view__skeleton--block" />
        <Text className="material-view__hint">正在打开…</Text>
      </View>
    );
  }
  if (state.kind !== 'ready') {
    const gone = state.kind === 'gone';
    return (
      <View className="material-view material-view--message">
        <View className="material-view__message-icon">
          <Text>{gone ? '文' : '!'}</Text>
        </View>
        <Text className="material-view__message-title">
          {gone ? '内容已下架或链接已失效' : '网络不太稳定'}
        </Text>
        <Text className="material-view__hint">
          {gone ? '请联系分享给你的人重新发送' : '内容没能加载出来，请检查网络后重试'}
        </Text>
        {gone ? null : (
          <Button className="button-primary material-view__retry" onClick={retry}>
            重新加载
          </Button>
        )}
      </View>
    );
  }

  const { material, card, share } = state.page;
  const act = (action: 'call' | 'copy_wechat') => {
    if (!card) return;
    reportClick(action);
    void performCardAction(action, card).catch(() => undefined);
  };
  const consult = async () => {
    if (!card) return;
    reportClick('consult');
    const choices = [
      ...(visit
        ? [
            {
              label: `留下电话，请${card.name}联系我`,
              run: () =>
                void Taro.navigateTo({
                  url: `/pages/contact/index?token=${encodeURIComponent(visit.visitToken)}&to=${encodeURIComponent(card.name)}`,
                }),
            },
          ]
        : []),
      ...(card.phone ? [{ label: `拨打电话 ${card.phone}`, run: () => act('call') }] : []),
      ...(card.wechatId ? [{ label: '复制微信号', run: () => act('copy_wechat') }] : []),
      {
        label: '查看完整名片',
        run: () => void Taro.navigateTo({ url: `/pages/card/view/index?id=${card.id}` }),
      },
    ];
    try {
      const { tapIndex } = await Taro.showActionSheet({ itemList: choices.map((choice) => choice.label) });
      choices[tapIndex]?.run();
    } catch {
      // Closed without choosing.
    }
  };
  const visitSite = () => {
    if (!card?.siteUrl) return;
    reportClick('open_site');
    void openSite(siteUrlWithShare(card.siteUrl, share.code, siteVisitorKey())).catch(() => undefined);
  };
  const forwardOnWeb = async () => {
    const child = forward();
    const link = child
      ? await child.then((made) => made.url).catch(() => window.location.href)
      : window.location.href;
    await copyWithToast(link, '链接已复制，发给朋友吧');
  };
  const company = card ? card.company || card.organizationName : null;

  return (
    <View id={ROOT_ID} className={`material-view${card ? ' material-view--with-footer' : ''}`}>
      <MaterialContent
        material={material}
        publisher={company ?? undefined}
        onVideoProgress={onVideoProgress}
      />

      {card?.siteUrl ? (
        <View className="material-view__site" onClick={visitSite}>
          <View className="material-view__site-text">
            <Text className="material-view__site-title">想了解更多？</Text>
            <Text className="material-view__site-hint">访问{company}官网，查看产品与案例</Text>
          </View>
          <Text className="material-view__site-arrow">访问官网</Text>
        </View>
      ) : null}

      {isWeapp ? (
        <Button className="material-view__forward" openType="share">
          转发给朋友
        </Button>
      ) : (
        <Button className="material-view__forward" onClick={forwardOnWeb}>
          转发给朋友
        </Button>
      )}

      {card ? (
        <ContactFooter
          card={card}
          onCall={() => act('call')}
          onCopyWechat={() => act('copy_wechat')}
          onConsult={consult}
        />
      ) : null}
      <PrivacyLink visitToken={visit?.visitToken ?? null} />
    </View>
  );
}
