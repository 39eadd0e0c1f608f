import type { FastifyInstance } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { type HttpLogger, pinoHttp } from 'pino-http';

/**
 * One JSON log line per request, carrying the id Fastify assigned (see create-app.ts). A Fastify hook rather
 * than Nest middleware: Nest's middleware engine runs for every request, the bare routes included, and they are
 * left out here (a logger per request cost them more than their handlers; every answer of theirs is an event or
 * a cached read, and their errors are still logged by ApiExceptionFilter, with the request id).
 *
 * What services log while serving a request is not bound to it: that binding (nestjs-pino's) needs an
 * AsyncLocalStorage, and on Node 20 a running one hooks every promise the server makes — 5 to 10% of the
 * redirect's and the ingest's throughput (docs/benchmarks.md). Errors name their request themselves.
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
    done();
  });
}
