import { Controller, Get, Headers, NotFoundException, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/auth';
import { TrackerScript } from './tracker-script';

/** Short enough that a new tracker reaches every site within minutes; revalidation is a 304. */
const CACHE_SECONDS = 300;

/** `GET /t.js`: the site tracker, for `<script src=".../t.js" data-org="..." async>` on any site. */
@ApiTags('site')
@Public()
@Controller()
export class TrackerScriptController {
  constructor(private readonly script: TrackerScript) {}

  @Get('t.js')
  @ApiProduces('text/javascript')
  async serve(
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = this.script.get();
    if (!file) throw new NotFoundException('站点追踪脚本尚未构建');
    void reply
      .header('Content-Type', 'text/javascript; charset=utf-8')
      .header('Cache-Control', `public, max-age=${CACHE_SECONDS}`)
      .header('ETag', file.etag)
      .header('Vary', 'Accept-Encoding')
      // Loaded by pages of other origins.
      .header('Cross-Origin-Resource-Policy', 'cross-origin');
    if (ifNoneMatch === file.etag) {
      await reply.status(304).send();
      return;
    }
    const gzip = /\bgzip\b/.test(acceptEncoding ?? '');
    if (gzip) void reply.header('Content-Encoding', 'gzip');
    await reply.send(gzip ? file.gzipped : file.source);
  }
}
