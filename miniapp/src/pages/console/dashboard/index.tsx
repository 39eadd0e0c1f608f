import Taro from '@tarojs/taro';
import {
  BOARD_METRIC_LABELS,
  BOARD_METRICS,
  type BoardMetric,
  type ChainOrder,
  type DashboardResponse,
} from '@cardhub/shared';
import { useState } from 'react';
import {
  CHAIN_ORDER_LABELS,
  CHAIN_ORDERS,
  DepartmentSelect,
  PeriodPicker,
  Segments,
  type BoardFilters,
} from '../../../components/BoardControls';
import DonutChart from '../../../components/charts/DonutChart';
import FunnelChart from '../../../components/charts/FunnelChart';
import TrendChart from '../../../components/charts/TrendChart';
import ChainPath from '../../../components/ChainPath';
import ConsoleLayout, { type StaffPrincipal } from '../../../components/ConsoleLayout';
import ExportButtons from '../../../components/ExportButtons';
import { useLoaded } from '../../../hooks/useLoaded';
import RankBadge, { isTied } from '../../../components/RankBadge';
import { downloadBoardExport, fetchDashboard } from '../../../services/boards';
import {
  BOARD_METRIC_UNITS,
  formatChange,
  formatFigure,
  periodQuery,
  rangeCaption,
  todayIso,
} from '../../../utils/boardFormat';
import { boardEventsUrl } from '../../../utils/boardLinks';
import { MATERIAL_TYPE_LABELS } from '../../../utils/material-labels';
import LiveCounter from './LiveCounter';
import './index.scss';

const TRENDS = [
  { key: 'shares', label: '分享', unit: '次', color: '#3370ff' },
  { key: 'views', label: '浏览', unit: '次', color: '#14c0a8' },
  { key: 'visitors', label: '访客', unit: '人', color: '#7b61ff' },
  { key: 'leads', label: '新线索', unit: '条', color: '#ff8a1f' },
] as const;

const CHANNEL_COLORS: Record<string, string> = {
  chat: '#3370ff',
  group: '#5b8cff',
  moments: '#14c0a8',
  poster: '#ff8a1f',
  link: '#7b61ff',
  site: '#f5a623',
};

/** Managers' and admins' overview: totals against the previous period, trends, the funnel, what works best. */
export default function ConsoleDashboardPage() {
  return (
    <ConsoleLayout active="dashboard" title="数据看板">
      {(principal) => <Dashboard principal={principal} />}
    </ConsoleLayout>
  );
}

function Dashboard({ principal }: { principal: StaffPrincipal }) {
  // Without a department, a manager's dashboard is the departments they run; an admin's the organization.
  const everything = principal.role === 'admin' ? '全公司' : '我管理的部门';
  const today = todayIso();
  const [filters, setFilters] = useState<BoardFilters>({ period: 'month', from: today, to: today });
  const [exportError, setExportError] = useState<string | null>(null);
  const period = periodQuery(filters.period, filters.from, filters.to);
  const query = { ...period, departmentId: filters.departmentId };
  const { data: dashboard, loading, error: loadError } = useLoaded(fetchDashboard, query);
  const error = exportError ?? loadError;

  const open = (metric: BoardMetric) =>
    void Taro.navigateTo({
      url: boardEventsUrl('console', {
        ...period,
        metric,
        departmentId: filters.departmentId,
        label: filters.departmentId ? '所选部门' : everything,
      }),
    });

  return (
    <div className="dashboard">
      <div className="dashboard__toolbar">
        <PeriodPicker filters={filters} onChange={(change) => setFilters({ ...filters, ...change })} />
        <div className="dashboard__toolbar-end">
          <DepartmentSelect
            allLabel={everything}
            value={filters.departmentId}
            onChange={(departmentId) => setFilters({ ...filters, departmentId })}
          />
          <ExportButtons
            download={(format) => downloadBoardExport('dashboard', format, query)}
            onError={setExportError}
          />
        </div>
      </div>
      {error && <p className="dashboard__error">{error}</p>}

      <LiveCounter departmentId={filters.departmentId} />

      {!dashboard && loading && <div className="dashboard__loading">正在统计…</div>}
      {dashboard && (
        <div className={loading ? 'dashboard__content dashboard__content--loading' : 'dashboard__content'}>
          <div className="dashboard__section">
            <span className="dashboard__section-title">核心指标</span>
            <span className="dashboard__section-hint">{rangeCaption(dashboard.range)} · 与上一周期相比</span>
          </div>
          <div className="dashboard__kpis">
            {BOARD_METRICS.map((metric) => (
              <Kpi
                key={metric}
                metric={metric}
                value={dashboard.totals[metric]}
                previous={dashboard.previousTotals[metric]}
                onOpen={() => open(metric)}
              />
            ))}
          </div>

          <div className="dashboard__section">
            <span className="dashboard__section-title">每日趋势</span>
            <span className="dashboard__section-hint">移动鼠标或点按查看每天的数字</span>
          </div>
          <div className="dashboard__trends">
            {TRENDS.map((trend) => (
              <div key={trend.key} className="console-panel dashboard__trend">
                <TrendChart
                  title={trend.label}
                  unit={trend.unit}
                  color={trend.color}
                  points={dashboard.trend.map((day) => ({ day: day.day, value: day[trend.key] }))}
                />
              </div>
            ))}
          </div>

          <div className="dashboard__pair">
            <div className="console-panel">
              <span className="dashboard__panel-title">营销漏斗</span>
              <span className="dashboard__panel-hint">
                触达 → 激活 → 转化 → 成交，每一步相对上一步的转化率
              </span>
              <FunnelChart steps={dashboard.funnel} />
            </div>
            <div className="console-panel">
              <span className="dashboard__panel-title">渠道分布</span>
              <span className="dashboard__panel-hint">各渠道带来的浏览（括号内为分享次数）</span>
              <DonutChart
                unit="次"
                segments={dashboard.channels.map((channel) => ({
                  key: channel.channel,
                  label: channel.label,
                  value: channel.views,
                  color: CHANNEL_COLORS[channel.channel] ?? '#8f959e',
                  detail: `分享 ${formatFigure(channel.shares)}`,
                }))}
              />
            </div>
          </div>

          <div className="dashboard__pair">
            <TopMaterials
              // A material nobody shared, viewed or got a lead from is not a top material.
              rows={dashboard.topMaterials.filter(
                (row) => row.metrics.leads + row.metrics.views + row.metrics.shares > 0,
              )}
            />
            <TopChains chains={dashboard.topChains} />
          </div>
        </div>
      )}
    </div>
  );
}

