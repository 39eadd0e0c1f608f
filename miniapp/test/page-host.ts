import type { LoginResponse, StaffRole } from '@cardhub/shared';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { saveSession } from '../src/services/session';

/**
 * `@tarojs/taro` as a page sees it in jsdom: the route comes from `mockRoute`, and the lifecycle hooks that Taro's
 * React plugin wires at build time are inert (jsdom has no page to show, hide, scroll, refresh or share).
 * In a test: `jest.mock('@tarojs/taro', () => require('<path>/test/page-host').taroForPages());`
 */
export const mockRoute: { params: Record<string, string> } = { params: {} };

export function taroForPages() {
  const actual = jest.requireActual('@tarojs/taro');
  const inert = () => undefined;
  return {
    ...actual,
    __esModule: true,
    default: actual.default ?? actual,
    useRouter: () => mockRoute,
    useDidShow: inert,
    useDidHide: inert,
    usePageScroll: inert,
    useReachBottom: inert,
    usePullDownRefresh: inert,
    useShareAppMessage: inert,
    useShareTimeline: inert,
  };
}

/** The tracking API's answers to a page that reports a visit (token `visit-token`), or null for other requests. */
export function answerTracking(method: string, url: string): { statusCode: number; data: unknown } | null {
  if (method === 'POST' && url === '/api/track/view')
    return {
      statusCode: 200,
      data: { visitToken: 'visit-token', verdict: 'counted', visitorLabel: '访客 #3f2a' },
    };
  if (method === 'POST' && url === '/api/track/actions')
    return { statusCode: 200, data: { stored: 1, duplicates: 0 } };
  return null;
}

/**
 * Like `taroForPages`, for pages that load when shown: its route, and the lifecycle hooks Taro's React plugin wires at build
 * time. A page is "shown" once, when it mounts; the others are inert (jsdom has no page to hide or share).
 * Use from a test file: `jest.mock('@tarojs/taro', () => jest.requireActual('<path>/page-host').taroWithPageHost(() => mockParams))`.
 */
export function taroWithPageHost(params: () => Record<string, string>) {
  const actual = jest.requireActual('@tarojs/taro');
  const inert = () => undefined;
  return {
    ...actual,
    __esModule: true,
    default: actual.default ?? actual,
    useRouter: () => ({ params: params() }),
    useDidShow: (callback: () => void) => useEffect(() => callback(), []),
    useDidHide: inert,
    usePullDownRefresh: inert,
    useReachBottom: inert,
    useUnload: inert,
    useShareAppMessage: inert,
    useShareTimeline: inert,
  };
}

export interface SentRequest {
  method: string;
  url: string;
  data: unknown;
}

type Answer = { statusCode: number; data: unknown };

/**
 * Our server as the page sees it: answers by "METHOD /path?query"; anything else is a 404 like the server's.
 * Returns the requests sent, oldest first.
 */
export function fakeServer(answers: Record<string, Answer | ((data: unknown) => Answer)>): SentRequest[] {
  const sent: SentRequest[] = [];
  Object.assign(Taro, {
    request: async (options: SentRequest) => {
      sent.push({ method: options.method, url: options.url, data: options.data });
      const answer = answers[`${options.method} ${options.url}`];
      if (answer) return typeof answer === 'function' ? answer(options.data) : answer;
      return { statusCode: 404, data: { statusCode: 404, error: 'Not Found', message: '不存在' } };
    },
  });
  return sent;
}

export const ok = (data: unknown): Answer => ({ statusCode: 200, data });

/** Signs a member of staff in on this "device", as the console login would. */
export function signInAs(role: StaffRole, employeeId = 'employee-admin', name = '王总'): LoginResponse {
  const session: LoginResponse = {
    token: `token-${role}`,
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    principal: {
      kind: 'employee',
      employeeId,
      organizationId: 'org-1',
      organizationName: '星辰科技',
      role,
      name,
    },
    role,
  };
  return saveSession(session);
}
