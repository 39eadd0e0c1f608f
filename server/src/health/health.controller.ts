import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../common/auth';

export interface HealthResponse {
  status: 'ok' | 'error';
  database: 'up' | 'down';
}

/** A database that does not answer within this is reported down rather than leaving the probe hanging. */
const DATABASE_TIMEOUT_MS = 3_000;

/** For load balancers and uptime checks: healthy means the database answers. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Public()
  @Get()
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), DATABASE_TIMEOUT_MS);
      return { status: 'ok', database: 'up' };
    } catch {
      reply.status(503);
      return { status: 'error', database: 'down' };
    }
  }
}

function withTimeout<T>(work: Promise<T>, milliseconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${milliseconds} ms`)), milliseconds);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
