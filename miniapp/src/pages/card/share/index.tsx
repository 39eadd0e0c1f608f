import { Button, Image, Text, View } from '@tarojs/components';
import Taro, { useLoad, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import type { CardDto, ShareChannel, ShareDto } from '@cardhub/shared';
import { useRef, useState } from 'react';
import { BusinessCard } from '../../../components/BusinessCard';
import SharePosterCanvas, { renderPoster } from '../../../components/SharePoster';
import ShareLinkField from '../../../components/ShareLinkField';
import { getMyCard } from '../../../services/cards';
import { createShare, downloadWxacode, qrcodeUrl } from '../../../services/shares';
import CardViewPage from '../view';
import './index.scss';

const IN_WECHAT = process.env.TARO_ENV === 'weapp';

type WebChannel = Extract<ShareChannel, 'link' | 'qrcode'>;
const WEB_TABS: { channel: WebChannel; label: string }[] = [
  { channel: 'link', label: '发送链接' },
  { channel: 'qrcode', label: '二维码' },
];

const shareTitle = (card: CardDto) => `${card.name}${card.title ? ` · ${card.title}` : ''}的名片`;

/** The employee's tools for sharing their own card. */
function ShareWorkbench() {
  const [card, setCard] = useState<CardDto | null>(null);
  const [shares, setShares] = useState<Partial<Record<ShareChannel, ShareDto>>>({});
  const [webChannel, setWebChannel] = useState<WebChannel>('link');
  const [posterPath, setPosterPath] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One share per channel per visit to this page; two taps never create two codes.
  const pending = useRef<Partial<Record<ShareChannel, Promise<ShareDto>>>>({});

  const shareFor = (channel: ShareChannel, forCard: CardDto): Promise<ShareDto> => {
    const inFlight = pending.current[channel];
    if (inFlight) return inFlight;
    const created = createShare({ targetType: 'card', targetId: forCard.id, channel }).then(
      (share: ShareDto) => {
        setShares((current) => ({ ...current, [channel]: share }));
        return share;
      },
      (error: unknown) => {
        delete pending.current[channel]; // Let the next tap try again.
        throw error;
      },
    );
    pending.current[channel] = created;
    return created;
  };

  useLoad(async () => {
    try {
      const loaded = await getMyCard();
      setCard(loaded);
      // Moments shares are read synchronously by WeChat, so that code must exist before the menu opens.
      if (IN_WECHAT) await shareFor('moments', loaded);
      else await shareFor('link', loaded);
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
      promise: shareFor('chat', card).then((share) => ({ title, path: `/${share.path}` })),
    };
  });

  useShareTimeline(() => ({
    title: card ? shareTitle(card) : '我的名片',
    query: shares.moments ? `sc=${shares.moments.code}` : '',
  }));

  const selectWebChannel = (channel: WebChannel) => {
    setWebChannel(channel);
    if (card)
      shareFor(channel, card).catch(() => Taro.showToast({ title: '生成失败，请稍后再试', icon: 'none' }));
  };

  const makePoster = async () => {
    if (!card || busy) return;
    setBusy(true);
    Taro.showLoading({ title: '正在生成海报' });
    try {
      const share = await shareFor('poster', card);
      setPosterPath(await renderPoster(card, await downloadWxacode(share.code)));
    } catch (error) {
      Taro.showToast({ title: error instanceof Error ? error.message : '海报生成失败', icon: 'none' });
    } finally {
      Taro.hideLoading();
      setBusy(false);
    }
  };

  const savePoster = async () => {
    if (!posterPath) return;
    try {
      await Taro.saveImageToPhotosAlbum({ filePath: posterPath });
      Taro.showToast({ title: '已保存到相册', icon: 'success' });
    } catch (error) {
      const message = (error as { errMsg?: string }).errMsg ?? '';
      if (!/auth|deny|denied/i.test(message)) return; // The user cancelled.
      const { confirm } = await Taro.showModal({
        title: '需要相册权限',
        content: '保存海报需要访问你的相册，请在设置中允许「保存到相册」。',
        confirmText: '去设置',
      });
      if (confirm) Taro.openSetting();
    }
  };

  if (!card) {
    return (
      <View className="card-share card-share--center">
        <Text className="card-share__hint">正在准备分享…</Text>
      </View>
    );
  }

  const webShare = shares[webChannel];
  return (
    <View className="card-share">
      {IN_WECHAT ? (
        <View className="card-share__panel">
          <Button className="button-primary card-share__button" openType="share">
            发送给朋友
          </Button>
          <Button
            className="card-share__button card-share__button--secondary"
            loading={busy}
            onClick={makePoster}
          >
            生成海报
          </Button>
          <Text className="card-share__hint">分享到朋友圈：点右上角「···」，选择「分享到朋友圈」</Text>
          {posterPath && (
            <View className="card-share__poster">
              <Image className="card-share__poster-image" src={posterPath} mode="widthFix" />
              <Button className="button-primary card-share__button" onClick={savePoster}>
                保存到相册
              </Button>
              <Text className="card-share__hint">保存后可发到朋友圈或打印，客户扫码即可查看你的名片</Text>
            </View>
          )}
          <SharePosterCanvas />
        </View>
      ) : (
        <View className="card-share__panel">
          <View className="card-share__tabs">
            {WEB_TABS.map((tab) => (
              <Text
                key={tab.channel}
                className={`card-share__tab${tab.channel === webChannel ? ' card-share__tab--active' : ''}`}
                onClick={() => selectWebChannel(tab.channel)}
              >
                {tab.label}
              </Text>
            ))}
          </View>
          {!webShare ? (
            <Text className="card-share__hint">正在生成…</Text>
          ) : webChannel === 'link' ? (
            <View className="card-share__section">
              <Text className="card-share__label">复制链接，粘贴到微信、短信或邮件里发给客户</Text>
              <ShareLinkField url={webShare.url} />
            </View>
          ) : (
            <View className="card-share__section card-share__section--qr">
              <Image className="card-share__qr" src={qrcodeUrl(webShare.code)} mode="aspectFit" />
              <Text className="card-share__caption">微信扫一扫，打开我的名片</Text>
              <Text className="card-share__hint">可截图发送，或让客户直接扫描屏幕</Text>
            </View>
          )}
        </View>
      )}

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
