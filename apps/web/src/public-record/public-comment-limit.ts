import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { WebConfig } from '../config.js';
import { WEB_CONFIG } from '../web-config.js';

/**
 * How many comments a visitor's address may send an hour (PUBLIC_COMMENTS_PER_HOUR). Counted in
 * this instance's memory: the web app keeps no store of its own, and the priorities service's
 * strict limit (in Redis, across replicas) stands behind it. Behind a proxy the address is the
 * proxy's unless Express is told to trust it.
 */
@Injectable()
export class PublicCommentLimit {
  private readonly limiter: RateLimiterMemory;

  constructor(@Inject(WEB_CONFIG) config: WebConfig) {
    this.limiter = new RateLimiterMemory({
      keyPrefix: 'public-comments',
      points: config.PUBLIC_COMMENTS_PER_HOUR,
      duration: 3600,
    });
  }

  /** Counts one comment; the seconds to wait when the address has used its hour's allowance. */
  async take(address: string): Promise<number | undefined> {
    try {
      await this.limiter.consume(address);
      return undefined;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      }
      throw rejection;
    }
  }
}
