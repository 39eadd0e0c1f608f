import type {
  ListMaterialsQuery,
  MaterialDto,
  MaterialListResponse,
  PublicMaterialResponse,
} from '@cardhub/shared';
import { request } from './request';

/** The published library, newest first; empty filters are left out. */
export function listMaterials(query: Omit<ListMaterialsQuery, 'status'> = {}): Promise<MaterialListResponse> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const suffix = params.toString();
  return request<MaterialListResponse>('GET', `/api/materials${suffix ? `?${suffix}` : ''}`);
}

export function getMaterial(id: string): Promise<MaterialDto> {
  return request<MaterialDto>('GET', `/api/materials/${encodeURIComponent(id)}`);
}

/** A material opened through a share (no login needed), with the sharing employee's card. */
export function getSharedMaterial(shareCode: string): Promise<PublicMaterialResponse> {
  return request<PublicMaterialResponse>(
    'GET',
    `/api/public/materials/shares/${encodeURIComponent(shareCode)}`,
  );
}
