import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { DEMO_SITE_URL } from '../../demo/demo-data';

/** Where the database lives: one SQLite file (or memory), or a MySQL server. */
export type DatabaseConfig =
  { type: 'sqlite'; /** Absolute file path, or ':memory:'. */ path: string } | { type: 'mysql'; url: string };

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Limits on what one client may ask of the public endpoints, and on guessing passwords. */
export interface RateLimits {
  /** Requests to public endpoints per client IP per window. */
  readonly perIp: number;
  /** Requests to public endpoints per visitor (visitor key, visit token or login) per window. */
  readonly perVisitor: number;
  readonly windowSeconds: number;
  /** Failed logins per account and IP within `loginFailureWindowSeconds` before the account is locked there. */
  readonly loginMaxFailures: number;
  readonly loginFailureWindowSeconds: number;
  /** The first lockout; each further one within a day doubles it, up to an hour. */
  readonly loginLockoutSeconds: number;
}

/**
 * The whole runtime configuration, read once from the environment (docs/architecture.md, "Configuration").
 * Also the injection token: `constructor(private readonly config: AppConfig)`.
 */
export abstract class AppConfig {
  abstract readonly port: number;
  /** Base of every link we hand out, without a trailing slash. */
  abstract readonly publicUrl: string;
  abstract readonly database: DatabaseConfig;
  /** Holds the SQLite file, the demo token secret and, by default, uploads. */
  abstract readonly dataDir: string;
  abstract readonly tokenSecret: string;
  abstract readonly wechat: {
    readonly appId: string;
    readonly appSecret: string;
    readonly apiBaseUrl: string;
    /** Subscribe-message template that tells an owner about a hot lead (a signal, or a lead reaching SQL). */
    readonly leadAlertTemplateId: string;
  };
  /** Subscribe-message templates of the mini-program (公众平台 → 订阅消息), by what they announce. */
  abstract readonly subscribeTemplates: {
    /** Fields thing1 (task), thing2 (material), time3 (deadline), thing4 (goal). */
    readonly taskAssigned: string;
  };
  abstract readonly demoMode: boolean;
  /** The demo organization's official site (the demo site `npm start` serves), with a trailing slash. */
  abstract readonly demoSiteUrl: string;
  abstract readonly uploadDir: string;
  abstract readonly h5DistDir: string;
  abstract readonly logLevel: LogLevel;
  /**
   * Shared state for running several instances (the WeChat access token); null keeps it in this process.
   * Every key starts with `keyPrefix`, so deployments (and tests) can share one Redis.
   */
  abstract readonly redis: { readonly url: string; readonly keyPrefix: string } | null;
  abstract readonly rateLimits: RateLimits;
  /** Which proxies' X-Forwarded-For is believed (Fastify's `trustProxy`): the client IP rate limits count by. */
  abstract readonly trustProxy: string;
}

/** A configuration the server cannot start with; the message names the variable and what it must be. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export const DEMO_WECHAT_APP_ID = 'wx0000000000cardhub';
export const DEMO_WECHAT_APP_SECRET = 'cardhub-demo-app-secret';
export const DEMO_TASK_TEMPLATE_ID = 'cardhub-demo-task-assigned';
const TOKEN_SECRET_FILE = 'token-secret';
const REAL_WECHAT_API = 'https://api.weixin.qq.com';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], { message: 'must be 1 or 0 (true/false)' })
  .transform((value) => ['1', 'true', 'yes', 'on'].includes(value));

const httpUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
  .transform((url) => url.replace(/\/+$/, ''));

const count = z.coerce.number({ message: 'must be a number' }).int().min(1, 'must be at least 1');

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(
      /^(mysql:\/\/.+|sqlite:.+)$/,
      'must be mysql://user:pass@host:3306/db, sqlite:/path/file.sqlite or sqlite::memory:',
    )
    .optional(),
  PORT: z.coerce
    .number({ message: 'must be a number' })
    .int()
    .min(0)
    .max(65535, 'must be a TCP port')
    .default(3000),
  PUBLIC_URL: httpUrl.optional(),
  TOKEN_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    // A placeholder ("changeme…", "aaaa…") is not a key; `openssl rand -hex 32` has 16 distinct characters.
    .refine(
      (secret) => new Set(secret).size >= 10,
      'must be random (generate one with `openssl rand -hex 32`)',
    )
    .optional(),
  WECHAT_APP_ID: z.string().min(1).default(DEMO_WECHAT_APP_ID),
  WECHAT_APP_SECRET: z.string().min(1).default(DEMO_WECHAT_APP_SECRET),
  WECHAT_API_BASE_URL: httpUrl.default(REAL_WECHAT_API),
  WECHAT_LEAD_ALERT_TEMPLATE_ID: z.string().min(1).max(64).default('cardhub-lead-alert'),
  WECHAT_TASK_TEMPLATE_ID: z.string().min(1).max(64).default(DEMO_TASK_TEMPLATE_ID),
  DEMO_MODE: flag.default(false),
  DEMO_SITE_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
    .default(DEMO_SITE_URL)
    .transform((url) => new URL(url).toString()),
  UPLOAD_DIR: z.string().optional(),
  H5_DIST_DIR: z.string().default('../miniapp/dist/h5'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REDIS_URL: z.url({ protocol: /^rediss?$/, message: 'must be a redis:// or rediss:// URL' }).optional(),
  REDIS_KEY_PREFIX: z.string().min(1).max(64).default('cardhub:'),
  RATE_LIMIT_PER_IP: count.default(300),
  RATE_LIMIT_PER_VISITOR: count.default(120),
  RATE_LIMIT_WINDOW_SECONDS: count.default(60),
  LOGIN_MAX_FAILURES: count.default(5),
  LOGIN_LOCKOUT_SECONDS: count.default(60),
  // Proxies on this host or a private network (nginx, a container network's gateway); never the open internet.
  TRUST_PROXY: z.string().min(1).default('loopback,linklocal,uniquelocal'),
});

type Environment = Record<string, string | undefined>;

/**
 * Reads and validates the environment. Relative paths resolve against `workingDir` (the server's working
 * directory). In demo mode without TOKEN_SECRET a random secret is generated once and kept in the data dir,
 * so sessions survive restarts; outside demo mode a missing secret stops the server.
 */
