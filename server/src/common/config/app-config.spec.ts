import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadAppConfig } from './app-config';

describe('loadAppConfig', () => {
  let workingDir: string;
  /** What production needs: its own token secret and WeChat credentials. */
  const secret = {
    TOKEN_SECRET: '3f9c1e7a5b2d8046c1e9f7a3b5d20864',
    WECHAT_APP_ID: 'wx1234567890abcdef',
    WECHAT_APP_SECRET: '0123456789abcdef0123456789abcdef',
  };

  beforeEach(() => {
    workingDir = mkdtempSync(join(tmpdir(), 'cardhub-config-'));
  });
  afterEach(() => rmSync(workingDir, { recursive: true, force: true }));

  it('works with nothing but the secrets', () => {
    const config = loadAppConfig(secret, workingDir);
    expect(config).toMatchObject({
      port: 3000,
      publicUrl: 'http://localhost:3000',
      database: { type: 'sqlite', path: join(workingDir, 'data', 'cardhub.sqlite') },
      wechat: { apiBaseUrl: 'https://api.weixin.qq.com' },
      demoMode: false,
      demoSiteUrl: 'http://localhost:3200/',
      uploadDir: join(workingDir, 'data', 'uploads'),
      h5DistDir: join(workingDir, '..', 'miniapp', 'dist', 'h5'),
      logLevel: 'info',
      redis: null,
      rateLimits: {
        perIp: 300,
        perVisitor: 120,
        windowSeconds: 60,
        loginMaxFailures: 5,
        loginLockoutSeconds: 60,
      },
      trustProxy: 'loopback,linklocal,uniquelocal',
    });
  });

  it('shares state through Redis only when REDIS_URL is set, under a key prefix', () => {
    expect(loadAppConfig({ ...secret, REDIS_URL: 'redis://127.0.0.1:6379/2' }, workingDir).redis).toEqual({
      url: 'redis://127.0.0.1:6379/2',
      keyPrefix: 'cardhub:',
    });
    expect(() => loadAppConfig({ ...secret, REDIS_URL: 'http://127.0.0.1:6379' }, workingDir)).toThrow(
      /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/,
    );
  });

  it.each([
    ['sqlite::memory:', { type: 'sqlite', path: ':memory:' }],
    ['sqlite:/var/lib/cardhub.sqlite', { type: 'sqlite', path: '/var/lib/cardhub.sqlite' }],
    ['sqlite:db/x.sqlite', { type: 'sqlite', path: '/srv/db/x.sqlite' }],
    ['mysql://user:pw@db:3306/cardhub', { type: 'mysql', url: 'mysql://user:pw@db:3306/cardhub' }],
  ])('reads DATABASE_URL %s', (url, database) => {
    expect(loadAppConfig({ ...secret, DATABASE_URL: url }, '/srv').database).toEqual(database);
  });

  it('derives PUBLIC_URL from PORT and drops a trailing slash from an explicit one', () => {
    expect(loadAppConfig({ ...secret, PORT: '8080' }, workingDir).publicUrl).toBe('http://localhost:8080');
    expect(loadAppConfig({ ...secret, PUBLIC_URL: 'https://card.example.com/' }, workingDir).publicUrl).toBe(
      'https://card.example.com',
    );
  });

  it("reads where the demo site is served (the demo organization's site)", () => {
    expect(loadAppConfig({ ...secret, DEMO_SITE_URL: 'http://127.0.0.1:4321' }, workingDir).demoSiteUrl).toBe(
      'http://127.0.0.1:4321/',
    );
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a number/],
    [{ DEMO_SITE_URL: 'localhost:3200' }, /DEMO_SITE_URL must be an http\(s\) URL/],
    [{ DATABASE_URL: 'postgres://x' }, /DATABASE_URL must be mysql:\/\//],
    [{ DEMO_MODE: 'maybe' }, /DEMO_MODE must be 1 or 0/],
    [{ PUBLIC_URL: 'ftp://x' }, /PUBLIC_URL must be an http\(s\) URL/],
    [{ TOKEN_SECRET: 'short' }, /TOKEN_SECRET must be at least 32 characters/],
    [{ TOKEN_SECRET: 'changeme'.repeat(4) }, /TOKEN_SECRET must be random/],
    [{ RATE_LIMIT_PER_IP: '0' }, /RATE_LIMIT_PER_IP must be at least 1/],
  ])('stops on a bad value and names the variable: %o', (env, message) => {
    expect(() => loadAppConfig({ ...secret, ...env }, workingDir)).toThrow(message);
  });

  it('refuses to start without TOKEN_SECRET outside demo mode', () => {
    expect(() => loadAppConfig({}, workingDir)).toThrow(ConfigError);
    expect(() => loadAppConfig({ TOKEN_SECRET: '' }, workingDir)).toThrow(/TOKEN_SECRET is required/);
  });

  it('refuses the demo WeChat credentials with the real WeChat API outside demo mode', () => {
    const { TOKEN_SECRET } = secret;
    expect(() => loadAppConfig({ TOKEN_SECRET }, workingDir)).toThrow(
      /WECHAT_APP_ID and WECHAT_APP_SECRET must be set/,
    );
    expect(() => loadAppConfig({ ...secret, WECHAT_APP_SECRET: '' }, workingDir)).toThrow(
      /^WECHAT_APP_SECRET must be set/,
    );
    const againstFake = { TOKEN_SECRET, WECHAT_API_BASE_URL: 'http://127.0.0.1:3100' };
    expect(loadAppConfig(againstFake, workingDir).wechat.appId).toBe('wx0000000000cardhub');
    expect(loadAppConfig({ DEMO_MODE: '1' }, workingDir).wechat.appId).toBe('wx0000000000cardhub');
  });

  it('generates a token secret once per data dir in demo mode', () => {
    const first = loadAppConfig({ DEMO_MODE: '1' }, workingDir);
    const second = loadAppConfig({ DEMO_MODE: 'true' }, workingDir);
    expect(first.tokenSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(second.tokenSecret).toBe(first.tokenSecret);
    expect(readFileSync(join(workingDir, 'data', 'token-secret'), 'utf8')).toBe(first.tokenSecret);
  });
});
