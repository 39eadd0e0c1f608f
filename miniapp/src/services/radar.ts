import type { RadarResponse } from '@cardhub/shared';
import { request } from './request';

/** My visitors, newest first; `before` pages into the past. */
export function fetchRadar(options: { before?: string | null; limit?: number } = {}): Promise<RadarResponse> {
  const query = new URLSearchParams();
  if (options.before) query.set('before', options.before);
  if (options.limit) query.set('limit', String(options.limit));
  const suffix = query.toString();
  return request<RadarResponse>('GET', `/api/me/radar${suffix ? `?${suffix}` : ''}`);
}
