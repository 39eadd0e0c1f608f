import type {
  BoardEventsQuery,
  BoardEventsResponse,
  BoardQuery,
  RebuildProgress,
  BoardSettings,
  BoardSettingsResponse,
  ChainBoardResponse,
  ChainBoardQuery,
  DashboardQuery,
  DashboardResponse,
  DepartmentBoardResponse,
  EmployeeBoardResponse,
  ExportFormat,
  DashboardLive,
  MaterialBoardResponse,
} from '@cardhub/shared';
import { downloadApiFile } from './download';
import { queryString, request } from './request';

export function fetchEmployeeBoard(query: BoardQuery): Promise<EmployeeBoardResponse> {
  return request<EmployeeBoardResponse>('GET', `/api/boards/employees${queryString({ ...query })}`);
}

export function fetchDepartmentBoard(query: BoardQuery): Promise<DepartmentBoardResponse> {
  return request<DepartmentBoardResponse>('GET', `/api/boards/departments${queryString({ ...query })}`);
}

export function fetchMaterialBoard(query: BoardQuery): Promise<MaterialBoardResponse> {
  return request<MaterialBoardResponse>('GET', `/api/boards/materials${queryString({ ...query })}`);
}

export function fetchChainBoard(query: ChainBoardQuery): Promise<ChainBoardResponse> {
  return request<ChainBoardResponse>('GET', `/api/boards/chains${queryString({ ...query })}`);
}

export function fetchBoardEvents(query: BoardEventsQuery): Promise<BoardEventsResponse> {
  return request<BoardEventsResponse>('GET', `/api/boards/events${queryString({ ...query })}`);
}

export function fetchDashboard(query: DashboardQuery): Promise<DashboardResponse> {
  return request<DashboardResponse>('GET', `/api/dashboard${queryString({ ...query })}`);
}

/** Today so far, for the dashboard's departments (a manager's own when none is chosen). */
export function fetchLiveCounter(departmentId?: string): Promise<DashboardLive> {
  return request<DashboardLive>('GET', `/api/dashboard/live${queryString({ departmentId })}`);
}

/** The settings, with the progress of the rebuild a change started. */
export function fetchBoardSettings(): Promise<BoardSettingsResponse> {
  return request<BoardSettingsResponse>('GET', '/api/boards/settings');
}

export function saveBoardSettings(settings: BoardSettings): Promise<BoardSettingsResponse> {
  return request<BoardSettingsResponse>('PUT', '/api/boards/settings', settings);
}

export function fetchRebuildStatus(): Promise<RebuildProgress> {
  return request<RebuildProgress>('GET', '/api/boards/rebuild');
}

/** The tables that export, by the path of their export endpoint. */
export const BOARD_EXPORTS = {
  employees: '/api/boards/employees/export',
  departments: '/api/boards/departments/export',
  materials: '/api/boards/materials/export',
  dashboard: '/api/dashboard/export',
} as const;
export type BoardExport = keyof typeof BOARD_EXPORTS;

/** Downloads a board as CSV or Excel with the query it shows (paging left out: the file holds every row). */
export function downloadBoardExport(
  board: BoardExport,
  format: ExportFormat,
  query: Partial<BoardQuery>,
): Promise<void> {
  const { limit: _limit, offset: _offset, ...filters } = query;
  return downloadApiFile(
    `${BOARD_EXPORTS[board]}${queryString({ ...filters, format })}`,
    `${board}.${format}`,
  );
}
