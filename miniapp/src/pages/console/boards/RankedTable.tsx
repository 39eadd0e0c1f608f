import { BOARD_METRICS, BOARD_METRIC_LABELS, type BoardMetric, type BoardMetrics } from '@cardhub/shared';
import type { ReactNode } from 'react';
import RankBadge, { isTied } from '../../../components/RankBadge';
import { formatFigure } from '../../../utils/boardFormat';

export interface RankedRow {
  rank: number;
  value: number;
  metrics: BoardMetrics;
}

/**
 * A board as a table: rank, who (or what), then every metric right-aligned in tabular figures, the ranked one
 * highlighted. A header picks the metric to rank by; every figure opens the events behind it.
 */
export default function RankedTable<Row extends RankedRow>({
  rows,
  metric,
  subject,
  rowKey,
  renderSubject,
  metrics = BOARD_METRICS,
  onMetric,
  onOpen,
  empty,
}: {
  rows: Row[];
  metric: BoardMetric;
  /** Header of the who/what column. */
  subject: string;
  rowKey: (row: Row) => string;
  renderSubject: (row: Row) => ReactNode;
  metrics?: readonly BoardMetric[];
  onMetric: (metric: BoardMetric) => void;
  /** Opens the events behind a figure; figures without events to show pass no handler. */
  onOpen?: (row: Row, metric: BoardMetric) => void;
  empty: string;
}) {
  return (
    <div className="ranked-table" role="table">
      <div className="ranked-table__row ranked-table__row--head" role="row">
        <span className="ranked-table__rank">排名</span>
        <span className="ranked-table__subject">{subject}</span>
        {metrics.map((column) => (
          <button
            type="button"
            key={column}
            className={`ranked-table__figure ranked-table__sort${column === metric ? ' ranked-table__figure--ranked' : ''}`}
            onClick={() => onMetric(column)}
            title={`按${BOARD_METRIC_LABELS[column]}排名`}
          >
            {BOARD_METRIC_LABELS[column]}
            {column === metric && <span className="ranked-table__arrow">▼</span>}
          </button>
        ))}
      </div>
      {rows.length === 0 && <div className="ranked-table__empty">{empty}</div>}
      {rows.map((row, index) => (
        <div key={rowKey(row)} className="ranked-table__row" role="row" data-rank={row.rank}>
          <span className="ranked-table__rank">
            <RankBadge rank={row.rank} tied={isTied(rows, index)} />
          </span>
          <span className="ranked-table__subject">{renderSubject(row)}</span>
          {metrics.map((column) => {
            const className = `ranked-table__figure${column === metric ? ' ranked-table__figure--ranked' : ''}`;
            const text = formatFigure(row.metrics[column]);
            return onOpen ? (
              <button
                type="button"
                key={column}
                className={`${className} ranked-table__open`}
                title={`查看${BOARD_METRIC_LABELS[column]}明细`}
                onClick={() => onOpen(row, column)}
              >
                {text}
              </button>
            ) : (
              <span key={column} className={className}>
                {text}
              </span>
            );
          })}
        </div>
      ))}
    </div>
  );
}
