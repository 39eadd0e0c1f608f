import type { IncomingMessage } from 'node:http';
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

/** JSON logs, one line per request, carrying the same request id that Fastify assigned (see create-app.ts). */
export function loggerParams(level: LogLevel): Params {
  return {
    pinoHttp: {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      genReqId: (request: IncomingMessage) => String(request.id),
      customProps: () => ({ context: 'HTTP' }),
    },
  };
}
