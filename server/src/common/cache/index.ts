export { CacheModule } from './cache.module';
export { PUBLIC_READ_TTL_MS, PublicReadCache } from './public-read-cache';
