import { Button, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import SharePosterCanvas, { savePosterToAlbum } from '../SharePoster';
import './index.scss';

export interface WechatSharePanelProps {
  /** The label of the share button (open-type="share": the page's onShareAppMessage makes the share). */
  shareLabel: string;
  /** Renders the poster (with the mini-program code of a poster share) and returns its image file. */
  makePoster: () => Promise<string>;
  /** Under the poster preview: what whoever scans it will see. */
  posterHint: string;
}

/** Sharing in WeChat: to a chat, to Moments (from the menu), or as a poster saved to the album. */
export default function WechatSharePanel({ shareLabel, makePoster, posterHint }: WechatSharePanelProps) {
  const [posterPath, setPosterPath] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const generate = async () => {
    if (busy) return;
    setBusy(true);
    Taro.showLoading({ title: '正在生成海报' });
    try {
      setPosterPath(await makePoster());
    } catch (error) {
      Taro.showToast({ title: error instanceof Error ? error.message : '海报生成失败', icon: 'none' });
    } finally {
      Taro.hideLoading();
      setBusy(false);
    }
  };

  return (
    <View className="wechat-share-panel">
      <Button className="button-primary wechat-share-panel__button" openType="share">
        {shareLabel}
      </Button>
      <Button
        className="wechat-share-panel__button wechat-share-panel__button--secondary"
        loading={busy}
        onClick={generate}
      >
        生成海报
      </Button>
      <Text className="wechat-share-panel__hint">分享到朋友圈：点右上角「···」，选择「分享到朋友圈」</Text>
      {posterPath && (
        <View className="wechat-share-panel__poster">
          <Image className="wechat-share-panel__poster-image" src={posterPath} mode="widthFix" />
          <Button
            className="button-primary wechat-share-panel__button"
            onClick={() => void savePosterToAlbum(posterPath)}
          >
            保存到相册
          </Button>
          <Text className="wechat-share-panel__hint">{posterHint}</Text>
        </View>
      )}
      <SharePosterCanvas />
    </View>
  );
}
