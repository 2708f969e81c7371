import {
  type CanActivate,
  type ExecutionContext,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  type OnApplicationShutdown,
  type OnModuleInit,
  SetMetadata,
} from '@nestjs/common';
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { AuthenticatedRequest } from './auth.decorators.js';
import type { BaseConfig } from '../config/config.schema.js';
import { APP_CONFIG } from '../config/config.module.js';

const STRICT_RATE_LIMIT = 'cancer-network:strict-rate-limit';
const WINDOW_SECONDS = 60;
/** How long start-up waits for Redis before counting in memory until it answers. */
const REDIS_WAIT_MS = 2_000;

/**
 * Marks a route that is costly or guessable (an upload, linking an account at sign-in, a URL
 * that needs no bearer token) for the stricter limit, RATE_LIMIT_STRICT_PER_MINUTE.
 */
export const StrictRateLimit = (): MethodDecorator & ClassDecorator =>
  SetMetadata(STRICT_RATE_LIMIT, true);

function isStrict(context: ExecutionContext): boolean {
  return [context.getHandler(), context.getClass()].some(
    (target) => Reflect.getMetadata(STRICT_RATE_LIMIT, target) === true,
  );
}

/**
 * Requests a minute per caller: the verified principal when the request has one (this guard
 * runs after the auth guard, see AuthModule), else the address; a budget for the service's
 * routes and a smaller one for its strict routes. Over it, 429 with Retry-After.
 *
 * Counted in Redis, so the limit holds across a service's replicas, by rate-limiter-flexible
 * (a framework-free limiter with atomic Redis counters and an in-memory fallback while Redis is
 * unreachable). `@nestjs/throttler` was the first choice, but its 6.x is CommonJS requiring Nest
 * 12's ES-module-only packages, which the project's Jest (ES module mode on Node 20) cannot
 * load, and it counts per instance unless given a storage of its own.
 */
@Injectable()
export class RateLimitGuard implements CanActivate, OnModuleInit, OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly general: RateLimiterRedis;
  private readonly strict: RateLimiterRedis;

  constructor(@Inject(APP_CONFIG) config: BaseConfig) {
    // No offline queue: while Redis is away a request is counted in memory, not held waiting.
    this.redis = new Redis(config.REDIS_URL, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    });
    this.redis.on('error', () => undefined);
    const limiter = (name: string, points: number) =>
      new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `rate-limit:${config.KAFKA_TOPIC_PREFIX}${config.SERVICE_NAME}:${name}`,
        points,
        duration: WINDOW_SECONDS,
        insuranceLimiter: new RateLimiterMemory({ points, duration: WINDOW_SECONDS }),
      });
    this.general = limiter('all', config.RATE_LIMIT_PER_MINUTE);
    this.strict = limiter('strict', config.RATE_LIMIT_STRICT_PER_MINUTE);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') {
      return true;
    }
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest & { ip?: string }>();
    const caller = request.user
      ? `principal:${request.user.issuer ?? 'shared-key'}:${request.user.sub}`
      : `address:${request.ip ?? 'unknown'}`;
    try {
      await (isStrict(context) ? this.strict : this.general).consume(caller);
      return true;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) {
        throw rejection;
      }
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      http.getResponse<ServerResponse>().setHeader('Retry-After', String(retryAfter));
      throw new HttpException(
        `Too many requests: try again in ${retryAfter} s`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }

  /** Waits (briefly) for Redis, so the first requests are counted where the rest are. */
  async onModuleInit(): Promise<void> {
    if (this.redis.status === 'ready') {
      return;
    }
    await Promise.race([
      once(this.redis, 'ready'),
      new Promise((resolve) => setTimeout(resolve, REDIS_WAIT_MS).unref()),
    ]);
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
