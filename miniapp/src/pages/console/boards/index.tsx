import Taro from '@tarojs/taro';
import {
  BOARD_METRIC_LABELS,
  BOARD_METRICS,
  type BoardMetric,
  type BoardQuery,
  type ChainBoardResponse,
  type ChainOrder,
  type DepartmentBoardResponse,
  type EmployeeBoardResponse,
  type MaterialBoardResponse,
} from '@cardhub/shared';
import { useCallback, useState } from 'react';
import {
  CHAIN_ORDER_LABELS,
  CHAIN_ORDERS,
  DepartmentSelect,
  PeriodPicker,
  Segments,
  type BoardFilters,
} from '../../../components/BoardControls';
import ConsoleLayout, { type StaffPrincipal } from '../../../components/ConsoleLayout';
import ExportButtons from '../../../components/ExportButtons';
import { useLoaded } from '../../../hooks/useLoaded';
import {
  downloadBoardExport,
  fetchChainBoard,
  fetchDepartmentBoard,
  fetchEmployeeBoard,
  fetchMaterialBoard,
} from '../../../services/boards';
import { getStaffSession } from '../../../services/session';
import { boardEventsUrl, type BoardEventsParams } from '../../../utils/boardLinks';
import { periodQuery, rangeCaption, standingText, todayIso } from '../../../utils/boardFormat';
import { MATERIAL_TYPE_LABELS } from '../../../utils/material-labels';
import ChainBoard from './ChainBoard';
import RankedTable from './RankedTable';
import SettingsDialog from './SettingsDialog';
import './index.scss';

const VIEWS = [
  { key: 'employees', label: '员工排行' },
  { key: 'departments', label: '部门对比' },
  { key: 'materials', label: '物料回报' },
  { key: 'chains', label: '转发链路' },
] as const;
type View = (typeof VIEWS)[number]['key'];

const PAGE_SIZE = 50;

/** One board's rows, fetched for the view shown (chains have their own order and no metric). */
async function loadBoard({
  view,
  query,
  chainOrder,
}: {
  view: View;
  query: BoardQuery;
  chainOrder: ChainOrder;
  /** Only changes the key: a settings change reloads with the same query. */
  reloads: number;
}): Promise<Loaded> {
  switch (view) {
    case 'employees':
      return { view, board: await fetchEmployeeBoard(query) };
    case 'departments':
      return { view, board: await fetchDepartmentBoard(query) };
    case 'materials':
      return { view, board: await fetchMaterialBoard(query) };
    case 'chains': {
      const { period, from, to } = query;
      return { view, board: await fetchChainBoard({ period, from, to, order: chainOrder, limit: 20 }) };
    }
  }
}

type Loaded =
  | { view: 'employees'; board: EmployeeBoardResponse }
  | { view: 'departments'; board: DepartmentBoardResponse }
  | { view: 'materials'; board: MaterialBoardResponse }
  | { view: 'chains'; board: ChainBoardResponse };

/** Material return is read by what a material produced: leads first, not only its shares and views. */
const MATERIAL_METRICS: readonly BoardMetric[] = [
  'leads',
  'mqls',
  'sqls',
  'customers',
  'shares',
  'views',
  'visitors',
  'forwards',
];

/** The console's leaderboards: employees, departments against each other, material return, and share chains. */
export default function ConsoleBoardsPage() {
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [reloads, setReloads] = useState(0);
  const reloadBoards = useCallback(() => setReloads((count) => count + 1), []);
  return (
    <ConsoleLayout
      active="boards"
      title="排行榜"
      actions={
        getStaffSession()?.role === 'admin' && (
          <button
            type="button"
            className="console-button console-button--secondary"
            onClick={() => setSettingsOpen(true)}
          >
            统计设置
          </button>
        )
      }
    >
      {(principal) => (
        <>
          <Boards principal={principal} reloads={reloads} />
          {settingsOpen && principal.role === 'admin' && (
            <SettingsDialog onClose={() => setSettingsOpen(false)} onRebuilt={reloadBoards} />
          )}
        </>
      )}
    </ConsoleLayout>
  );
}

