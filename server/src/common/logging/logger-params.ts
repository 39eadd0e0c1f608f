import type { Params } from 'nestjs-pino';
import type { LogLevel } from '../config/app-config';

/** Never logged, wherever they appear: credentials, cookies, WeChat session keys, passwords. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'sessionKey',
  'session_key',
  'password',
  '*.sessionKey',
  '*.session_key',
  '*.password',
];

/**
 * nestjs-pino's logger for what Nest and our services log (JSON, redacted). Its per-request middleware is not
 * applied (no routes): requests are logged by a Fastify hook, which leaves the bare routes out
 * (request-logging.ts).
 */
export function loggerParams(level: LogLevel): Params {
  return {
    forRoutes: [],
    pinoHttp: { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
  };
}
