import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../../common/config';

/**
 * The Redis that several instances of the server share (REDIS_URL), or none: then every piece of shared
 * state (the WeChat access token) stays in this process, which is right for one instance.
 */
@Injectable()
export class RedisConnection implements OnApplicationShutdown {
  readonly client: Redis | null;
  readonly keyPrefix: string;

  constructor(config: AppConfig) {
    this.client = config.redis ? new Redis(config.redis.url, { maxRetriesPerRequest: 3 }) : null;
    this.keyPrefix = config.redis?.keyPrefix ?? '';
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client?.quit();
  }
}
