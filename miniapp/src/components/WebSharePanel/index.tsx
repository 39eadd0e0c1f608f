import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ShareChannel, ShareDto } from '@cardhub/shared';
import { useEffect, useState } from 'react';
import ShareLinkField from '../ShareLinkField';
import { qrcodeUrl } from '../../services/shares';
import './index.scss';

type WebChannel = Extract<ShareChannel, 'link' | 'qrcode'>;
const TABS: { channel: WebChannel; label: string }[] = [
  { channel: 'link', label: '发送链接' },
  { channel: 'qrcode', label: '二维码' },
];

export interface WebSharePanelProps {
  /** The share of the target for a channel (the same one on every call for that channel). */
  shareFor: (channel: WebChannel) => Promise<ShareDto>;
  /** What scanning the QR code opens, e.g. 微信扫一扫，打开我的名片. */
  qrCaption: string;
}

/** Sharing in a browser (H5): a copyable link, or a QR code to show or screenshot; each is its own share. */
export default function WebSharePanel({ shareFor, qrCaption }: WebSharePanelProps) {
  const [channel, setChannel] = useState<WebChannel>('link');
  const [shares, setShares] = useState<Partial<Record<WebChannel, ShareDto>>>({});

  useEffect(() => {
    shareFor(channel).then(
      (share) => setShares((current) => ({ ...current, [channel]: share })),
      () => Taro.showToast({ title: '生成失败，请稍后再试', icon: 'none' }),
    );
  }, [channel, shareFor]);

  const share = shares[channel];
  return (
    <View className="web-share-panel">
      <View className="web-share-panel__tabs">
        {TABS.map((tab) => (
          <Text
            key={tab.channel}
            className={`web-share-panel__tab${tab.channel === channel ? ' web-share-panel__tab--active' : ''}`}
            onClick={() => setChannel(tab.channel)}
          >
            {tab.label}
          </Text>
        ))}
      </View>
      {!share ? (
        <Text className="web-share-panel__hint">正在生成…</Text>
      ) : channel === 'link' ? (
        <View className="web-share-panel__section">
          <Text className="web-share-panel__label">复制链接，粘贴到微信、短信或邮件里发给客户</Text>
          <ShareLinkField url={share.url} />
        </View>
      ) : (
        <View className="web-share-panel__section web-share-panel__section--qr">
          <Image className="web-share-panel__qr" src={qrcodeUrl(share.code)} mode="aspectFit" />
          <Text className="web-share-panel__caption">{qrCaption}</Text>
          <Text className="web-share-panel__hint">可截图发送，或让客户直接扫描屏幕</Text>
        </View>
      )}
    </View>
  );
}
