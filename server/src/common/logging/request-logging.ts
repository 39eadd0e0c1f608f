import type { FastifyInstance } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import { Store, storage } from 'nestjs-pino/storage';
import type { IncomingMessage } from 'node:http';
import { type HttpLogger, pinoHttp } from 'pino-http';

/**
 * One JSON log line per request, carrying the id Fastify assigned (see create-app.ts), and that request's logger
 * bound for whatever Nest logs while serving it (nestjs-pino's PinoLogger reads the binding). A Fastify hook
 * rather than Nest middleware: Nest's middleware engine runs for every request, the bare routes included, and
 * they are left out here (a logger per request cost them more than their handlers; every answer of theirs is an
 * event or a cached read, and their errors are still logged by ApiExceptionFilter).
 */
export function registerRequestLogging(fastify: FastifyInstance): void {
  let logRequest: HttpLogger<IncomingMessage> | undefined;
  fastify.addHook('onRequest', (request, reply, done) => {
    if (request.routeOptions.config.bare) {
      done();
      return;
    }
    // nestjs-pino makes its root logger (level, redaction) when the app initialises, after this hook is added.
    logRequest ??= pinoHttp({
      logger: PinoLogger.root,
      genReqId: (raw: IncomingMessage) => String(raw.id),
      customProps: () => ({ context: 'HTTP' }),
    });
    logRequest(request.raw, reply.raw);
    storage.run(new Store(request.raw.log), done);
  });
}
