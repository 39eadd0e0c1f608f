import compress from '@fastify/compress';
import { ShutdownSignal } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { constants as zlib } from 'node:zlib';
import { AppModule } from './app.module';
import type { AppConfig } from './common/config';
import { registerRequestLogging } from './common/logging/request-logging';
import { registerSecurityHeaders } from './common/security-headers';
import { acceptMultipartBodies } from './infra/uploads';

export const JSON_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Builds the whole application, not yet listening: main.ts listens on it, tests call `init()` and drive it
 * over HTTP, so tests exercise exactly what production runs.
 */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy,
    // The id is also left on the raw request so the request log line carries the same one.
    genReqId: (request: IncomingMessage) => {
      const id = validRequestId(request.headers['x-request-id']) ?? randomUUID();
      request.id = id;
      return id;
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks(shutdownSignals());

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  registerRequestLogging(fastify);
  // JSON and HTML answers over 1 KB, compressed for clients that accept it; quality 4 keeps brotli cheap per
  // request (the H5 build's assets are compressed once, at build time: static-hosting.ts).
  await app.register(compress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });
  registerSecurityHeaders(app, config);
  acceptMultipartBodies(fastify);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('cardhub API')
      .setDescription(
        'Smart business cards and share tracking. Errors are ApiErrorBody; auth is a Bearer token.',
      )
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
  return app;
}

/** A proxy's request id is reused only when it looks like one (it ends up in logs and headers). */
function validRequestId(header: string | string[] | undefined): string | undefined {
  return typeof header === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(header) ? header : undefined;
}

/**
 * The signals that stop the server the orderly way: all that Nest knows, except the one Node was told to answer
 * with a heap snapshot (`--heapsnapshot-signal`), which must leave a running server running (docs/reliability.md).
 */
function shutdownSignals(): ShutdownSignal[] {
  const nodeOptions = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ');
  // Node takes the option as `--heapsnapshot-signal=SIGUSR2` or `--heapsnapshot-signal SIGUSR2`.
  const snapshotSignal = /--heapsnapshot-signal[=\s]+(\w+)/.exec(nodeOptions)?.[1];
  return Object.values(ShutdownSignal).filter((signal) => signal !== snapshotSignal);
}
