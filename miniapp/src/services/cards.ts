import Taro from '@tarojs/taro';
import type { CardDto, PublicCardResponse, UpdateCardInput } from '@cardhub/shared';
import { apiUrl, authHeader, parseResponse, request, requestPrefetched } from './request';

export function getMyCard(): Promise<CardDto> {
  return request<CardDto>('GET', '/api/me/card');
}

export function updateMyCard(input: UpdateCardInput): Promise<CardDto> {
  return request<CardDto>('PUT', '/api/me/card', input);
}

/** Uploads a chosen image (a temp path in WeChat, a blob URL on H5) as my avatar. */
export async function uploadAvatar(filePath: string): Promise<CardDto> {
  const response = await Taro.uploadFile({
    url: apiUrl('/api/me/card/avatar'),
    filePath,
    name: 'file',
    header: authHeader(),
  });
  return parseResponse<CardDto>(response.statusCode, response.data);
}

export function getPublicCardByShare(shareCode: string): Promise<PublicCardResponse> {
  return requestPrefetched<PublicCardResponse>(`/api/public/shares/${encodeURIComponent(shareCode)}`);
}

export function getPublicCard(cardId: string): Promise<PublicCardResponse> {
  return request<PublicCardResponse>('GET', `/api/public/cards/${encodeURIComponent(cardId)}`);
}
