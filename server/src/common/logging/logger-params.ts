import { RequestMethod } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import { BARE_ROUTES, bareRouteParts } from '../http';
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
 * JSON logs, one line per request, carrying the same request id that Fastify assigned (see create-app.ts).
 * The bare routes are left out: a logger per request cost them more than their handlers, every one of their
 * answers is an event or a cached read, and their errors are still logged by ApiExceptionFilter.
 */
export function loggerParams(level: LogLevel): Params {
  return {
    exclude: Object.values(BARE_ROUTES).map((route) => {
      const { method, path } = bareRouteParts(route);
      return { method: RequestMethod[method], path };
    }),
    pinoHttp: {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      genReqId: (request: IncomingMessage) => String(request.id),
      customProps: () => ({ context: 'HTTP' }),
    },
  };
}
