import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { MaterialStats, ShareChainNode } from '@cardhub/shared';
import { useEffect, useState } from 'react';
import MaterialCover from '../../../../components/MaterialCover';
import ConsoleLayout from '../../../../components/ConsoleLayout';
import StatTile from '../../../../components/StatTile';
import { failureMessage } from '../../../../services/request';
import { fetchMaterialStats } from '../../../../services/stats';
import { formatDateTime } from '../../../../utils/deadline';
import {
  MATERIAL_STATUS_LABELS,
  MATERIAL_TYPE_LABELS,
  SHARE_CHANNEL_LABELS,
} from '../../../../utils/material-labels';
import { formatPercent, formatReadTime } from './readingFormat';
import './index.scss';

type State =
  { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; stats: MaterialStats };

const DEPTH_LABELS: Record<number, string> = { 0: '未滚动', 25: '25%', 50: '50%', 75: '75%', 100: '读完' };

/** One material's numbers for admins: reach, reading, forwards, the sharers and the share chain. */
export default function MaterialStatsPage() {
  const { params } = useRouter();
  const [state, setState] = useState<State>(() =>
    params.id ? { kind: 'loading' } : { kind: 'failed', message: '缺少物料编号，请从物料列表进入' },
  );

  useEffect(() => {
    if (!params.id) return;
    fetchMaterialStats(params.id)
      .then((stats) => setState({ kind: 'ready', stats }))
      .catch((failure: unknown) =>
        setState({
          kind: 'failed',
          message: failureMessage(failure, '加载失败，请稍后再试'),
        }),
      );
  }, [params.id]);

  return (
    <ConsoleLayout
      active="materials"
      title="物料数据"
      back={{ label: '物料列表', url: '/pages/console/materials/index' }}
    >
      {() => (
        <View className="material-stats">
          {state.kind === 'loading' && <Text className="material-stats__hint">正在统计…</Text>}
          {state.kind === 'failed' && (
            <View className="console-panel">
              <Text className="material-stats__hint">{state.message}</Text>
            </View>
          )}
          {state.kind === 'ready' && <Dashboard stats={state.stats} />}
        </View>
      )}
    </ConsoleLayout>
  );
}

