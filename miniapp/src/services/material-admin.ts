import type { CreateMaterialInput, MaterialDto, UploadedFileResponse } from '@cardhub/shared';
import { ApiError, apiUrl, authHeader, parseResponse, request } from './request';

/** The console's side of the materials library: writing, publishing and uploads (reading is services/materials). */

export function saveMaterial(id: string | null, input: CreateMaterialInput): Promise<MaterialDto> {
  return id
    ? request<MaterialDto>('PUT', `/api/materials/${encodeURIComponent(id)}`, input)
    : request<MaterialDto>('POST', '/api/materials', input);
}

export function changeMaterialStatus(id: string, action: 'publish' | 'archive'): Promise<MaterialDto> {
  return request<MaterialDto>('POST', `/api/materials/${encodeURIComponent(id)}/${action}`);
}

/**
 * Uploads one file from the browser with upload progress (videos run to 50 MB). The console is H5-only, so
 * this uses the browser's XMLHttpRequest directly.
 */
export function uploadWithProgress<T>(
  path: string,
  file: Blob,
  onProgress?: (fraction: number) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(path));
    for (const [name, value] of Object.entries(authHeader())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      try {
        resolve(parseResponse<T>(xhr.status, xhr.responseText));
      } catch (error) {
        reject(error);
      }
    };
    xhr.onerror = () =>
      reject(
        new ApiError(0, { statusCode: 0, error: 'Network Error', message: '网络异常，上传失败，请重试' }),
      );
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

export const uploadMaterialImage = (file: Blob, onProgress?: (fraction: number) => void) =>
  uploadWithProgress<UploadedFileResponse>('/api/materials/images', file, onProgress);

export const uploadMaterialCover = (id: string, file: Blob) =>
  uploadWithProgress<MaterialDto>(`/api/materials/${encodeURIComponent(id)}/cover`, file);

export const uploadMaterialMedia = (id: string, file: Blob, onProgress?: (fraction: number) => void) =>
  uploadWithProgress<MaterialDto>(`/api/materials/${encodeURIComponent(id)}/media`, file, onProgress);
