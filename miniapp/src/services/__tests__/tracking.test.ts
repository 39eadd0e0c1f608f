import Taro from '@tarojs/taro';
import { RETRY_DELAYS_MS, trackActions, trackView } from '../tracking';

/** What the server received, and the answers it gives in turn (the last one repeats). */
const received: { url: string; data: { eventId?: string; actions?: { eventId: string }[] } }[] = [];
let answers: ({ statusCode: number; data: unknown } | 'network down')[] = [];

Object.assign(Taro, {
  request: async (options: { url: string; data: (typeof received)[number]['data'] }) => {
    received.push({ url: options.url, data: options.data });
    const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
    if (answer === 'network down') throw new Error('request:fail');
    return answer;
  },
});

const unavailable = {
  statusCode: 503,
  data: { statusCode: 503, error: 'Service Unavailable', message: '服务暂时繁忙，数据未保存，请 5 秒后重试' },
};
const VIEW_ANSWER = { visitToken: 'visit-token', verdict: 'counted', visitorLabel: '访客 #3f2a' };

/** Runs `work` while letting the retry timers elapse. */
async function withTimersElapsing<T>(work: Promise<T>): Promise<T> {
  const settled = work.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  for (const delay of RETRY_DELAYS_MS) await jest.advanceTimersByTimeAsync(delay);
  const outcome = await settled;
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}

describe('tracking client retries', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    received.length = 0;
  });
  afterEach(() => jest.useRealTimers());

  it('keeps a view through 503s, a lost network and a 429, sending the same event id until it is stored', async () => {
    answers = [
      unavailable,
      'network down',
      { statusCode: 429, data: {} },
      { statusCode: 200, data: VIEW_ANSWER },
    ];
    const visit = await withTimersElapsing(
      trackView({ targetType: 'card', targetId: 'b7e1c2a4-0000-4000-8000-000000000001', touchpoint: 'h5' }),
    );
    expect(visit).toEqual(VIEW_ANSWER);
    expect(received).toHaveLength(4);
    expect(new Set(received.map((request) => request.data.eventId)).size).toBe(1);
  });

  it('resends actions with the ids they had, and gives up on an answer that will not change', async () => {
    answers = [unavailable, { statusCode: 200, data: { stored: 2, duplicates: 0 } }];
    await withTimersElapsing(
      trackActions('visit-token', [
        { type: 'click', action: 'call' },
        { type: 'dwell', seconds: 5 },
      ]),
    );
    const [first, second] = received.map((request) => request.data.actions!.map((action) => action.eventId));
    expect(second).toEqual(first);

    received.length = 0;
    answers = [
      { statusCode: 401, data: { statusCode: 401, error: 'Unauthorized', message: '访问凭证已过期' } },
    ];
    await expect(
      withTimersElapsing(trackActions('expired', [{ type: 'click', action: 'call' }])),
    ).rejects.toThrow('访问凭证已过期');
    expect(received).toHaveLength(1);
  });
});
