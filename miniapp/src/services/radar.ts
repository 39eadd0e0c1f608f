import type { RadarResponse } from '@cardhub/shared';
import { queryString, request } from './request';

/** My visitors, newest first; `before` pages into the past. */
export function fetchRadar(options: { before?: string | null; limit?: number } = {}): Promise<RadarResponse> {
  return request<RadarResponse>(
    'GET',
    `/api/me/radar${queryString({ before: options.before ?? undefined, limit: options.limit })}`,
  );
}
