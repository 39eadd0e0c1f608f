import type {
  CardAction,
  RadarVisit,
  ShareChannel,
  Touchpoint,
  VideoProgress,
  ViewVerdict,
} from '@cardhub/shared';

export const TOUCHPOINT_LABELS: Record<Touchpoint, string> = {
  miniapp: '小程序',
  h5: '网页',
  site: '官网',
  poster: '海报',
};

export const ACTION_LABELS: Record<CardAction, string> = {
  call: '拨打电话',
  copy_wechat: '复制微信',
  save_contact: '保存名片',
  open_site: '访问官网',
  play_video: '播放视频',
  copy_email: '复制邮箱',
  consult: '点击咨询',
};

/** Why a view did not move the counter, in the employee's words. */
export const UNCOUNTED_VERDICT_LABELS: Record<Exclude<ViewVerdict, 'counted'>, string> = {
  self: '自己查看',
  colleague: '同事查看',
  bot: '爬虫',
  repeat: '重复访问',
};

const FORWARD_LABELS: Record<ShareChannel, string> = {
  chat: '转发给好友',
  group: '转发到群聊',
  moments: '分享到朋友圈',
  poster: '转发海报',
  qrcode: '转发二维码',
  link: '转发链接',
};

const VIDEO_LABELS: Record<VideoProgress, string> = {
  play: '播放视频',
  complete: '看完视频',
};

export interface ActionChip {
  label: string;
  count: number;
}

type RadarAction = RadarVisit['actions'][number];

/** The label of one action; scrolling is labelled by the deepest mark of the visit instead. */
function actionLabel(action: RadarAction, deepestScroll: number): string {
  switch (action.type) {
    case 'forward':
      return action.channel ? FORWARD_LABELS[action.channel] : '转发';
    case 'scroll':
      return `读到 ${deepestScroll}%`;
    case 'video':
      return action.progress ? VIDEO_LABELS[action.progress] : '播放视频';
    case 'click':
      return action.action ? ACTION_LABELS[action.action] : '点击';
  }
}

/**
 * One chip per kind of action, in the order the visitor first did it. Reading depth is one chip, the deepest
 * mark reached ("读到 75%"), where the reader first scrolled.
 */
export function summarizeActions(actions: RadarVisit['actions']): ActionChip[] {
  const chips = new Map<string, ActionChip>();
  const deepest = Math.max(0, ...actions.map((action) => action.depth ?? 0));
  for (const action of actions) {
    const label = actionLabel(action, deepest);
    const chip = chips.get(label) ?? { label, count: 0 };
    // Each mark is reported once; together they are one reading, not several.
    chip.count = action.type === 'scroll' ? 1 : chip.count + 1;
    chips.set(label, chip);
  }
  return [...chips.values()];
}

export function formatForwardChain(forwardedBy: string[]): string | null {
  return forwardedBy.length > 0 ? `经 ${forwardedBy.join(' → ')} 转发` : null;
}

export function formatDwell(seconds: number): string {
  if (seconds < 60) return `停留 ${seconds} 秒`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? `停留 ${minutes} 分钟` : `停留 ${minutes} 分 ${rest} 秒`;
}

/** Views that moved the counter today (local calendar day), as the home page shows them. */
export function countCountedVisitsToday(visits: RadarVisit[], now: Date): number {
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  return visits.filter(
    (visit) => visit.verdict === 'counted' && new Date(visit.startedAt).getTime() >= startOfToday,
  ).length;
}
