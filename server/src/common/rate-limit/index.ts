export { LoginThrottle } from './login-throttle';
export { RateLimitModule } from './rate-limit.module';
export { InMemoryRateLimitStore, RateLimitStore, type WindowCount } from './rate-limit-store';
export { PublicRateLimitGuard } from './public-rate-limit.guard';
export { RedisRateLimitStore } from './redis-rate-limit-store';
