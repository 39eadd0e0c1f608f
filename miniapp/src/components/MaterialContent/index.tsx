import { Image, RichText, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Swiper, SwiperItem, Video } from './media';
import type { MaterialDto, VideoProgress } from '@cardhub/shared';
import { useMemo, useState } from 'react';
import { styledRichText } from '../../utils/richText';
import { MaterialTypeBadge } from '../MaterialCard';
import './index.scss';

export interface MaterialContentProps {
  material: MaterialDto;
  /** Named under the title, with the publication date. */
  publisher?: string;
  /** The video's first play and its end (each may fire more than once; the page decides what to report). */
  onVideoProgress?: (progress: VideoProgress) => void;
}

function formatDate(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

/** An image that says so when it cannot be shown instead of leaving a broken picture. */
function SafeImage(props: {
  src: string;
  className: string;
  mode: 'widthFix' | 'aspectFill';
  onClick?: () => void;
}) {
  const [failed, setFailed] = useState(false);
  if (failed) {
    return (
      <View className={`${props.className} material-content__missing`}>
        <Text>图片暂时无法显示</Text>
      </View>
    );
  }
  return (
    <Image
      className={props.className}
      src={props.src}
      mode={props.mode}
      showMenuByLongpress
      onClick={props.onClick}
      onError={() => setFailed(true)}
    />
  );
}

const preview = (urls: string[], current: string) => () => void Taro.previewImage({ urls, current });

function Body({ html }: { html: string }) {
  const nodes = useMemo(() => styledRichText(html), [html]);
  return <RichText className="material-content__body" nodes={nodes} />;
}

function Heading({ material, publisher }: Pick<MaterialContentProps, 'material' | 'publisher'>) {
  const byline = [publisher, formatDate(material.publishedAt)].filter(Boolean).join(' · ');
  return (
    <View className="material-content__heading">
      <Text className="material-content__title">{material.title}</Text>
      <View className="material-content__byline">
        <MaterialTypeBadge type={material.type} />
        {byline ? <Text>{byline}</Text> : null}
      </View>
    </View>
  );
}

function Poster({ material }: { material: MaterialDto }) {
  const image = material.mediaUrl ?? material.coverUrl;
  return image ? (
    <View className="material-content__poster">
      <SafeImage
        className="material-content__poster-image"
        src={image}
        mode="widthFix"
        onClick={preview([image], image)}
      />
      <Text className="material-content__hint">点击查看大图，长按可保存或转发</Text>
    </View>
  ) : null;
}

function VideoPlayer({
  material,
  onVideoProgress,
}: Pick<MaterialContentProps, 'material' | 'onVideoProgress'>) {
  const [failed, setFailed] = useState(false);
  if (!material.mediaUrl) return null;
  return (
    <View className="material-content__video">
      <Video
        id="material-video"
        className="material-content__player"
        src={material.mediaUrl}
        poster={material.coverUrl ?? undefined}
        controls
        showCenterPlayBtn
        objectFit="contain"
        onPlay={() => onVideoProgress?.('play')}
        onEnded={() => onVideoProgress?.('complete')}
        onError={() => setFailed(true)}
      />
      {failed ? <Text className="material-content__video-error">视频暂时无法播放，请稍后再试</Text> : null}
    </View>
  );
}

function Product({ material, publisher }: Pick<MaterialContentProps, 'material' | 'publisher'>) {
  const gallery = material.images.length > 0 ? material.images : material.coverUrl ? [material.coverUrl] : [];
  return (
    <>
      {gallery.length > 0 ? (
        <Swiper
          className="material-content__gallery"
          indicatorDots={gallery.length > 1}
          indicatorActiveColor="#3370ff"
          circular
        >
          {gallery.map((image) => (
            <SwiperItem key={image}>
              <SafeImage
                className="material-content__gallery-image"
                src={image}
                mode="aspectFill"
                onClick={preview(gallery, image)}
              />
            </SwiperItem>
          ))}
        </Swiper>
      ) : null}
      <View className="material-content__sheet">
        <Heading material={material} publisher={publisher} />
        {material.priceText ? <Text className="material-content__price">{material.priceText}</Text> : null}
        {material.summary ? <Text className="material-content__lead">{material.summary}</Text> : null}
      </View>
      {material.specs.length > 0 ? (
        <View className="material-content__sheet">
          <Text className="material-content__section-title">规格参数</Text>
          <View className="material-content__specs">
            {material.specs.map((spec) => (
              <View className="material-content__spec" key={spec.name}>
                <Text className="material-content__spec-name">{spec.name}</Text>
                <Text className="material-content__spec-value">{spec.value}</Text>
              </View>
            ))}
          </View>
        </View>
      ) : null}
      {material.body ? (
        <View className="material-content__sheet">
          <Text className="material-content__section-title">产品详情</Text>
          <Body html={material.body} />
        </View>
      ) : null}
    </>
  );
}

/** A material as readers see it: article, poster, video or product page. */
export default function MaterialContent({ material, publisher, onVideoProgress }: MaterialContentProps) {
  if (material.type === 'product') {
    return (
      <View className="material-content">
        <Product material={material} publisher={publisher} />
      </View>
    );
  }
  return (
    <View className="material-content">
      {material.type === 'video' ? (
        <VideoPlayer material={material} onVideoProgress={onVideoProgress} />
      ) : null}
      <View className="material-content__sheet">
        <Heading material={material} publisher={publisher} />
        {material.summary ? <Text className="material-content__lead">{material.summary}</Text> : null}
        {material.type === 'article' && material.body ? <Body html={material.body} /> : null}
        {material.type === 'poster' ? <Poster material={material} /> : null}
      </View>
    </View>
  );
}
