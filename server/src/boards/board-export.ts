import { Injectable } from '@nestjs/common';
import {
  BOARD_METRICS,
  BOARD_METRIC_LABELS,
  BOARD_PERIOD_LABELS,
  type BoardMetrics,
  type BoardRange,
  type ExportFormat,
  type ParsedBoardQuery,
} from '@cardhub/shared';
import type { StaffPrincipal } from '../common/auth';
import { type Table, type TableCell, asText, tableFile } from '../common/export/table-file';
import { BoardsService } from './boards.service';

/** An export holds a whole board, not a page of it. */
const ALL_ROWS = 100_000;

const METRIC_HEADERS = BOARD_METRICS.map((metric) => BOARD_METRIC_LABELS[metric]);
const metricCells = (metrics: BoardMetrics): TableCell[] => BOARD_METRICS.map((metric) => metrics[metric]);

/** `员工排行-本月-2026-11.xlsx`: what, over which period, which days. */
function fileNameOf(title: string, range: BoardRange, format: ExportFormat): string {
  const days =
    range.period === 'month'
      ? range.from.slice(0, 7)
      : range.from === range.to
        ? range.from
        : `${range.from}至${range.to}`;
  return `${title}-${BOARD_PERIOD_LABELS[range.period]}-${days}.${format}`;
}

export interface BoardFile {
  content: Buffer;
  fileName: string;
}

/** Boards and the dashboard as CSV or Excel, with the lead export's writer. */
@Injectable()
export class BoardExport {
  constructor(private readonly boards: BoardsService) {}

  async employees(staff: StaffPrincipal, query: ParsedBoardQuery, format: ExportFormat): Promise<BoardFile> {
    const board = await this.boards.employeeBoard(staff, { ...query, limit: ALL_ROWS, offset: 0 });
    return this.file('员工排行', board.range, format, {
      sheetName: '员工排行',
      headers: ['排名', '员工', '部门', ...METRIC_HEADERS],
      rows: board.rows.map((row) => [
        row.rank,
        asText(row.employee.name),
        asText(row.employee.departmentName ?? ''),
        ...metricCells(row.metrics),
      ]),
      widths: [6, 12, 14],
    });
  }

  async departments(
    staff: StaffPrincipal,
    query: ParsedBoardQuery,
    format: ExportFormat,
  ): Promise<BoardFile> {
    const board = await this.boards.departmentBoard(staff, { ...query, limit: ALL_ROWS, offset: 0 });
    return this.file('部门排行', board.range, format, {
      sheetName: '部门排行',
      headers: ['排名', '部门', '人数', ...METRIC_HEADERS],
      rows: board.rows.map((row) => [
        row.rank,
        asText(row.department.path.join(' / ')),
        row.employeeCount,
        ...metricCells(row.metrics),
      ]),
      widths: [6, 24, 6],
    });
  }

  async materials(staff: StaffPrincipal, query: ParsedBoardQuery, format: ExportFormat): Promise<BoardFile> {
    const board = await this.boards.materialBoard(staff, { ...query, limit: ALL_ROWS, offset: 0 });
    return this.file('物料回报', board.range, format, {
      sheetName: '物料回报',
      headers: ['排名', '物料', ...METRIC_HEADERS],
      rows: board.rows.map((row) => [row.rank, asText(row.material.title), ...metricCells(row.metrics)]),
      widths: [6, 30],
    });
  }

  /** The dashboard's daily trend, with the range's totals last (visitors are distinct over the range, not a sum). */
  async dashboard(
    staff: StaffPrincipal,
    query: Parameters<BoardsService['dashboard']>[1],
    format: ExportFormat,
  ): Promise<BoardFile> {
    const dashboard = await this.boards.dashboard(staff, query);
    const { totals } = dashboard;
    return this.file('数据看板', dashboard.range, format, {
      sheetName: '每日趋势',
      headers: ['日期', '分享', '浏览', '访客', '新线索'],
      rows: [
        ...dashboard.trend.map((day) => [day.day, day.shares, day.views, day.visitors, day.leads]),
        ['合计', totals.shares, totals.views, totals.visitors, totals.leads],
      ],
      widths: [12],
    });
  }

  private async file(
    title: string,
    range: BoardRange,
    format: ExportFormat,
    table: Table,
  ): Promise<BoardFile> {
    return { content: await tableFile(table, format), fileName: fileNameOf(title, range, format) };
  }
}
