import type { LoginResponse } from '@cardhub/shared';

/**
 * A JSON call to the running server, as a client app makes it: the session's bearer token when given, and any
 * other headers (a browser's or a crawler's User-Agent). A non-2xx answer fails the journey with its body.
 */
export async function api<T>(
  baseUrl: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
  login?: LoginResponse,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      ...(login ? { Authorization: `Bearer ${login.token}` } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
