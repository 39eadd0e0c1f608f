import Taro from '@tarojs/taro';
import type { ApiErrorBody } from '@cardhub/shared';
import { getSession } from './session';

/** A failed API call, with the server's explanation (message and the fields at fault). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
    this.name = 'ApiError';
  }
}

/** What to tell the user about a failure: the server's own words, or `fallback` when there are none (offline…). */
export function failureMessage(failure: unknown, fallback: string): string {
  return failure instanceof ApiError ? failure.message : fallback;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Absolute address of an API path: same origin on H5, the configured server in WeChat. */
export function apiUrl(path: string): string {
  return API_BASE_URL + path;
}

export function authHeader(): Record<string, string> {
  const session = getSession();
  return session ? { Authorization: `Bearer ${session.token}` } : {};
}

/** `?a=1&b=x` from the parameters that are set (undefined and empty ones left out), or '' when none are. */
export function queryString(params: Record<string, unknown>): string {
  const pairs = Object.entries(params)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}

/** The one way pages reach the server: adds the session, parses JSON, turns failures into ApiError. */
export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let response: { statusCode: number; data: unknown };
  try {
    response = await Taro.request({
      url: apiUrl(path),
      method,
      data: body as Taro.request.Option['data'],
      // A JSON content type on an empty body is a 400 at the server: send it only with a body.
      header: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...authHeader() },
      dataType: 'json',
    });
  } catch {
    throw new ApiError(0, { statusCode: 0, error: 'Network Error', message: '网络异常，请检查网络后重试' });
  }
  return parseResponse<T>(response.statusCode, response.data);
}

/**
 * A GET that index.html may have started already (H5, opened from a shared card link): its answer if it was for
 * this path, else (or when it failed) a request. Taken once: asking again later gets fresh data.
 */
export async function requestPrefetched<T>(path: string): Promise<T> {
  if (process.env.TARO_ENV === 'h5' && window.cardhubPrefetch?.path === path) {
    const { response } = window.cardhubPrefetch;
    window.cardhubPrefetch = undefined;
    const answer = await response;
    if (answer) return parseResponse<T>(answer.status, answer.text);
  }
  return request<T>('GET', path);
}

export function parseResponse<T>(statusCode: number, data: unknown): T {
  const body = typeof data === 'string' && data.startsWith('{') ? (JSON.parse(data) as unknown) : data;
  if (statusCode >= 200 && statusCode < 300) return body as T;
  const error = body as Partial<ApiErrorBody> | undefined;
  throw new ApiError(statusCode, {
    statusCode,
    error: error?.error ?? 'Error',
    message: error?.message ?? `请求失败（${statusCode}）`,
    fields: error?.fields,
  });
}
