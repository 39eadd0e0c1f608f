import { LEAD_SOURCE_LABELS, type LeadTimelineEntry } from '@cardhub/shared';
import { ACTION_LABELS } from '../../components/RadarVisitItem/visitLabels';

export const SOURCE_LABELS = LEAD_SOURCE_LABELS;

/** One line of a lead's timeline, in the employee's words. */
export function describeTouch(entry: LeadTimelineEntry): string {
  const props = entry.props ?? {};
  const title = `《${entry.target.title}》`;
  switch (entry.type) {
    case 'view':
      return `查看了${entry.target.type === 'card' ? entry.target.title : title}`;
    case 'dwell':
      return `在${title}停留 ${Number(props.seconds ?? 0)} 秒`;
    case 'scroll':
      return `${title}读到 ${Number(props.depth ?? 0)}%`;
    case 'video':
      return props.progress === 'complete' ? `看完了视频${title}` : `播放了视频${title}`;
    case 'click': {
      const action = ACTION_LABELS[props.action as keyof typeof ACTION_LABELS] ?? '点击';
      return `${action}（${entry.target.title}）`;
    }
    case 'forward':
      return `转发了${title}`;
    case 'form_submit':
      return `提交了表单（${entry.target.title}）`;
    case 'consult':
      return `提交了咨询（${entry.target.title}）`;
    default:
      return `${entry.type}（${entry.target.title}）`;
  }
}

/** "11-23 14:05" in the viewer's time zone. */
export function formatShortTime(iso: string): string {
  const at = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}
