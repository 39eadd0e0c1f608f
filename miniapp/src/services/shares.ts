import Taro from '@tarojs/taro';
import type { CreateShareInput, MySharesResponse, ShareDto, TargetType } from '@cardhub/shared';
import { ApiError, apiUrl, authHeader, request } from './request';

export function createShare(input: CreateShareInput): Promise<ShareDto> {
  return request<ShareDto>('POST', '/api/shares', input);
}

/**
 * A visitor's forward of what they opened: a child of the share they arrived by, proven by their visit's token,
 * so the chain leads back to the employee (the server records the forward on that visit).
 */
export function createForward(forward: {
  targetType: Exclude<TargetType, 'site_page'>;
  targetId: string;
  parentCode: string;
  visitToken: string;
}): Promise<ShareDto> {
  return createShare({ ...forward, channel: process.env.TARO_ENV === 'weapp' ? 'chat' : 'link' });
}

/** My shares, newest first, with the views, visitors and forwards each brought. */
export function fetchMyShares(page: number, limit = 20): Promise<MySharesResponse> {
  return request<MySharesResponse>('GET', `/api/me/shares?page=${page}&limit=${limit}`);
}

/** The QR code of a share's browser link, as an image address. */
export function qrcodeUrl(shareCode: string): string {
  return apiUrl(`/api/shares/${encodeURIComponent(shareCode)}/qrcode.svg`);
}

/** Downloads the share's mini-program code (only its sharer may) and returns the local file path. */
export async function downloadWxacode(shareCode: string): Promise<string> {
  const response = await Taro.downloadFile({
    url: apiUrl(`/api/shares/${encodeURIComponent(shareCode)}/wxacode.png`),
    header: authHeader(),
  });
  if (response.statusCode !== 200) {
    throw new ApiError(response.statusCode, {
      statusCode: response.statusCode,
      error: 'Error',
      message: '小程序码生成失败，请稍后再试',
    });
  }
  return response.tempFilePath;
}
