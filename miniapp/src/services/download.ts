import { ApiError, apiUrl, authHeader, parseResponse } from './request';

/** The file name a response names in its Content-Disposition (RFC 5987 `filename*` first), else `fallback`. */
export function attachmentName(disposition: string | null, fallback: string): string {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return disposition?.match(/filename="?([^";]+)"?/i)?.[1] ?? fallback;
}

/**
 * Downloads an API file (H5 only): fetched with the session, then saved by the browser under the name the server
 * gives it. Failures arrive as ApiError with the server's message.
 */
export async function downloadApiFile(path: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path), { headers: authHeader() });
  } catch {
    throw new ApiError(0, { statusCode: 0, error: 'Network Error', message: '网络异常，请检查网络后重试' });
  }
  if (!response.ok) parseResponse(response.status, await response.json().catch(() => undefined));
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = attachmentName(response.headers.get('content-disposition'), fallbackName);
  link.click();
  URL.revokeObjectURL(link.href);
}
