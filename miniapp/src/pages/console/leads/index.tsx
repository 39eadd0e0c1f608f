import Taro, { useDidShow } from '@tarojs/taro';
import {
  LEAD_SOURCES,
  LEAD_SOURCE_LABELS,
  LEAD_STAGES,
  LEAD_STAGE_LABELS,
  type EmployeeDto,
  type LeadListResponse,
  type LeadSource,
  type LeadStage,
  type LeadSummary,
} from '@cardhub/shared';
import { useEffect, useState } from 'react';
import ConsoleDialog from '../../../components/ConsoleDialog';
import ConsoleLayout, { type StaffPrincipal } from '../../../components/ConsoleLayout';
import ExportButtons from '../../../components/ExportButtons';
import ConsolePager from '../../../components/ConsolePager';
import LeadStageBadge from '../../../components/LeadStageBadge';
import { assignLead, claimLead, downloadLeadExport, listLeads } from '../../../services/leads';
import { failureMessage } from '../../../services/request';
import { fetchEmployees } from '../../../services/roster';
import { formatShortTime } from '../../leads/leadLabels';
import './index.scss';

const PAGE_SIZE = 20;

export interface LeadFilters {
  stage?: LeadStage;
  /** `me`, `pool` or an employee id. */
  owner?: string;
  tag?: string;
  source?: LeadSource;
  minScore?: number;
  /** Days (YYYY-MM-DD) as typed; sent as the start of that day and of the day after. */
  from?: string;
  to?: string;
}

const startOfDay = (day: string) => new Date(`${day}T00:00:00`).toISOString();
const dayAfter = (day: string) => new Date(new Date(`${day}T00:00:00`).getTime() + 86_400_000).toISOString();

/** The list's query for the filters as the user set them. */
export function leadQuery(filters: LeadFilters) {
  return {
    stage: filters.stage,
    owner: filters.owner,
    tag: filters.tag?.trim() || undefined,
    source: filters.source,
    minScore: filters.minScore,
    from: filters.from ? startOfDay(filters.from) : undefined,
    to: filters.to ? dayAfter(filters.to) : undefined,
  };
}

/** The console's lead pool: every lead the manager or admin may see, filtered, exported, claimed and assigned. */
export default function ConsoleLeadsPage() {
  return (
    <ConsoleLayout active="leads" title="线索管理">
      {(principal) => <LeadsTable principal={principal} />}
    </ConsoleLayout>
  );
}

