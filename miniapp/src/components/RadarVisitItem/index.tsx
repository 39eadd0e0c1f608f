import { Image, Text, View } from '@tarojs/components';
import type { RadarVisit } from '@cardhub/shared';
import { formatRelativeTime } from './formatRelativeTime';
import {
  TOUCHPOINT_LABELS,
  UNCOUNTED_VERDICT_LABELS,
  formatDwell,
  formatForwardChain,
  summarizeActions,
} from './visitLabels';
import './index.scss';

const AVATAR_COLORS = [
  '#5b8def',
  '#f0883e',
  '#3fb68b',
  '#b36ae2',
  '#e5534b',
  '#2fb3c5',
  '#d29922',
  '#6e7bf2',
];

/** A stable colour per visitor, so the same anonymous visitor looks the same on every refresh. */
function avatarColor(visitorId: string): string {
  let hash = 0;
  for (const character of visitorId) hash = (hash * 31 + character.charCodeAt(0)) | 0;
  return AVATAR_COLORS[Math.abs(hash) % AVATAR_COLORS.length];
}

/** "访客 #3f2a" → "3F"; a name or any other label ("同事") → its first character. */
function avatarInitials(visit: RadarVisit): string {
  const suffix = visit.visitor.label.split('#')[1];
  if (!visit.visitor.name && suffix) return suffix.slice(0, 2).toUpperCase();
  return (visit.visitor.name ?? visit.visitor.label).slice(0, 1);
}

export interface RadarVisitItemProps {
  visit: RadarVisit;
  now: Date;
}

export default function RadarVisitItem({ visit, now }: RadarVisitItemProps) {
  const uncountedReason = visit.verdict === 'counted' ? null : UNCOUNTED_VERDICT_LABELS[visit.verdict];
  const forwardChain = formatForwardChain(visit.forwardedBy);
  const chips = summarizeActions(visit.actions);

  return (
    <View
      className={`radar-visit${visit.visitor.signals.length ? ' radar-visit--hot' : ''}${uncountedReason ? ' radar-visit--muted' : ''}`}
    >
      {visit.visitor.avatarUrl ? (
        <Image className="radar-visit__avatar" src={visit.visitor.avatarUrl} mode="aspectFill" />
      ) : (
        <View className="radar-visit__avatar" style={{ backgroundColor: avatarColor(visit.visitor.id) }}>
          <Text className="radar-visit__initials">{avatarInitials(visit)}</Text>
        </View>
      )}
      <View className="radar-visit__body">
        <View className="radar-visit__head">
          <Text className="radar-visit__name">{visit.visitor.name ?? visit.visitor.label}</Text>
          {visit.visitor.signals.map((signal) => (
            <Text key={signal} className="radar-visit__signal">
              {signal}
            </Text>
          ))}
          {uncountedReason && <Text className="radar-visit__verdict">{uncountedReason} · 不计数</Text>}
          <Text className="radar-visit__time">{formatRelativeTime(new Date(visit.startedAt), now)}</Text>
        </View>
        <Text className="radar-visit__summary">
          通过{TOUCHPOINT_LABELS[visit.touchpoint]}查看了「{visit.target.title}」
          {visit.dwellSeconds > 0 ? ` · ${formatDwell(visit.dwellSeconds)}` : ''}
        </Text>
        {forwardChain && <Text className="radar-visit__chain">{forwardChain}</Text>}
        {chips.length > 0 && (
          <View className="radar-visit__chips">
            {chips.map((chip) => (
              <Text key={chip.label} className="radar-visit__chip">
                {chip.label}
                {chip.count > 1 ? ` ×${chip.count}` : ''}
              </Text>
            ))}
          </View>
        )}
      </View>
    </View>
  );
}