function Dashboard({ stats }: { stats: MaterialStats }) {
  const { material } = stats;
  const readTime = formatReadTime(stats.averageReadSeconds);
  const mostVisits = Math.max(1, ...stats.depthDistribution.map((bucket) => bucket.visits));
  const showVideo = material.type === 'video' || stats.video.plays > 0;
  return (
    <>
      <View className="console-panel material-stats__header">
        <MaterialCover material={material} className="material-stats__cover" />
        <View className="material-stats__identity">
          <Text className="material-stats__title">{material.title}</Text>
          <Text className="material-stats__meta">
            {MATERIAL_TYPE_LABELS[material.type]} · {MATERIAL_STATUS_LABELS[material.status]}
            {material.publishedAt ? ` · ${formatDateTime(material.publishedAt, new Date())} 发布` : ''}
          </Text>
        </View>
      </View>

      <View className="material-stats__section">
        <Text>传播</Text>
        <Text className="material-stats__rule">
          浏览按计数规则：不含本人、同事、爬虫，30 分钟内重复打开只算一次
        </Text>
      </View>
      <View className="material-stats__tiles">
        <StatTile label="浏览量" value={stats.views} unit="次" emphasis />
        <StatTile label="访客数" value={stats.visitors} unit="人" emphasis />
        <StatTile label="员工分享" value={stats.shares} unit="次" />
        <StatTile label="访客转发" value={stats.forwards} unit="次" />
        <StatTile label="最深链路" value={stats.deepestChain} unit="层" hint="访客层层转发的层数" />
        <StatTile label="产生线索" value={stats.leads} unit="条" hint="首次由本物料带来" />
      </View>

      <View className="material-stats__section">
        <Text>阅读</Text>
      </View>
      <View className="material-stats__reading">
        <View className="material-stats__tiles material-stats__tiles--stacked">
          <StatTile label="平均阅读时长" value={readTime.value} unit={readTime.unit} />
          <StatTile label="平均阅读深度" value={`${stats.averageReadDepth}`} unit="%" />
          <StatTile
            label="完读率"
            value={formatPercent(stats.fullReadRate)}
            hint={`${stats.fullReads} 次浏览读到了最后`}
          />
          {showVideo && (
            <StatTile
              label="视频播放 / 完播"
              value={`${stats.video.plays} / ${stats.video.completions}`}
              hint={
                stats.video.plays > 0
                  ? `完播率 ${formatPercent(stats.video.completions / stats.video.plays)}`
                  : undefined
              }
            />
          )}
        </View>
        <View className="console-panel material-stats__depth">
          <Text className="material-stats__panel-title">阅读深度分布</Text>
          <Text className="material-stats__hint">每次浏览最深读到的位置</Text>
          {stats.depthDistribution.map((bucket) => (
            <View key={bucket.depth} className="depth-bar">
              <Text className="depth-bar__label">{DEPTH_LABELS[bucket.depth]}</Text>
              <View className="depth-bar__track">
                <View
                  className={`depth-bar__fill depth-bar__fill--${bucket.depth}`}
                  style={{ width: `${(bucket.visits / mostVisits) * 100}%` }}
                />
              </View>
              <Text className="depth-bar__count">
                {bucket.visits}
                <Text className="depth-bar__share">
                  {' '}
                  {stats.views > 0 ? formatPercent(bucket.visits / stats.views) : '—'}
                </Text>
              </Text>
            </View>
          ))}
        </View>
      </View>

      <View className="console-panel">
        <Text className="material-stats__panel-title">分享排行</Text>
        {stats.topSharers.length === 0 ? (
          <Text className="material-stats__hint">还没有员工分享这篇物料</Text>
        ) : (
          <View className="console-table">
            <View className="console-table__row console-table__row--head">
              <Text className="console-table__cell material-stats__rank">#</Text>
              <Text className="console-table__cell console-table__cell--wide">员工</Text>
              <Text className="console-table__cell console-table__cell--number">分享</Text>
              <Text className="console-table__cell console-table__cell--number">带来浏览</Text>
            </View>
            {stats.topSharers.map((sharer, index) => (
              <View key={sharer.employeeId} className="console-table__row">
                <Text
                  className={`console-table__cell material-stats__rank material-stats__rank--${index + 1}`}
                >
                  {index + 1}
                </Text>
                <View className="console-table__cell console-table__cell--wide material-stats__sharer">
                  <Text className="material-stats__name">{sharer.name}</Text>
                  {sharer.departmentName && (
                    <Text className="material-stats__muted">{sharer.departmentName}</Text>
                  )}
                </View>
                <Text className="console-table__cell console-table__cell--number">{sharer.shares}</Text>
                <Text className="console-table__cell console-table__cell--number material-stats__strong">
                  {sharer.views}
                </Text>
              </View>
            ))}
          </View>
        )}
      </View>

      <View className="console-panel">
        <Text className="material-stats__panel-title">转发链路</Text>
        <Text className="material-stats__hint">员工的每次分享，以及访客层层转发后带来的浏览</Text>
        {stats.chain.length === 0 ? (
          <Text className="material-stats__hint">还没有分享记录</Text>
        ) : (
          <View className="chain-tree">
            {stats.chain.map((node) => (
              <ChainBranch key={node.code} node={node} level={0} />
            ))}
          </View>
        )}
        {stats.chainOmitted > 0 && (
          <Text className="material-stats__hint">另有 {stats.chainOmitted} 次分享浏览较少，未列出</Text>
        )}
      </View>
    </>
  );
}

function ChainBranch({ node, level }: { node: ShareChainNode; level: number }) {
  return (
    <View className="chain-tree__branch">
      <View className={`chain-tree__node chain-tree__node--level-${Math.min(level, 4)}`}>
        {level > 0 && <Text className="chain-tree__elbow">└</Text>}
        <Text className={`chain-tree__who chain-tree__who--${node.sharer.kind}`}>
          {node.sharer.kind === 'employee' ? '员工' : '转发'}
        </Text>
        <Text className="chain-tree__label">{node.sharer.label}</Text>
        <Text className="chain-tree__channel">{SHARE_CHANNEL_LABELS[node.channel]}</Text>
        <Text className="chain-tree__views">
          <Text className="chain-tree__views-count">{node.views}</Text> 次浏览
        </Text>
      </View>
      {node.children.map((child) => (
        <ChainBranch key={child.code} node={child} level={level + 1} />
      ))}
    </View>
  );
}
