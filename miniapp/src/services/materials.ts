import type {
  ListMaterialsQuery,
  MaterialDto,
  MaterialListResponse,
  PublicMaterialResponse,
} from '@cardhub/shared';
import { queryString, request } from './request';

/** The library, newest first; staff see published materials, admins may ask for any `status`. */
export function listMaterials(query: ListMaterialsQuery = {}): Promise<MaterialListResponse> {
  return request<MaterialListResponse>('GET', `/api/materials${queryString(query)}`);
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
