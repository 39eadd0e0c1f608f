import type { MaterialStatus, MaterialType, ShareChannel } from '@cardhub/shared';

/** 图文 / 海报 / 视频 / 产品: how the app names each kind of material. */
export const MATERIAL_TYPE_LABELS: Record<MaterialType, string> = {
  article: '图文',
  poster: '海报',
  video: '视频',
  product: '产品',
};

/** Where a share was sent, as the stats name it. */
export const SHARE_CHANNEL_LABELS: Record<ShareChannel, string> = {
  chat: '微信好友',
  group: '微信群',
  moments: '朋友圈',
  poster: '海报',
  qrcode: '二维码',
  link: '链接',
};

export const MATERIAL_STATUS_LABELS: Record<MaterialStatus, string> = {
  draft: '草稿',
  published: '已发布',
  archived: '已归档',
};
