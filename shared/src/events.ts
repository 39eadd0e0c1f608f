/** Where a prospect met us. */
export const TOUCHPOINTS = ['miniapp', 'h5', 'site', 'poster'] as const;
export type Touchpoint = (typeof TOUCHPOINTS)[number];

/** What a share or an event is about. */
export const TARGET_TYPES = ['card', 'material', 'site_page'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

/** The kinds of material (物料) an organization publishes: 图文, 海报, 视频, 产品. */
export const MATERIAL_TYPES = ['article', 'poster', 'video', 'product'] as const;
export type MaterialType = (typeof MATERIAL_TYPES)[number];

/** Only published materials are seen by staff and prospects; archived ones stop opening. */
export const MATERIAL_STATUSES = ['draft', 'published', 'archived'] as const;
export type MaterialStatus = (typeof MATERIAL_STATUSES)[number];

/** Where a share was sent. */
export const SHARE_CHANNELS = ['chat', 'group', 'moments', 'poster', 'qrcode', 'link'] as const;
export type ShareChannel = (typeof SHARE_CHANNELS)[number];

export const EVENT_TYPES = [
  'share',
  'view',
  'dwell',
  'click',
  'forward',
  'consult',
  'form_submit',
  'scan',
  'scroll',
  'video',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The actions a prospect can take on a card; each is a `click` event with `props.action`. */
export const CARD_ACTIONS = [
  'call',
  'copy_wechat',
  'save_contact',
  'open_site',
  'play_video',
  'copy_email',
  'consult',
] as const;
export type CardAction = (typeof CARD_ACTIONS)[number];

/** Reading depth is reported once per visit at each of these marks (percent of the page scrolled). */
export const SCROLL_DEPTHS = [25, 50, 75, 100] as const;
export type ScrollDepth = (typeof SCROLL_DEPTHS)[number];

/** Video progress a visit reports: the first play, and playing to the end. */
export const VIDEO_PROGRESS = ['play', 'complete'] as const;
export type VideoProgress = (typeof VIDEO_PROGRESS)[number];

/** Why a stored view does or does not count toward reach (domain.md, counting rules). */
export const VIEW_VERDICTS = ['counted', 'self', 'colleague', 'bot', 'repeat'] as const;
export type ViewVerdict = (typeof VIEW_VERDICTS)[number];
