import Taro from '@tarojs/taro';
import type { CreateShareInput, ShareDto } from '@cardhub/shared';
import { ApiError, apiUrl, authHeader, request } from './request';

export function createShare(input: CreateShareInput): Promise<ShareDto> {
  return request<ShareDto>('POST', '/api/shares', input);
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