function Boards({ principal, reloads }: { principal: StaffPrincipal; reloads: number }) {
  const today = todayIso();
  const [view, setView] = useState<View>('employees');
  const [metric, setMetric] = useState<BoardMetric>('views');
  const [chainOrder, setChainOrder] = useState<ChainOrder>('deepest');
  const [filters, setFilters] = useState<BoardFilters>({ period: 'month', from: today, to: today });
  const [offset, setOffset] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const period = periodQuery(filters.period, filters.from, filters.to);
  const query = {
    ...period,
    metric,
    departmentId: view === 'employees' || view === 'departments' ? filters.departmentId : undefined,
    limit: PAGE_SIZE,
    offset,
  };
  const {
    data: loaded,
    loading,
    error: loadError,
  } = useLoaded(loadBoard, {
    view,
    query,
    chainOrder,
    reloads,
  });

  const refine = (change: Partial<BoardFilters>) => {
    setFilters({ ...filters, ...change });
    setOffset(0);
  };
  const choose = (next: View) => {
    setView(next);
    setOffset(0);
    if (next === 'materials' && (metric === 'views' || metric === 'shares')) setMetric('leads');
  };
  const open = (params: Omit<BoardEventsParams, 'period' | 'from' | 'to'>) =>
    void Taro.navigateTo({ url: boardEventsUrl('console', { ...params, ...period }) });

  const shown = loaded?.view === view ? loaded : null;
  const total = shown && 'total' in shown.board ? shown.board.total : 0;

  return (
    <div className="boards">
      <div className="console-panel boards__filters">
        <div className="boards__views" role="tablist" aria-label="排行类型">
          {VIEWS.map((item) => (
            <button
              type="button"
              key={item.key}
              role="tab"
              aria-selected={view === item.key}
              className={`boards__view${view === item.key ? ' boards__view--active' : ''}`}
              onClick={() => choose(item.key)}
            >
              {item.label}
            </button>
          ))}
        </div>
        <div className="boards__filter-row">
          <PeriodPicker filters={filters} onChange={refine} />
          {(view === 'employees' || view === 'departments') && (
            <DepartmentSelect
              value={filters.departmentId}
              onChange={(departmentId) => refine({ departmentId })}
            />
          )}
          {view === 'chains' ? (
            <Segments
              label="链路排序"
              options={CHAIN_ORDERS}
              labels={CHAIN_ORDER_LABELS}
              value={chainOrder}
              onChange={setChainOrder}
            />
          ) : null}
        </div>
      </div>

      <div className="console-panel">
        <div className="boards__table-head">
          <div className="boards__caption">
            <span className="boards__caption-title">{VIEWS.find((item) => item.key === view)!.label}</span>
            {shown && (
              <span className="boards__caption-range">
                {rangeCaption(shown.board.range)}
                {view !== 'chains' && ` · 按${BOARD_METRIC_LABELS[metric]}排名`}
              </span>
            )}
          </div>
          {view !== 'chains' && (
            <ExportButtons
              download={(format) =>
                downloadBoardExport(view, format, { ...query, departmentId: query.departmentId })
              }
              onError={setError}
            />
          )}
        </div>
        {shown?.view === 'employees' && shown.board.me && (
          <div className="boards__me">
            我的排名：<strong>{standingText(shown.board.me)}</strong>
          </div>
        )}
        {view !== 'chains' && (
          <div className="boards__metrics" role="tablist" aria-label="排名指标">
            {(view === 'materials' ? MATERIAL_METRICS : BOARD_METRICS).map((item) => (
              <button
                type="button"
                key={item}
                role="tab"
                aria-selected={metric === item}
                className={`boards__metric${metric === item ? ' boards__metric--active' : ''}`}
                onClick={() => {
                  setMetric(item);
                  setOffset(0);
                }}
              >
                {BOARD_METRIC_LABELS[item]}
              </button>
            ))}
          </div>
        )}
        {(error ?? loadError) && <p className="boards__error">{error ?? loadError}</p>}
        {loading && !shown && <BoardSkeleton />}
        {shown && (
          <div className={`boards__content${loading ? ' boards__content--loading' : ''}`}>
            {shown.view === 'employees' && (
              <RankedTable
                rows={shown.board.rows}
                metric={metric}
                subject="员工"
                rowKey={(row) => row.employee.id}
                onMetric={setMetric}
                empty="这段时间还没有数据：员工分享名片和物料后，这里按所选指标排名"
                renderSubject={(row) => (
                  <span
                    className={`boards__person${row.employee.id === principal.employeeId ? ' boards__person--me' : ''}`}
                  >
                    <span className="boards__avatar">{row.employee.name.slice(0, 1)}</span>
                    <span className="boards__names">
                      <span className="boards__name">{row.employee.name}</span>
                      <span className="boards__muted">{row.employee.departmentName ?? '未分配部门'}</span>
                    </span>
                  </span>
                )}
                onOpen={(row, column) =>
                  open({ metric: column, employeeId: row.employee.id, label: row.employee.name })
                }
              />
            )}
            {shown.view === 'departments' && (
              <RankedTable
                rows={shown.board.rows}
                metric={metric}
                subject="部门"
                rowKey={(row) => row.department.id}
                onMetric={setMetric}
                empty="还没有部门：在「员工」里建好部门后，这里对比各部门的成绩"
                renderSubject={(row) => (
                  <span className="boards__names">
                    <span className="boards__name">{row.department.name}</span>
                    <span className="boards__muted">
                      {row.department.path.length > 1 ? `${row.department.path.join(' / ')} · ` : ''}
                      {row.employeeCount} 人
                    </span>
                  </span>
                )}
                onOpen={(row, column) =>
                  open({ metric: column, departmentId: row.department.id, label: row.department.name })
                }
              />
            )}
            {shown.view === 'materials' && (
              <RankedTable
                rows={shown.board.rows}
                metric={metric}
                subject="物料"
                metrics={MATERIAL_METRICS}
                rowKey={(row) => row.material.id}
                onMetric={setMetric}
                empty="这段时间没有物料被分享"
                renderSubject={(row) => (
                  <span className="boards__names">
                    <span className="boards__name">{row.material.title}</span>
                    <span className="boards__muted">{MATERIAL_TYPE_LABELS[row.material.type]}</span>
                  </span>
                )}
                onOpen={(row, column) =>
                  open({ metric: column, materialId: row.material.id, label: row.material.title })
                }
              />
            )}
            {shown.view === 'chains' && <ChainBoard rows={shown.board.rows} order={chainOrder} />}
          </div>
        )}
        {total > PAGE_SIZE && (
          <div className="boards__pager">
            <button
              type="button"
              className="boards__page-button"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
            >
              上一页
            </button>
            <span>
              第 {offset / PAGE_SIZE + 1} / {Math.ceil(total / PAGE_SIZE)} 页 · 共 {total} 名
            </span>
            <button
              type="button"
              className="boards__page-button"
              disabled={offset + PAGE_SIZE >= total}
              onClick={() => setOffset(offset + PAGE_SIZE)}
            >
              下一页
            </button>
          </div>
        )}
        <p className="boards__rule">
          浏览和访客按计数规则统计：不含本人、同事、机器人，同一访客 30
          分钟内重复打开只算一次；转发链路带来的成绩计入发起员工。点任一数字可查看明细。
        </p>
      </div>
    </div>
  );
}

function BoardSkeleton() {
  return (
    <div className="boards__skeleton" aria-label="加载中">
      {Array.from({ length: 6 }, (_, index) => (
        <div key={index} className="boards__skeleton-row" />
      ))}
    </div>
  );
}
