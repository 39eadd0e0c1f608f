import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { LEAD_STAGE_LABELS, LEAD_STAGES, type LeadDetail, type LeadStage } from '@cardhub/shared';
import { useState } from 'react';
import LeadPersonalData from '../../../components/LeadPersonalData';
import LeadStageBadge from '../../../components/LeadStageBadge';
import { addLeadFollowUp, changeLeadStage, claimLead, getLead, setLeadTags } from '../../../services/leads';
import { failureMessage } from '../../../services/request';
import { getStaffSession } from '../../../services/session';
import { SOURCE_LABELS, describeTouch, formatShortTime } from '../leadLabels';
import './index.scss';

const TOUCHPOINT_LABELS = { miniapp: '小程序', h5: '网页', site: '官网', poster: '海报' } as const;

/** One lead: who, how hot and why, everything they did, and the owner's work on it. */
export default function LeadDetailPage() {
  const { params } = useRouter();
  const [lead, setLead] = useState<LeadDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [stage, setStage] = useState<LeadStage | null>(null);
  const [reason, setReason] = useState('');
  const [newTag, setNewTag] = useState('');
  const [busy, setBusy] = useState(false);
  const me = getStaffSession()?.principal;

  const load = async () => {
    try {
      setLead(await getLead(params.id ?? ''));
      setError(null);
    } catch (failure) {
      setError(failureMessage(failure, '加载失败，请重试'));
    }
  };
  useDidShow(() => void load());

  const run = async (work: () => Promise<LeadDetail>, done: string) => {
    if (busy) return;
    setBusy(true);
    try {
      setLead(await work());
      Taro.showToast({ title: done, icon: 'success' });
      return true;
    } catch (failure) {
      Taro.showToast({
        title: failureMessage(failure, '操作失败，请重试'),
        icon: 'none',
      });
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (error) {
    return (
      <View className="lead-detail lead-detail--center">
        <Text className="lead-detail__hint">{error}</Text>
      </View>
    );
  }
  if (!lead) {
    return (
      <View className="lead-detail lead-detail--center">
        <Text className="lead-detail__hint">正在加载…</Text>
      </View>
    );
  }

  const inPool = lead.owner === null;
  const canWork = !inPool || me?.kind !== 'employee' || me.role !== 'employee';

  return (
    <View className="lead-detail">
      <View className="lead-detail__hero">
        <View className="lead-detail__who">
          <Text className="lead-detail__label">{lead.label}</Text>
          <LeadStageBadge stage={lead.stage} />
        </View>
        <View className="lead-detail__score">
          <Text className="lead-detail__score-value">{lead.score}</Text>
          <Text className="lead-detail__score-unit">分</Text>
        </View>
        <Text className="lead-detail__meta">
          {[
            lead.phone ? `电话 ${lead.phone}` : null,
            `来源：${SOURCE_LABELS[lead.source]}`,
            lead.owner ? `负责人：${lead.owner.name}` : '在公海，待领取',
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {lead.tags.length > 0 ? (
          <View className="lead-detail__tags">
            {lead.tags.map((tag) => (
              <Text key={tag} className="lead-detail__tag">
                {tag}
              </Text>
            ))}
          </View>
        ) : null}
        {inPool ? (
          <Button
            className="button-primary lead-detail__claim"
            loading={busy}
            onClick={() => void run(() => claimLead(lead.id), '已领取')}
          >
            领取这条线索
          </Button>
        ) : null}
      </View>

      {lead.signals.length > 0 ? (
        <View className="lead-detail__section lead-detail__section--signal">
          <Text className="lead-detail__section-title">意向信号</Text>
          {lead.signals.map((signal) => (
            <View key={`${signal.signalId}-${signal.firedAt}`} className="lead-detail__row">
              <Text className="lead-detail__signal">{signal.label}</Text>
              <Text className="lead-detail__time">{formatShortTime(signal.firedAt)}</Text>
            </View>
          ))}
        </View>
      ) : null}

      <View className="lead-detail__section">
        <Text className="lead-detail__section-title">为什么是这个分数</Text>
        {lead.erased ? (
          <Text className="lead-detail__notice">
            此人的个人信息已应本人要求删除，行为记录已匿名化，不再评分
          </Text>
        ) : lead.marketingOptOut ? (
          <Text className="lead-detail__notice">
            此人已拒绝个性化营销：不再自动评分、不触发信号和提醒，阶段不会因评分变化
          </Text>
        ) : (
          <Text className="lead-detail__hint">
            分数由行为按规则自动计算（自动化决策），每 {lead.scoreHalfLifeDays} 天权重减半
          </Text>
        )}
        {lead.scoreReasons.length === 0 && !lead.erased && !lead.marketingOptOut ? (
          <Text className="lead-detail__hint">暂无加分行为</Text>
        ) : null}
        {lead.scoreReasons.map((reason) => (
          <View key={reason.ruleId} className="lead-detail__row">
            <View>
              <Text>
                {reason.label} × {reason.occurrences}
              </Text>
              {reason.undecayedPoints !== reason.points ? (
                <Text className="lead-detail__decay">
                  原始 {reason.undecayedPoints} 分，随时间衰减{' '}
                  {roundPoints(reason.undecayedPoints - reason.points)} 分
                </Text>
              ) : null}
            </View>
            <Text className="lead-detail__points">+{reason.points}</Text>
          </View>
        ))}
        {lead.signals.length > 0 ? (
          <Text className="lead-detail__hint">
            触发的信号：{lead.signals.map((signal) => signal.label).join('、')}
          </Text>
        ) : null}
      </View>

      {me?.kind === 'employee' && me.role === 'admin' && process.env.TARO_ENV === 'h5' ? (
        <LeadPersonalData leadId={lead.id} erased={lead.erased} onErased={() => void load()} />
      ) : null}

      {canWork ? (
        <View className="lead-detail__section">
          <Text className="lead-detail__section-title">跟进</Text>
          <Textarea
            className="lead-detail__note"
            value={note}
            maxlength={2000}
            placeholder="记录这次沟通：需求、顾虑、下一步"
            onInput={(event) => setNote(event.detail.value)}
          />
          <Button
            className="button-primary lead-detail__submit"
            loading={busy}
            onClick={() => {
              if (!note.trim()) return Taro.showToast({ title: '请先填写跟进内容', icon: 'none' });
              void run(() => addLeadFollowUp(lead.id, note.trim()), '已记录').then((ok) => ok && setNote(''));
            }}
          >
            添加跟进记录
          </Button>
          <Text className="lead-detail__subtitle">标签</Text>
          <View className="lead-detail__stages">
            {lead.tags.map((tag) => (
              <Text
                key={tag}
                className="lead-detail__stage lead-detail__stage--active"
                onClick={() =>
                  void run(
                    () =>
                      setLeadTags(
                        lead.id,
                        lead.tags.filter((kept) => kept !== tag),
                      ),
                    '已移除标签',
                  )
                }
              >
                {tag} ×
              </Text>
            ))}
            <Input
              className="lead-detail__tag-input"
              value={newTag}
              maxlength={20}
              placeholder="添加标签，回车确认"
              onInput={(event) => setNewTag(event.detail.value)}
              onConfirm={() => {
                const tag = newTag.trim();
                if (!tag || lead.tags.includes(tag)) return;
                void run(() => setLeadTags(lead.id, [...lead.tags, tag]), '已添加标签').then(
                  (ok) => ok && setNewTag(''),
                );
              }}
            />
          </View>
          <Text className="lead-detail__subtitle">更新阶段</Text>
          <View className="lead-detail__stages">
            {LEAD_STAGES.filter((option) => option !== lead.stage).map((option) => (
              <Text
                key={option}
                className={`lead-detail__stage ${option === stage ? 'lead-detail__stage--active' : ''}`}
                onClick={() => setStage(option)}
              >
                {LEAD_STAGE_LABELS[option]}
              </Text>
            ))}
          </View>
          {stage ? (
            <View className="lead-detail__stage-form">
              <Textarea
                className="lead-detail__note lead-detail__note--short"
                value={reason}
                maxlength={200}
                placeholder={`为什么改为「${LEAD_STAGE_LABELS[stage]}」？`}
                onInput={(event) => setReason(event.detail.value)}
              />
              <Button
                className="lead-detail__secondary"
                loading={busy}
                onClick={() => {
                  if (!reason.trim()) return Taro.showToast({ title: '请填写原因', icon: 'none' });
                  void run(() => changeLeadStage(lead.id, { stage, reason: reason.trim() }), '已更新').then(
                    (ok) => ok && (setStage(null), setReason('')),
                  );
                }}
              >
                确认改为「{LEAD_STAGE_LABELS[stage]}」
              </Button>
            </View>
          ) : null}
        </View>
      ) : null}

      {lead.followUps.length > 0 ? (
        <View className="lead-detail__section">
          <Text className="lead-detail__section-title">跟进记录</Text>
          {lead.followUps.map((followUp) => (
            <View key={followUp.id} className="lead-detail__entry">
              <Text className="lead-detail__entry-head">
                {followUp.employeeName} · {formatShortTime(followUp.at)}
              </Text>
              <Text className="lead-detail__entry-body">{followUp.note}</Text>
            </View>
          ))}
        </View>
      ) : null}

      <View className="lead-detail__section">
        <Text className="lead-detail__section-title">行为轨迹</Text>
        {lead.timeline.map((entry) => (
          <View key={entry.eventId} className="lead-detail__touch">
            <View className="lead-detail__dot" />
            <View className="lead-detail__touch-body">
              <Text className="lead-detail__touch-text">{describeTouch(entry)}</Text>
              <Text className="lead-detail__time">
                {formatShortTime(entry.occurredAt)} · {TOUCHPOINT_LABELS[entry.touchpoint]}
                {entry.creditedEmployeeName ? ` · 来自${entry.creditedEmployeeName}的分享` : ''}
              </Text>
            </View>
          </View>
        ))}
      </View>

      <View className="lead-detail__section">
        <Text className="lead-detail__section-title">阶段与归属变更</Text>
        {lead.stageHistory.map((change, index) => (
          <View key={`${change.at}-${index}`} className="lead-detail__entry">
            <Text className="lead-detail__entry-head">
              {change.fromStage && change.fromStage !== change.toStage
                ? `${LEAD_STAGE_LABELS[change.fromStage]} → ${LEAD_STAGE_LABELS[change.toStage]}`
                : LEAD_STAGE_LABELS[change.toStage]}
              {' · '}
              {change.by ?? '系统'} · {formatShortTime(change.at)}
            </Text>
            <Text className="lead-detail__entry-body">{change.reason}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

function roundPoints(points: number): number {
  return Math.round(points * 10) / 10;
}
