import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PUBLIC_UPLOADS_PREFIX, publicUploadsRoot } from '../infra/uploads';
import { AppConfig } from '../common/config';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Serves files: public uploads at `/uploads/` and the H5 build at `/`. API routes stay reachable because
 * Fastify's router prefers a declared route (`/api/...`, `/v/:code`, `/docs`, `/health`) over these wildcards.
 */
@Injectable()
export class StaticHosting implements OnModuleInit {
  private readonly logger = new Logger(StaticHosting.name);

  constructor(
    private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  async onModuleInit(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const uploads = publicUploadsRoot(this.config);
    mkdirSync(uploads, { recursive: true });
    await fastify.register(fastifyStatic, {
      root: uploads,
      prefix: PUBLIC_UPLOADS_PREFIX,
      index: false,
      // Upload names are random and never reused: a file at a URL never changes.
      maxAge: ONE_YEAR_SECONDS * 1000,
      immutable: true,
    });

    const h5 = join(this.config.h5DistDir, 'index.html');
    if (!existsSync(h5)) {
      this.logger.warn(
        `No H5 build at ${this.config.h5DistDir} (H5_DIST_DIR): only the API is served; build it with the miniapp's build:h5`,
      );
      return;
    }
    await fastify.register(fastifyStatic, {
      root: this.config.h5DistDir,
      prefix: '/',
      decorateReply: false,
      // The build writes .br and .gz copies of its text assets (miniapp/scripts/precompress-h5.mjs).
      preCompressed: true,
      cacheControl: false,
      setHeaders: (response, path) => {
        response.setHeader('Cache-Control', cacheControlOf(path));
      },
    });
  }
}

/** index.html must be fetched fresh to pick up a new release; files with a content hash in their name never change. */
export function cacheControlOf(path: string): string {
  // A precompressed copy is cached as the file it stands for.
  const name = basename(path).replace(/\.(br|gz)$/, '');
  if (name.endsWith('.html')) return 'no-cache';
  if (/\.[0-9a-f]{8,}\./i.test(name)) return `public, max-age=${ONE_YEAR_SECONDS}, immutable`;
  return 'public, max-age=3600';
}