function LeadsTable({ principal }: { principal: StaffPrincipal }) {
  const [filters, setFilters] = useState<LeadFilters>({});
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<LeadListResponse | null>(null);
  const [employees, setEmployees] = useState<EmployeeDto[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [assigning, setAssigning] = useState<LeadSummary | null>(null);

  const load = async (nextFilters: LeadFilters, nextPage: number) => {
    setFilters(nextFilters);
    setPage(nextPage);
    try {
      setResult(await listLeads({ ...leadQuery(nextFilters), page: nextPage, limit: PAGE_SIZE }));
      setError(null);
    } catch (failure) {
      setError(failureMessage(failure, '加载失败，请重试'));
    }
  };
  const refine = (change: Partial<LeadFilters>) => void load({ ...filters, ...change }, 1);

  // Also on coming back from a lead's page, to show what changed there.
  useDidShow(() => void load(filters, page));
  useEffect(() => {
    fetchEmployees({ status: 'active', limit: 100 })
      .then((roster) => setEmployees(roster.items))
      .catch(() => setEmployees([]));
  }, []);

  const claim = async (lead: LeadSummary) => {
    try {
      await claimLead(lead.id);
      await load(filters, page);
      void Taro.showToast({ title: '已领取', icon: 'success' });
    } catch (failure) {
      setError(failureMessage(failure, '领取失败，请重试'));
    }
  };

  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;
  const filtered = Object.values(leadQuery(filters)).some((value) => value !== undefined);

  return (
    <div className="console-panel lead-admin">
      <div className="lead-admin__filters">
        <label className="lead-admin__field">
          <span>阶段</span>
          <select
            className="lead-admin__control"
            aria-label="阶段"
            value={filters.stage ?? ''}
            onChange={(event) =>
              refine({ stage: (event.target.value || undefined) as LeadStage | undefined })
            }
          >
            <option value="">全部阶段</option>
            {LEAD_STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {LEAD_STAGE_LABELS[stage]}
              </option>
            ))}
          </select>
        </label>
        <label className="lead-admin__field lead-admin__field--wide">
          <span>负责人</span>
          <select
            className="lead-admin__control"
            aria-label="负责人"
            value={filters.owner ?? ''}
            onChange={(event) => refine({ owner: event.target.value || undefined })}
          >
            <option value="">全部</option>
            <option value="me">我的</option>
            <option value="pool">公海（待领取）</option>
            {employees
              .filter((employee) => employee.id !== principal.employeeId)
              .map((employee) => (
                <option key={employee.id} value={employee.id}>
                  {employee.name}
                </option>
              ))}
          </select>
        </label>
        <label className="lead-admin__field">
          <span>来源</span>
          <select
            className="lead-admin__control"
            aria-label="来源"
            value={filters.source ?? ''}
            onChange={(event) =>
              refine({ source: (event.target.value || undefined) as LeadSource | undefined })
            }
          >
            <option value="">全部来源</option>
            {LEAD_SOURCES.map((source) => (
              <option key={source} value={source}>
                {LEAD_SOURCE_LABELS[source]}
              </option>
            ))}
          </select>
        </label>
        <label className="lead-admin__field">
          <span>标签</span>
          <input
            className="lead-admin__control"
            aria-label="标签"
            // Remounted when the filter changes elsewhere (清除筛选), so the box shows it.
            key={`tag-${filters.tag ?? ''}`}
            placeholder="如 强意向"
            defaultValue={filters.tag}
            onBlur={(event) =>
              event.target.value.trim() !== (filters.tag ?? '') &&
              refine({ tag: event.target.value.trim() || undefined })
            }
            onKeyDown={(event) => event.key === 'Enter' && event.currentTarget.blur()}
          />
        </label>
        <label className="lead-admin__field lead-admin__field--narrow">
          <span>最低分</span>
          <input
            className="lead-admin__control"
            aria-label="最低分"
            key={`min-${filters.minScore ?? ''}`}
            type="number"
            min={0}
            placeholder="0"
            defaultValue={filters.minScore}
            onBlur={(event) => {
              const value =
                event.target.value === '' ? undefined : Math.max(0, Math.floor(Number(event.target.value)));
              if (value !== filters.minScore) refine({ minScore: value });
            }}
            onKeyDown={(event) => event.key === 'Enter' && event.currentTarget.blur()}
          />
        </label>
        <label className="lead-admin__field">
          <span>创建日期</span>
          <span className="lead-admin__range">
            <input
              className="lead-admin__control"
              aria-label="创建起始日期"
              type="date"
              value={filters.from ?? ''}
              onChange={(event) => refine({ from: event.target.value || undefined })}
            />
            <span>至</span>
            <input
              className="lead-admin__control"
              aria-label="创建截止日期"
              type="date"
              value={filters.to ?? ''}
              onChange={(event) => refine({ to: event.target.value || undefined })}
            />
          </span>
        </label>
      </div>

      <div className="lead-admin__toolbar">
        <span className="lead-admin__count">
          共<strong>{result?.total ?? '…'}</strong>条线索
          {filtered ? (
            <button type="button" className="lead-admin__clear" onClick={() => void load({}, 1)}>
              清除筛选
            </button>
          ) : null}
        </span>
        <ExportButtons
          download={(format) => downloadLeadExport(format, leadQuery(filters))}
          onError={setError}
        />
      </div>

      {error ? <p className="lead-admin__error">{error}</p> : null}

      <div className="console-table lead-admin__table">
        <div className="console-table__row console-table__row--head">
          <span className="console-table__cell console-table__cell--wide">线索</span>
          <span className="console-table__cell">阶段</span>
          <span className="console-table__cell console-table__cell--number">评分</span>
          <span className="console-table__cell console-table__cell--wide">标签</span>
          <span className="console-table__cell">来源</span>
          <span className="console-table__cell">负责人</span>
          <span className="console-table__cell">最近活动</span>
          <span className="console-table__cell console-table__cell--wide lead-admin__actions-head">操作</span>
        </div>
        {result?.items.map((lead) => (
          <div key={lead.id} className="console-table__row" data-testid={`lead-${lead.id}`}>
            <span className="console-table__cell console-table__cell--wide lead-admin__who">
              <span className="lead-admin__label">{lead.label}</span>
              <span className="lead-admin__phone">{lead.phone ?? '未留电话'}</span>
            </span>
            <span className="console-table__cell">
              <LeadStageBadge stage={lead.stage} />
            </span>
            <span className="console-table__cell console-table__cell--number lead-admin__score">
              {lead.score}
            </span>
            <span className="console-table__cell console-table__cell--wide">
              {lead.tags.length
                ? lead.tags.map((tag) => (
                    <span key={tag} className="lead-admin__tag">
                      {tag}
                    </span>
                  ))
                : '—'}
            </span>
            <span className="console-table__cell">{LEAD_SOURCE_LABELS[lead.source]}</span>
            <span className="console-table__cell">
              {lead.owner ? lead.owner.name : <span className="lead-admin__pool">公海</span>}
            </span>
            <span className="console-table__cell lead-admin__time">
              {lead.lastActivityAt ? formatShortTime(lead.lastActivityAt) : '—'}
            </span>
            <span className="console-table__cell console-table__cell--wide lead-admin__actions">
              <button
                type="button"
                className="lead-admin__action"
                onClick={() => void Taro.navigateTo({ url: `/pages/leads/detail/index?id=${lead.id}` })}
              >
                查看
              </button>
              {lead.owner ? null : (
                <button type="button" className="lead-admin__action" onClick={() => void claim(lead)}>
                  领取
                </button>
              )}
              <button type="button" className="lead-admin__action" onClick={() => setAssigning(lead)}>
                分配
              </button>
            </span>
          </div>
        ))}
      </div>

      {result && result.items.length === 0 ? (
        <div className="lead-admin__empty">
          {filtered ? '没有符合条件的线索' : '还没有线索：员工分享名片和物料后，有意向的访客会出现在这里'}
        </div>
      ) : null}

      {result ? <ConsolePager page={page} pages={pages} onPage={(next) => void load(filters, next)} /> : null}

      {assigning ? (
        <AssignDialog
          lead={assigning}
          employees={employees}
          onClose={() => setAssigning(null)}
          onAssigned={() => {
            setAssigning(null);
            void load(filters, page);
          }}
        />
      ) : null}
    </div>
  );
}

