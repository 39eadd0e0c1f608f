import type { MaterialStatus, MaterialType } from '@cardhub/shared';

export const MATERIAL_TYPE_LABELS: Record<MaterialType, string> = {
  article: '图文',
  poster: '海报',
  video: '视频',
  product: '产品',
};

export const MATERIAL_STATUS_LABELS: Record<MaterialStatus, string> = {
  draft: '草稿',
  published: '已发布',
  archived: '已归档',
};
