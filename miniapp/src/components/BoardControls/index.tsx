import {
  BOARD_PERIODS,
  BOARD_PERIOD_LABELS,
  departmentsInTreeOrder,
  type BoardPeriod,
  type DepartmentDto,
} from '@cardhub/shared';
import { useEffect, useState } from 'react';
import { fetchDepartments } from '../../services/roster';
import './index.scss';

/** What every board and the dashboard are filtered by. */
export interface BoardFilters {
  period: BoardPeriod;
  /** The custom range's days (kept while another period is chosen, so switching back restores them). */
  from: string;
  to: string;
  departmentId?: string;
}

/** A row of tabs choosing one of a few options (period, chain order). */
export function Segments<Option extends string>({
  label,
  options,
  labels,
  value,
  onChange,
}: {
  label: string;
  options: readonly Option[];
  labels: Record<Option, string>;
  value: Option;
  onChange: (option: Option) => void;
}) {
  return (
    <div className="board-controls__segments" role="tablist" aria-label={label}>
      {options.map((option) => (
        <button
          type="button"
          key={option}
          role="tab"
          aria-selected={value === option}
          className={`board-controls__segment${value === option ? ' board-controls__segment--active' : ''}`}
          onClick={() => onChange(option)}
        >
          {labels[option]}
        </button>
      ))}
    </div>
  );
}

/** How the chain boards are ordered, as their tabs say it. */
export const CHAIN_ORDERS = ['deepest', 'widest'] as const;
export const CHAIN_ORDER_LABELS: Record<(typeof CHAIN_ORDERS)[number], string> = {
  deepest: '最深',
  widest: '最广',
};

/** The period tabs of the console's boards, with the two date boxes of 自定义. */
export function PeriodPicker({
  filters,
  onChange,
}: {
  filters: BoardFilters;
  onChange: (change: Partial<BoardFilters>) => void;
}) {
  return (
    <div className="board-controls__period">
      <Segments
        label="统计周期"
        options={BOARD_PERIODS}
        labels={BOARD_PERIOD_LABELS}
        value={filters.period}
        onChange={(period) => onChange({ period })}
      />
      {filters.period === 'custom' && (
        <span className="board-controls__range">
          <input
            className="board-controls__control"
            type="date"
            aria-label="开始日期"
            value={filters.from}
            max={filters.to}
            onChange={(event) => event.target.value && onChange({ from: event.target.value })}
          />
          <span>至</span>
          <input
            className="board-controls__control"
            type="date"
            aria-label="结束日期"
            value={filters.to}
            min={filters.from}
            onChange={(event) => event.target.value && onChange({ to: event.target.value })}
          />
        </span>
      )}
    </div>
  );
}

/** 全部部门 (or `allLabel`) and every department in tree order, indented by depth (managers and admins may read the tree). */
export function DepartmentSelect({
  value,
  onChange,
  allLabel = '全部部门',
}: {
  value: string | undefined;
  onChange: (departmentId: string | undefined) => void;
  /** What no department means here (a manager's dashboard: the departments they run). */
  allLabel?: string;
}) {
  const [departments, setDepartments] = useState<DepartmentDto[]>([]);
  useEffect(() => {
    fetchDepartments()
      .then((result) => setDepartments(departmentsInTreeOrder(result.departments)))
      .catch(() => setDepartments([]));
  }, []);
  const depthOf = (department: DepartmentDto): number => {
    const parent = departments.find((candidate) => candidate.id === department.parentId);
    return parent ? depthOf(parent) + 1 : 0;
  };
  return (
    <select
      className="board-controls__control board-controls__select"
      aria-label="部门"
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value || undefined)}
    >
      <option value="">{allLabel}</option>
      {departments.map((department) => (
        <option key={department.id} value={department.id}>
          {'\u3000'.repeat(depthOf(department))}
          {department.name}
        </option>
      ))}
    </select>
  );
}
