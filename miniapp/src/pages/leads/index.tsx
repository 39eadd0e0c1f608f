import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { LEAD_STAGE_LABELS, type LeadStage, type LeadSummary } from '@cardhub/shared';
import { useState } from 'react';
import LeadStageBadge from '../../components/LeadStageBadge';
import { listLeads } from '../../services/leads';
import { ApiError } from '../../services/request';
import { getStaffSession } from '../../services/session';
import { SOURCE_LABELS, formatShortTime } from './leadLabels';
import './index.scss';

type OwnerTab = 'me' | 'pool' | 'team';
const STAGE_FILTERS: (LeadStage | undefined)[] = [undefined, 'sql', 'mql', 'visitor', 'customer', 'lost'];

/** My leads, the shared pool (公海) and, for managers, the team's: hottest activity first. */
export default function LeadsPage() {
  const role = getStaffSession()?.role;
  const tabs: { key: OwnerTab; label: string }[] = [
    { key: 'me', label: '我的线索' },
    { key: 'pool', label: '公海' },
    ...(role === 'manager' || role === 'admin' ? [{ key: 'team' as const, label: '团队' }] : []),
  ];
  const [tab, setTab] = useState<OwnerTab>('me');
  const [stage, setStage] = useState<LeadStage | undefined>(undefined);
  const [leads, setLeads] = useState<{ items: LeadSummary[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async (nextTab = tab, nextStage = stage) => {
    setTab(nextTab);
    setStage(nextStage);
    try {
      setLeads(
        await listLeads({ owner: nextTab === 'team' ? undefined : nextTab, stage: nextStage, limit: 50 }),
      );
      setError(null);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : '加载失败，请下拉重试');
    }
  };
  useDidShow(() => void load());
  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });

  return (
    <View className="leads-page">
      <View className="leads-page__tabs">
        {tabs.map((item) => (
          <Text
            key={item.key}
            className={`leads-page__tab ${item.key === tab ? 'leads-page__tab--active' : ''}`}
            onClick={() => void load(item.key, stage)}
          >
            {item.label}
          </Text>
        ))}
      </View>
      <View className="leads-page__stages">
        {STAGE_FILTERS.map((option) => (
          <Text
            key={option ?? 'all'}
            className={`leads-page__stage ${option === stage ? 'leads-page__stage--active' : ''}`}
            onClick={() => void load(tab, option)}
          >
            {option ? LEAD_STAGE_LABELS[option] : '全部'}
          </Text>
        ))}
      </View>

      {error ? <Text className="leads-page__error">{error}</Text> : null}
      {leads && leads.items.length === 0 ? (
        <View className="leads-page__empty">
          <Text className="leads-page__empty-title">
            {tab === 'pool' ? '公海里暂时没有线索' : '还没有线索'}
          </Text>
          <Text className="leads-page__hint">
            访客留下联系方式、评分达到 MQL 或出现强意向信号时，会自动成为线索
          </Text>
          {tab === 'me' ? (
            <Button
              className="button-primary leads-page__share"
              onClick={() => Taro.navigateTo({ url: '/pages/material/index' })}
            >
              去分享物料
            </Button>
          ) : null}
        </View>
      ) : null}

      {leads?.items.map((lead) => (
        <View
          key={lead.id}
          className="leads-page__item"
          onClick={() => Taro.navigateTo({ url: `/pages/leads/detail/index?id=${lead.id}` })}
        >
          <View className="leads-page__item-head">
            <Text className="leads-page__label">{lead.label}</Text>
            <LeadStageBadge stage={lead.stage} />
            <Text className="leads-page__score">{lead.score} 分</Text>
          </View>
          {lead.tags.length > 0 ? (
            <View className="leads-page__tags">
              {lead.tags.map((tag) => (
                <Text key={tag} className="leads-page__tag">
                  {tag}
                </Text>
              ))}
            </View>
          ) : null}
          <Text className="leads-page__meta">
            {[
              `来源：${SOURCE_LABELS[lead.source]}`,
              lead.owner ? `负责人：${lead.owner.name}` : '待领取',
              lead.lastActivityAt ? `最近活跃 ${formatShortTime(lead.lastActivityAt)}` : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </View>
      ))}
    </View>
  );
}
