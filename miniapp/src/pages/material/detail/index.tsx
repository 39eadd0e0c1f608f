import { Text, View } from '@tarojs/components';
import { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import type { CardDto, MaterialDto } from '@cardhub/shared';
import { useCallback, useEffect, useState } from 'react';
import CardStrip from '../../../components/CardStrip';
import MaterialContent from '../../../components/MaterialContent';
import { renderMaterialPoster } from '../../../components/SharePoster';
import WebSharePanel from '../../../components/WebSharePanel';
import WechatSharePanel from '../../../components/WechatSharePanel';
import { useShares } from '../../../hooks/useShares';
import { getMyCard } from '../../../services/cards';
import { getMaterial } from '../../../services/materials';
import { ApiError } from '../../../services/request';
import { downloadWxacode } from '../../../services/shares';
import MaterialViewPage from '../view';
import './index.scss';
import { setPageTitle } from '../../../utils/pageTitle';

const IN_WECHAT = process.env.TARO_ENV === 'weapp';

const materialTarget = (material: MaterialDto) => ({
  targetType: 'material' as const,
  targetId: material.id,
});

/** An employee's view of a material: a preview of what customers see, and the ways to share it with my card. */
function MaterialWorkbench({ materialId }: { materialId: string }) {
  const [material, setMaterial] = useState<MaterialDto | null>(null);
  const [card, setCard] = useState<CardDto | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { shares, shareFor } = useShares();

  useEffect(() => {
    Promise.all([getMaterial(materialId), getMyCard()])
      .then(async ([loaded, myCard]) => {
        setMaterial(loaded);
        setCard(myCard);
        void setPageTitle(loaded.title);
        // Moments shares are read synchronously by WeChat (and a chat share falls back to it): make it now.
        if (IN_WECHAT) await shareFor('moments', materialTarget(loaded));
      })
      .catch((error: unknown) =>
        setFailure(
          error instanceof ApiError && error.status === 404 ? '物料不存在或已下架' : '加载失败，请稍后再试',
        ),
      );
  }, [materialId, shareFor]);

  useShareAppMessage(() => {
    if (!material) return { title: '物料' };
    const title = material.title;
    const imageUrl = material.coverUrl ?? undefined;
    return {
      title,
      imageUrl,
      path: shares.moments ? `/${shares.moments.path}` : '/pages/home/index',
      // WeChat waits up to 3 s for the real share; its code is what attributes the readers to me.
      promise: shareFor('chat', materialTarget(material)).then((share) => ({
        title,
        imageUrl,
        path: `/${share.path}`,
      })),
    };
  });
  useShareTimeline(() => ({
    title: material?.title ?? '物料',
    query: shares.moments ? `sc=${shares.moments.code}` : '',
    imageUrl: material?.coverUrl ?? undefined,
  }));

  const webShareFor = useCallback(
    (channel: 'link' | 'qrcode') => shareFor(channel, materialTarget(material!)),
    [material, shareFor],
  );

  if (failure) {
    return (
      <View className="material-detail material-detail--center">
        <Text className="material-detail__failure">{failure}</Text>
      </View>
    );
  }
  if (!material || !card) {
    return (
      <View className="material-detail material-detail--center">
        <Text className="material-detail__hint">正在加载…</Text>
      </View>
    );
  }

  const makePoster = async () => {
    const share = await shareFor('poster', materialTarget(material));
    return renderMaterialPoster(material, card, await downloadWxacode(share.code));
  };

  return (
    <View className="material-detail">
      <View className="material-detail__panel">
        <View className="material-detail__panel-head">
          <Text className="material-detail__panel-title">分享给客户</Text>
          <Text className="material-detail__panel-hint">
            附带你的名片，谁看了、看了多久都会出现在访客雷达
          </Text>
        </View>
        {IN_WECHAT ? (
          <WechatSharePanel
            shareLabel="分享给客户"
            makePoster={makePoster}
            posterHint="保存后可发到朋友圈或社群，客户扫码即可阅读并看到你的名片"
          />
        ) : (
          <WebSharePanel shareFor={webShareFor} qrCaption="微信扫一扫，阅读全文" />
        )}
      </View>

      <Text className="material-detail__preview-title">客户打开后看到的内容</Text>
      <MaterialContent material={material} publisher={card.company || card.organizationName} />
      <View className="material-detail__strip">
        <CardStrip card={card} note="为你分享" />
        <Text className="material-detail__strip-hint">
          页面底部附上你的名片，客户可一键拨打电话、加微信、咨询
        </Text>
      </View>
    </View>
  );
}

export default function MaterialDetailPage() {
  const { params } = useRouter();
  // A Moments share reopens the page it came from, with its code: readers get the material, not the sharer's tools.
  if (params.sc) return <MaterialViewPage />;
  return <MaterialWorkbench materialId={params.id ?? ''} />;
}
