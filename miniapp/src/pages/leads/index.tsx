import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import {
  LEAD_SOURCES,
  LEAD_STAGE_LABELS,
  type LeadSource,
  type LeadStage,
  type LeadSummary,
  type ListLeadsQuery,
} from '@cardhub/shared';
import { useState } from 'react';
import LeadStageBadge from '../../components/LeadStageBadge';
import { listLeads } from '../../services/leads';
import { failureMessage } from '../../services/request';
import { getStaffSession } from '../../services/session';
import { SOURCE_LABELS, formatShortTime } from './leadLabels';
import './index.scss';

type OwnerTab = 'me' | 'pool' | 'team';
const STAGE_FILTERS: LeadStage[] = ['sql', 'mql', 'visitor', 'customer', 'lost'];

interface Filters {
  tab: OwnerTab;
  stage?: LeadStage;
  source?: LeadSource;
  minScore?: number;
  withinDays?: number;
  tag?: string;
}

function queryOf(filters: Filters): ListLeadsQuery {
  return {
    owner: filters.tab === 'team' ? undefined : filters.tab,
    stage: filters.stage,
    source: filters.source,
    minScore: filters.minScore,
    tag: filters.tag,
    from: filters.withinDays
      ? new Date(Date.now() - filters.withinDays * 86_400_000).toISOString()
      : undefined,
    limit: 50,
  };
}

/** My leads, the shared pool (公海) and, for managers, the team's: hottest activity first. */
export default function LeadsPage() {
  const role = getStaffSession()?.role;
  const tabs: { key: OwnerTab; label: string }[] = [
    { key: 'me', label: '我的线索' },
    { key: 'pool', label: '公海' },
    ...(role === 'manager' || role === 'admin' ? [{ key: 'team' as const, label: '团队' }] : []),
  ];
  const [filters, setFilters] = useState<Filters>({ tab: 'me' });
  const [leads, setLeads] = useState<{ items: LeadSummary[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async (next: Filters = filters) => {
    setFilters(next);
    try {
      setLeads(await listLeads(queryOf(next)));
      setError(null);
    } catch (failure) {
      setError(failureMessage(failure, '加载失败，请下拉重试'));
    }
  };
  useDidShow(() => void load());
  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });
  const { tab } = filters;
  /** A chip of a filter row: tapping the chosen one again clears it. */
  const chip = <K extends keyof Filters>(key: K, value: Filters[K], label: string) => (
    <Text
      key={`${String(key)}-${label}`}
      className={`leads-page__stage ${filters[key] === value ? 'leads-page__stage--active' : ''}`}
      onClick={() => void load({ ...filters, [key]: filters[key] === value ? undefined : value })}
    >
      {label}
    </Text>
  );

  return (
    <View className="leads-page">
      <View className="leads-page__tabs">
        {tabs.map((item) => (
          <Text
            key={item.key}
            className={`leads-page__tab ${item.key === tab ? 'leads-page__tab--active' : ''}`}
            onClick={() => void load({ ...filters, tab: item.key })}
          >
            {item.label}
          </Text>
        ))}
      </View>
      <View className="leads-page__stages">
        {STAGE_FILTERS.map((option) => chip('stage', option, LEAD_STAGE_LABELS[option]))}
      </View>
      <View className="leads-page__stages">
        {LEAD_SOURCES.map((source) => chip('source', source, SOURCE_LABELS[source]))}
      </View>
      <View className="leads-page__stages">
        {chip('minScore', 30, '30 分以上')}
        {chip('minScore', 60, '60 分以上')}
        {chip('withinDays', 7, '近 7 天')}
        {chip('withinDays', 30, '近 30 天')}
        <Input
          className="leads-page__tag-search"
          value={filters.tag ?? ''}
          placeholder="按标签筛选"
          confirmType="search"
          onConfirm={(event) => void load({ ...filters, tag: event.detail.value.trim() || undefined })}
        />
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