function Kpi({
  metric,
  value,
  previous,
  onOpen,
}: {
  metric: BoardMetric;
  value: number;
  previous: number;
  onOpen: () => void;
}) {
  const change = formatChange(value, previous);
  return (
    <button type="button" className="kpi" onClick={onOpen} title="查看明细" data-metric={metric}>
      <span className="kpi__label">{BOARD_METRIC_LABELS[metric]}</span>
      <span className="kpi__value">
        {formatFigure(value)}
        <span className="kpi__unit">{BOARD_METRIC_UNITS[metric]}</span>
      </span>
      <span className="kpi__compare">
        <span className={`kpi__change kpi__change--${change.trend}`}>
          {change.trend === 'up' ? '▲ ' : change.trend === 'down' ? '▼ ' : ''}
          {change.text}
        </span>
        <span className="kpi__previous">上期 {formatFigure(previous)}</span>
      </span>
    </button>
  );
}

function TopMaterials({ rows }: { rows: DashboardResponse['topMaterials'] }) {
  return (
    <div className="console-panel">
      <span className="dashboard__panel-title">热门物料</span>
      <span className="dashboard__panel-hint">按带来的线索、其次按浏览排序</span>
      {rows.length === 0 ? (
        <div className="dashboard__empty">这段时间没有物料被分享</div>
      ) : (
        <div className="top-table">
          <div className="top-table__row top-table__row--head">
            <span className="top-table__rank">排名</span>
            <span className="top-table__main">物料</span>
            <span className="top-table__figure">线索</span>
            <span className="top-table__figure">浏览</span>
            <span className="top-table__figure">分享</span>
          </div>
          {rows.map((row, index) => (
            <div key={row.material.id} className="top-table__row">
              <span className="top-table__rank">
                <RankBadge rank={row.rank} tied={isTied(rows, index)} />
              </span>
              <span className="top-table__main">
                <span className="top-table__title">{row.material.title}</span>
                <span className="top-table__muted">{MATERIAL_TYPE_LABELS[row.material.type]}</span>
              </span>
              <span className="top-table__figure top-table__figure--strong">
                {formatFigure(row.metrics.leads)}
              </span>
              <span className="top-table__figure">{formatFigure(row.metrics.views)}</span>
              <span className="top-table__figure">{formatFigure(row.metrics.shares)}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

function TopChains({ chains }: { chains: DashboardResponse['topChains'] }) {
  const [order, setOrder] = useState<ChainOrder>('deepest');
  const rows = chains[order];
  return (
    <div className="console-panel">
      <div className="dashboard__panel-head">
        <span className="dashboard__panel-title">转发链路</span>
        <Segments
          label="链路排序"
          options={CHAIN_ORDERS}
          labels={CHAIN_ORDER_LABELS}
          value={order}
          onChange={setOrder}
        />
      </div>
      <span className="dashboard__panel-hint">客户层层转发，成绩记在发起员工名下</span>
      {rows.length === 0 ? (
        <div className="dashboard__empty">这段时间还没有被转发的分享</div>
      ) : (
        rows.map((row) => (
          <div key={row.rootShareId} className="top-chain">
            <div className="top-chain__head">
              <span className="top-chain__title">
                <strong>{row.employee.name}</strong> · {row.target.title}
              </span>
              <span className="top-chain__figures">
                <span>
                  <strong>{row.depth}</strong> 层
                </span>
                <span>
                  最宽 <strong>{row.width}</strong>
                </span>
                <span>
                  浏览 <strong>{formatFigure(row.views)}</strong>
                </span>
              </span>
            </div>
            <ChainPath path={row.path} />
          </div>
        ))
      )}
    </div>
  );
}
