import { Text } from '@tarojs/components';
import { LEAD_STAGE_LABELS, type LeadStage } from '@cardhub/shared';
import './index.scss';

/** 访客 / MQL / SQL / 客户 / 已流失, warmer colours for hotter leads. */
export default function LeadStageBadge({ stage }: { stage: LeadStage }) {
  return <Text className={`lead-stage lead-stage--${stage}`}>{LEAD_STAGE_LABELS[stage]}</Text>;
}
