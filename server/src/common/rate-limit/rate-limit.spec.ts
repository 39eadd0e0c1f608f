import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from '../../demo/demo-data';
import { siteTracker } from '../../site/site.testing';
import { type TestApp, bearer, createTestApp, describeEachDatabase } from '../../test-support';
import { cardLoop } from '../../tracking/card-loop.testing';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const PER_IP = 12;

describeEachDatabase('rate limits', (database) => {
  let t: TestApp;
  let cardId: string;

  beforeAll(async () => {
    t = await createTestApp({
      databaseUrl: database.url,
      env: {
        RATE_LIMIT_PER_IP: String(PER_IP),
        RATE_LIMIT_PER_VISITOR: '3',
        RATE_LIMIT_WINDOW_SECONDS: '60',
        LOGIN_MAX_FAILURES: '3',
        LOGIN_LOCKOUT_SECONDS: '1',
      },
    });
    cardId = await cardLoop(t).cardIdOf(t.demo.employeeIds[0]!);
  });
  afterAll(() => t.close());

  /** Each test plays its own clients: proxies on loopback are trusted, so X-Forwarded-For names the client. */
  const from = (ip: string) => ({ 'X-Forwarded-For': ip });

  it('answers 429 with Retry-After once an IP has used its public requests, and other IPs go on', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= PER_IP; i++) {
      statuses.push((await t.http.get(`/api/public/cards/${cardId}`).set(from('203.0.113.1'))).status);
    }
    expect(statuses).toEqual([...Array<number>(PER_IP).fill(200), 429]);

    const refused = await t.http.get(`/s/0000000000`).set(from('203.0.113.1'));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(59);
    expect(refused.body.message).toMatch(/^请求过于频繁，请 \d+ 秒后再试$/);
    expect((await t.http.get(`/api/public/cards/${cardId}`).set(from('203.0.113.2'))).status).toBe(200);
  });

  it('does not count signed-in staff work against the public limits', async () => {
    const employee = await t.loginAs(t.demo.employeeIds[0]!);
    for (let i = 0; i < 8; i++) {
      const response = await t.http.get('/api/me/card').set(bearer(employee)).set(from('203.0.113.3'));
      expect(response.status).toBe(200);
    }
  });

  it('limits one visitor across IPs: tracking and site ingest by visitor key', async () => {
    const send = (ip: string, visitorKey: string) =>
      t.http
        .post('/api/track/view')
        .set(from(ip))
        .send({ eventId: randomUUID(), targetType: 'card', targetId: cardId, touchpoint: 'h5', visitorKey });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await send(`198.51.100.${i}`, 'one-busy-visitor-key')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await send('198.51.100.9', 'another-visitor-key-1')).status).toBe(200);

    const site = siteTracker(t);
    const beacon = (ip: string) =>
      site.beacon({ visitorKey: 'site-busy-visitor-01', events: [site.view('/')] }).set(from(ip));
    const siteStatuses = [];
    for (let i = 0; i < 4; i++) siteStatuses.push((await beacon(`192.0.2.${i}`)).status);
    expect(siteStatuses).toEqual([200, 200, 200, 429]);
  });

  it('locks an account after failed logins from one IP, longer each time; other IPs still sign in', async () => {
    const login = (password: string, ip: string) =>
      t.http
        .post('/api/auth/password-login')
        .set(from(ip))
        .send({ account: 'manager@demo.cardhub', password });
    const failures = [];
    for (let i = 0; i < 3; i++) failures.push((await login('guess', '203.0.113.50')).status);
    expect(failures).toEqual([401, 401, 401]);

    const locked = await login(DEMO_PASSWORD, '203.0.113.50');
    expect(locked.status).toBe(429);
    expect(locked.headers['retry-after']).toBe('1');
    expect(locked.body.message).toBe('登录失败次数过多，请 1 秒后再试');
    expect((await login(DEMO_PASSWORD, '203.0.113.51')).status).toBe(200);

    await sleep(1100);
    expect((await login(DEMO_PASSWORD, '203.0.113.50')).status).toBe(200);
    for (let i = 0; i < 3; i++) await login('guess', '203.0.113.50');
    const lockedAgain = await login(DEMO_PASSWORD, '203.0.113.50');
    expect(lockedAgain.status).toBe(429);
    expect(lockedAgain.headers['retry-after']).toBe('2');
  });

  it('throttles failed WeChat logins per IP', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (await t.http.post('/api/auth/wechat-login').set(from('203.0.113.60')).send({ code: 'forged-code' }))
          .status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
