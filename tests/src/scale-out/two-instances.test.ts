/**
 * Past one machine (issue 7): two real server processes on loopback, one MySQL database and one Redis, as
 * behind a load balancer. What one instance knows, the other must respect: a visitor's views are counted once
 * whichever instance they reach, the WeChat access token is fetched once for both, and the radar of an
 * employee reading from one instance shows what the other recorded.
 */
import type {
  CardDto,
  DemoAccount,
  LoginResponse,
  RadarResponse,
  ShareDto,
  TrackViewResponse,
} from '@cardhub/shared';
import { createScratchDatabase } from '@cardhub/server/src/test-support/databases';
import { Redis } from 'ioredis';
import { randomBytes, randomUUID } from 'node:crypto';
import { type FakeWechat, startFakeWechat } from '../fake-wechat';
import { type RunningStack, WECHAT_APP, startStack } from '../support/server-process';

const PER_IP = 40;

describe('two server instances sharing MySQL and Redis', () => {
  const keyPrefix = `cardhub-two-instances:${randomBytes(6).toString('hex')}:`;
  let wechat: FakeWechat;
  let dropDatabase: () => Promise<void> = async () => {};
  let a: RunningStack;
  let b: RunningStack;
  let seller: LoginResponse;
  let cardId: string;
  let share: ShareDto;

  beforeAll(async () => {
    const database = await createScratchDatabase('mysql');
    dropDatabase = database.drop;
    wechat = await startFakeWechat({ port: 0, ...WECHAT_APP });
    const env = {
      REDIS_URL: process.env.REDIS_URL!,
      REDIS_KEY_PREFIX: keyPrefix,
      // Instances behind one load balancer sign sessions with one secret: a login on one works on the other.
      TOKEN_SECRET: randomBytes(32).toString('hex'),
      RATE_LIMIT_PER_IP: String(PER_IP),
      LOG_LEVEL: 'warn',
    };
    // One after the other: the first seeds the demo organization, the second finds it there.
    a = await startStack({ databaseUrl: database.url, logName: 'two-instances-a', env, wechat });
    b = await startStack({ databaseUrl: database.url, logName: 'two-instances-b', env, wechat });

    const [account] = await call<DemoAccount[]>(a, 'GET', '/api/auth/demo-accounts');
    seller = await call<LoginResponse>(a, 'POST', '/api/auth/demo-login', {
      employeeId: account!.employeeId,
    });
    cardId = (await call<CardDto>(a, 'GET', '/api/me/card', undefined, seller.token)).id;
    share = await call<ShareDto>(
      b,
      'POST',
      '/api/shares',
      { targetType: 'card', targetId: cardId, channel: 'chat' },
      seller.token,
    );
  }, 180_000);

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await wechat?.close();
    await dropDatabase();
    const redis = new Redis(process.env.REDIS_URL!);
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it("counts a visitor's view once when the same moment's views reach both instances", async () => {
    const visitorKey = `two-instances-${randomUUID()}`;
    const view = (instance: RunningStack) =>
      call<TrackViewResponse>(instance, 'POST', '/api/track/view', {
        eventId: randomUUID(),
        targetType: 'card',
        targetId: cardId,
        shareCode: share.code,
        visitorKey,
        touchpoint: 'h5',
      });
    const verdicts = await Promise.all([a, b, a, b, a, b].map(view));
    expect(verdicts.filter((answer) => answer.verdict === 'counted')).toHaveLength(1);
    expect(verdicts.filter((answer) => answer.verdict === 'repeat')).toHaveLength(5);
  });

  it('fetches one WeChat access token for both instances', async () => {
    const before = wechat.tokenRequests;
    const codes = await Promise.all(
      [a, b, a, b].map((instance) =>
        fetch(`${instance.baseUrl}/api/shares/${share.code}/wxacode.png`, {
          headers: { authorization: `Bearer ${seller.token}` },
        }),
      ),
    );
    expect(codes.map((response) => response.status)).toEqual([200, 200, 200, 200]);
    expect(wechat.tokenRequests - before).toBe(1);
    expect(wechat.codeRequests.length).toBeGreaterThanOrEqual(1);
  });

  it('counts one rate limit for both instances', async () => {
    // Proxies on loopback are trusted: X-Forwarded-For names the client, as behind the load balancer.
    const open = (instance: RunningStack) =>
      fetch(`${instance.baseUrl}/api/public/shares/${share.code}`, {
        headers: { 'x-forwarded-for': '203.0.113.9' },
      });
    const statuses: number[] = [];
    for (let i = 0; i <= PER_IP; i++) statuses.push((await open(i % 2 === 0 ? a : b)).status);
    expect(statuses).toEqual([...Array<number>(PER_IP).fill(200), 429]);
  });

  it("shows on one instance's radar a visit the other recorded", async () => {
    const recorded = await call<TrackViewResponse>(b, 'POST', '/api/track/view', {
      eventId: randomUUID(),
      targetType: 'card',
      targetId: cardId,
      shareCode: share.code,
      visitorKey: `two-instances-${randomUUID()}`,
      touchpoint: 'h5',
    });
    const radar = await call<RadarResponse>(a, 'GET', '/api/me/radar', undefined, seller.token);
    expect(radar.visits.map((visit) => visit.visitor.label)).toContain(recorded.visitorLabel);
  });
});

async function call<T>(
  instance: RunningStack,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<T> {
  const response = await fetch(instance.baseUrl + path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}
