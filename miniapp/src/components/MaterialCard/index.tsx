import { Image, Text, View } from '@tarojs/components';
import type { MaterialDto, MaterialType } from '@cardhub/shared';
import { MATERIAL_TYPE_LABELS } from '../../utils/labels';
import './index.scss';

/** 图文 / 海报 / 视频 / 产品, each in its own colour. */
export function MaterialTypeBadge({ type }: { type: MaterialType }) {
  return (
    <Text className={`material-type-badge material-type-badge--${type}`}>{MATERIAL_TYPE_LABELS[type]}</Text>
  );
}

export interface MaterialCardProps {
  material: Pick<MaterialDto, 'type' | 'title' | 'summary' | 'coverUrl' | 'category'>;
  onClick?: () => void;
}

/** A material in a list: cover (or its kind, large), kind, title and summary. */
export default function MaterialCard({ material, onClick }: MaterialCardProps) {
  return (
    <View className="material-card" onClick={onClick}>
      {material.coverUrl ? (
        <Image className="material-card__cover" src={material.coverUrl} mode="aspectFill" lazyLoad />
      ) : (
        <View className={`material-card__cover material-card__cover--${material.type}`}>
          <Text className="material-card__cover-label">{MATERIAL_TYPE_LABELS[material.type]}</Text>
        </View>
      )}
      <View className="material-card__text">
        <Text className="material-card__title">{material.title}</Text>
        {material.summary ? <Text className="material-card__summary">{material.summary}</Text> : null}
        <View className="material-card__meta">
          <MaterialTypeBadge type={material.type} />
          {material.category ? <Text className="material-card__category">{material.category}</Text> : null}
        </View>
      </View>
    </View>
  );
}
