import { Image, Text, View } from '@tarojs/components';
import type { MaterialType } from '@cardhub/shared';
import { MATERIAL_TYPE_LABELS } from '../../utils/material-labels';
import './index.scss';

export interface MaterialCoverProps {
  material: { type: MaterialType; coverUrl: string | null };
  /** Sets the size (width, height, radius) where the cover is used. */
  className: string;
}

/** A material's cover, or its kind (图文, 海报…) on a soft tile when it has none. */
export default function MaterialCover({ material, className }: MaterialCoverProps) {
  if (material.coverUrl)
    return <Image className={`material-cover ${className}`} src={material.coverUrl} mode="aspectFill" />;
  return (
    <View className={`material-cover material-cover--empty ${className}`}>
      <Text>{MATERIAL_TYPE_LABELS[material.type]}</Text>
    </View>
  );
}
