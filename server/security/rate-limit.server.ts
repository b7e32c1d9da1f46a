import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { Redis } from "ioredis";
import { env } from "../env.server";
import { logger } from "../observability/logger.server";

/**
 * Rate limits for sign-in, public forms and webhooks. In memory by default (one
 * instance); shared through Redis when REDIS_URL is set, with the memory limiter as
 * insurance when Redis is unreachable so a Redis outage never locks everyone out.
 */
export const RATE_LIMIT_POLICIES = {
  /** Per IP + email: slows password guessing on one account. */
  signInAccount: { points: 5, duration: 15 * 60, blockDuration: 15 * 60 },
  /** Per IP: slows credential stuffing across accounts. */
  signInIp: { points: 30, duration: 15 * 60, blockDuration: 15 * 60 },
  signUpIp: { points: 10, duration: 60 * 60, blockDuration: 0 },
  /** Public forms (booking, contact, rewards lookup) per IP. */
  publicForm: { points: 20, duration: 60, blockDuration: 0 },
  /** Signed-out API calls (slots, service area, slug suggestions...) per client IP; points from PUBLIC_RATE_LIMIT_PER_CLIENT. */
  publicClient: { points: 120, duration: 60, blockDuration: 0 },
  /** Signed-out API calls that name a business, per business from all clients; points from PUBLIC_RATE_LIMIT_PER_TENANT. */
  publicTenant: { points: 1200, duration: 60, blockDuration: 0 },
  /** Inbound webhooks per source IP. */
  webhook: { points: 600, duration: 60, blockDuration: 0 },
} as const;

export type TRateLimitPolicy = keyof typeof RATE_LIMIT_POLICIES;

export interface RateLimitDecision {
  allowed: boolean;
  retryAfterSeconds: number;
  remaining: number;
}

export interface RateLimiter {
  consume(policy: TRateLimitPolicy, key: string): Promise<RateLimitDecision>;
  reset(policy: TRateLimitPolicy, key: string): Promise<void>;
}

export interface RateLimiterOptions {
  redisUrl?: string;
  /** Points per window that differ from RATE_LIMIT_POLICIES (deployment settings). */
  points?: Partial<Record<TRateLimitPolicy, number>>;
}

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const redis = options.redisUrl
    ? new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false })
    : undefined;
  redis?.on("error", (error) => logger.warn({ err: error.message }, "rate-limit redis error"));
  const limiters = new Map<TRateLimitPolicy, RateLimiterAbstract>();
  const limiter = (policy: TRateLimitPolicy) => {
    let l = limiters.get(policy);
    if (!l) {
      const points = options.points?.[policy] ?? RATE_LIMIT_POLICIES[policy].points;
      const opts = { ...RATE_LIMIT_POLICIES[policy], points, keyPrefix: `rl:${policy}` };
      l = redis
        ? new RateLimiterRedis({ ...opts, storeClient: redis, insuranceLimiter: new RateLimiterMemory(opts) })
        : new RateLimiterMemory(opts);
      limiters.set(policy, l);
    }
    return l;
  };
  return {
    async consume(policy, key) {
      try {
        const res = await limiter(policy).consume(key);
        return { allowed: true, retryAfterSeconds: 0, remaining: res.remainingPoints };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)), remaining: 0 };
        }
        throw rejection;
      }
    },
    async reset(policy, key) {
      await limiter(policy).delete(key);
    },
  };
}

const HOLDER = Symbol.for("servicepro.rateLimiter");
/** The process's rate limiter (memory, or Redis when REDIS_URL is set). */
export function rateLimiter(): RateLimiter {
  const g = globalThis as Record<symbol, RateLimiter | undefined>;
  if (!g[HOLDER]) {
    const e = env();
    g[HOLDER] = createRateLimiter({
      redisUrl: e.REDIS_URL,
      points: { publicClient: e.PUBLIC_RATE_LIMIT_PER_CLIENT, publicTenant: e.PUBLIC_RATE_LIMIT_PER_TENANT },
    });
  }
  return g[HOLDER]!;
}