function AssignDialog({
  lead,
  employees,
  onClose,
  onAssigned,
}: {
  lead: LeadSummary;
  employees: EmployeeDto[];
  onClose: () => void;
  onAssigned: () => void;
}) {
  const [employeeId, setEmployeeId] = useState(lead.owner?.id ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (to: string | null) => {
    try {
      await assignLead(lead.id, { employeeId: to, reason: reason.trim() });
      onAssigned();
    } catch (failure) {
      setError(failureMessage(failure, '分配失败，请重试'));
    }
  };
  return (
    <ConsoleDialog
      title="分配线索"
      subtitle={`${lead.label} · 当前负责人：${lead.owner?.name ?? '公海'}`}
      onClose={onClose}
      footer={
        <>
          {lead.owner ? (
            <button
              type="button"
              className="console-button console-button--danger"
              onClick={() => void submit(null)}
            >
              退回公海
            </button>
          ) : null}
          <button
            type="button"
            className="console-button"
            disabled={!employeeId || employeeId === lead.owner?.id}
            onClick={() => void submit(employeeId)}
          >
            确定分配
          </button>
        </>
      }
    >
      <label className="lead-admin__dialog-field">
        <span>分配给</span>
        <select
          className="lead-admin__control"
          aria-label="分配给"
          value={employeeId}
          onChange={(event) => setEmployeeId(event.target.value)}
        >
          <option value="">请选择员工</option>
          {employees.map((employee) => (
            <option key={employee.id} value={employee.id}>
              {employee.name}
              {employee.departmentPath ? `（${employee.departmentPath}）` : ''}
            </option>
          ))}
        </select>
      </label>
      <label className="lead-admin__dialog-field">
        <span>原因（选填）</span>
        <input
          className="lead-admin__control"
          aria-label="原因"
          maxLength={200}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </label>
      {error ? <p className="lead-admin__error">{error}</p> : null}
    </ConsoleDialog>
  );
}