export function loadAppConfig(env: Environment = process.env, workingDir = process.cwd()): AppConfig {
  // An empty variable means "not set" (the usual `FOO= node …` in scripts).
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new ConfigError(`Invalid environment: ${problems.join('; ')}`);
  }
  const vars = parsed.data;
  const dataDir = resolve(workingDir, 'data');
  const tokenSecret = vars.TOKEN_SECRET ?? demoTokenSecret(vars.DEMO_MODE, dataDir);
  refuseDemoWechatCredentials(vars);
  const database = parseDatabaseUrl(vars.DATABASE_URL, dataDir, workingDir);

  return {
    port: vars.PORT,
    publicUrl: vars.PUBLIC_URL ?? `http://localhost:${vars.PORT}`,
    database,
    dataDir,
    tokenSecret,
    wechat: {
      appId: vars.WECHAT_APP_ID,
      appSecret: vars.WECHAT_APP_SECRET,
      apiBaseUrl: vars.WECHAT_API_BASE_URL,
      leadAlertTemplateId: vars.WECHAT_LEAD_ALERT_TEMPLATE_ID,
    },
    subscribeTemplates: { taskAssigned: vars.WECHAT_TASK_TEMPLATE_ID },
    demoMode: vars.DEMO_MODE,
    demoSiteUrl: vars.DEMO_SITE_URL,
    uploadDir: vars.UPLOAD_DIR ? resolve(workingDir, vars.UPLOAD_DIR) : resolve(dataDir, 'uploads'),
    h5DistDir: resolve(workingDir, vars.H5_DIST_DIR),
    logLevel: vars.LOG_LEVEL,
    redis: vars.REDIS_URL ? { url: vars.REDIS_URL, keyPrefix: vars.REDIS_KEY_PREFIX } : null,
    rateLimits: {
      perIp: vars.RATE_LIMIT_PER_IP,
      perVisitor: vars.RATE_LIMIT_PER_VISITOR,
      windowSeconds: vars.RATE_LIMIT_WINDOW_SECONDS,
      loginMaxFailures: vars.LOGIN_MAX_FAILURES,
      loginFailureWindowSeconds: 15 * 60,
      loginLockoutSeconds: vars.LOGIN_LOCKOUT_SECONDS,
    },
    trustProxy: vars.TRUST_PROXY,
  };
}

/**
 * Outside demo mode the WeChat credentials come from the environment: the built-in demo ones are only good
 * for the fake WeChat API (tests, `npm start`), so with the real API the server refuses to start.
 */
function refuseDemoWechatCredentials(vars: z.output<typeof envSchema>): void {
  if (vars.DEMO_MODE || vars.WECHAT_API_BASE_URL !== REAL_WECHAT_API) return;
  const demoValues = [
    vars.WECHAT_APP_ID === DEMO_WECHAT_APP_ID && 'WECHAT_APP_ID',
    vars.WECHAT_APP_SECRET === DEMO_WECHAT_APP_SECRET && 'WECHAT_APP_SECRET',
  ].filter(Boolean);
  if (demoValues.length > 0) {
    throw new ConfigError(
      `${demoValues.join(' and ')} must be set to the mini-program's own credentials (公众平台 → 开发管理) when WECHAT_API_BASE_URL is the real WeChat API`,
    );
  }
}

export function parseDatabaseUrl(
  url: string | undefined,
  dataDir: string,
  workingDir: string,
): DatabaseConfig {
  if (url === undefined) return { type: 'sqlite', path: resolve(dataDir, 'cardhub.sqlite') };
  if (url.startsWith('mysql://')) return { type: 'mysql', url };
  const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
  if (file === ':memory:') return { type: 'sqlite', path: ':memory:' };
  return { type: 'sqlite', path: isAbsolute(file) ? file : resolve(workingDir, file) };
}

function demoTokenSecret(demoMode: boolean, dataDir: string): string {
  if (!demoMode) {
    throw new ConfigError(
      'TOKEN_SECRET is required (at least 32 random characters) unless DEMO_MODE=1; generate one with `openssl rand -hex 32`',
    );
  }
  const file = resolve(dataDir, TOKEN_SECRET_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
