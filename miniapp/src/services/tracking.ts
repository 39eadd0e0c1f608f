import Taro from '@tarojs/taro';
import {
  type LeaveContactInput,
  type LeaveContactResponse,
  type TrackActionsResponse,
  type TrackViewInput,
  type TrackViewResponse,
  type VisitAction,
  newEventId,
} from '@cardhub/shared';
import { request } from './request';

const VISITOR_KEY = 'cardhub.visitor';

/** Random bytes from the platform's generator where it has one (browsers), else Math.random (the mini-program). */
function randomBytes(count: number): Uint8Array {
  const webCrypto = (globalThis as { crypto?: Crypto }).crypto;
  if (webCrypto?.getRandomValues) return webCrypto.getRandomValues(new Uint8Array(count));
  return Uint8Array.from({ length: count }, () => Math.floor(Math.random() * 256));
}

/** The id of a new event; the server stores an id once, so a retried report never counts twice. */
export const eventId = () => newEventId(randomBytes);

/** The pseudonymous id this browser keeps for itself before anyone logs in (first-party storage). */
export function visitorKey(): string {
  let key = Taro.getStorageSync<string>(VISITOR_KEY);
  if (!key) {
    key = Array.from(randomBytes(16), (byte) => byte.toString(16).padStart(2, '0')).join('');
    Taro.setStorageSync(VISITOR_KEY, key);
  }
  return key;
}

export function trackView(input: Omit<TrackViewInput, 'eventId' | 'visitorKey'>): Promise<TrackViewResponse> {
  // WeChat prospects are known by their login; browsers by their visitor key.
  const viewer = process.env.TARO_ENV === 'weapp' ? {} : { visitorKey: visitorKey() };
  const view = { eventId: eventId(), ...input, ...viewer };
  return withRetry(() => request<TrackViewResponse>('POST', '/api/track/view', view));
}

/** An action as a page reports it; its event id is added here. */
export type NewVisitAction = VisitAction extends infer A
  ? A extends VisitAction
    ? Omit<A, 'eventId'>
    : never
  : never;

export function trackActions(visitToken: string, actions: NewVisitAction[]): Promise<TrackActionsResponse> {
  const withIds = actions.map((action) => ({ ...action, eventId: eventId() }));
  return withRetry(() =>
    request<TrackActionsResponse>('POST', '/api/track/actions', { visitToken, actions: withIds }),
  );
}

/**
 * Waits before each new attempt. The server answers 503 (asking for 5 s) while its database is away and 429 when
 * a client sends too fast; the attempts span about a quarter of a minute, long enough to ride out a restart.
 */
export const RETRY_DELAYS_MS = [1_000, 3_000, 8_000];

/**
 * Sends until the server has the events: network failures, 429 and 5xx are retried with the same event ids,
 * which the server stores once however many copies arrive; any other answer is final.
 */
async function withRetry<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      const status = (error as { status?: number }).status ?? 0;
      const retryable = status === 0 || status === 429 || status >= 500;
      if (!retryable || attempt >= RETRY_DELAYS_MS.length) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[attempt]));
    }
  }
}

/** The prospect asks to be contacted; the same event id makes a retry safe. */
export function leaveContact(input: Omit<LeaveContactInput, 'eventId'>): Promise<LeaveContactResponse> {
  const withId = { ...input, eventId: eventId() };
  return withRetry(() => request<LeaveContactResponse>('POST', '/api/track/contact', withId));
}
