import type { MaterialStats, MaterialStatsListResponse } from '@cardhub/shared';
import { request } from './request';

/** One material's dashboard figures (managers and admins). */
export function fetchMaterialStats(materialId: string): Promise<MaterialStats> {
  return request<MaterialStats>('GET', `/api/materials/${encodeURIComponent(materialId)}/stats`);
}

/** Shares, counted views and visitors for a page of the materials table. */
export function fetchMaterialStatsSummaries(materialIds: string[]): Promise<MaterialStatsListResponse> {
  return request<MaterialStatsListResponse>(
    'GET',
    `/api/materials/stats?ids=${materialIds.map(encodeURIComponent).join(',')}`,
  );
}
