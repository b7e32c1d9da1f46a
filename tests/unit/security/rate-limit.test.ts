import { once } from "node:events";
import { randomUUID } from "node:crypto";
import { Redis as RealRedis } from "ioredis";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createRateLimiter, RATE_LIMIT_POLICIES, type RateLimiter } from "#server/security/rate-limit.server";

/**
 * The rate limiter in memory, and shared through a Redis server: the one REDIS_URL names
 * (CI sets redis://127.0.0.1:6379; tests/setup/unit-setup.ts keeps it as TEST_REDIS_URL). A
 * machine without Redis runs the rest. Keys are unique per run so runs never see each other's counts.
 */
const REDIS_URL = process.env.TEST_REDIS_URL ?? "";
const UNREACHABLE_REDIS_URL = "redis://127.0.0.1:6390";

// createRateLimiter does not expose its Redis client: track every one it makes so the
// test can wait for the connection and close it afterwards.
const redisClients = vi.hoisted(() => [] as import("ioredis").Redis[]);
vi.mock("ioredis", async (importOriginal) => {
  const actual = await importOriginal<typeof import("ioredis")>();
  class TrackedRedis extends actual.Redis {
    constructor(...args: ConstructorParameters<typeof actual.Redis>) {
      super(...args);
      redisClients.push(this);
    }
  }
  return { ...actual, Redis: TrackedRedis, default: TrackedRedis };
});

afterAll(() => {
  for (const client of redisClients) client.disconnect();
});

const runKey = (tag: string) => `test:${tag}:${randomUUID()}`;

async function consumeTimes(limiter: RateLimiter, n: number, key: string) {
  const decisions = [];
  for (let i = 0; i < n; i++) decisions.push(await limiter.consume("signInAccount", key));
  return decisions;
}

describe("rate limiter in memory", () => {
  it("counts down the policy's points, then blocks for the block duration", async () => {
    const limiter = createRateLimiter();
    const key = runKey("memory");
    const decisions = await consumeTimes(limiter, 6, key);
    expect(decisions.slice(0, 5).map((d) => [d.allowed, d.remaining])).toEqual([
      [true, 4],
      [true, 3],
      [true, 2],
      [true, 1],
      [true, 0],
    ]);
    expect(decisions[5]).toMatchObject({ allowed: false, remaining: 0 });
    expect(decisions[5]!.retryAfterSeconds).toBeGreaterThan(RATE_LIMIT_POLICIES.signInAccount.blockDuration - 5);
    expect(decisions[5]!.retryAfterSeconds).toBeLessThanOrEqual(RATE_LIMIT_POLICIES.signInAccount.blockDuration);
  });

  it("keeps keys and policies apart", async () => {
    const limiter = createRateLimiter();
    const key = runKey("apart");
    await consumeTimes(limiter, 6, key);
    expect((await limiter.consume("signInAccount", runKey("other"))).allowed).toBe(true);
    expect((await limiter.consume("publicForm", key)).allowed).toBe(true);
  });

  it("without a block duration, answers with the seconds left in the window", async () => {
    const limiter = createRateLimiter();
    const key = runKey("window");
    for (let i = 0; i < RATE_LIMIT_POLICIES.publicForm.points; i++) expect((await limiter.consume("publicForm", key)).allowed).toBe(true);
    const refused = await limiter.consume("publicForm", key);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(RATE_LIMIT_POLICIES.publicForm.duration);
  });

  it("forgets a key on reset (a successful sign-in)", async () => {
    const limiter = createRateLimiter();
    const key = runKey("reset");
    await consumeTimes(limiter, 6, key);
    await limiter.reset("signInAccount", key);
    expect(await limiter.consume("signInAccount", key)).toMatchObject({ allowed: true, remaining: 4 });
  });
});

describe("rate limiter on Redis", () => {
  async function redisLimiter(url: string): Promise<RateLimiter> {
    const before = redisClients.length;
    const limiter = createRateLimiter({ redisUrl: url });
    expect(redisClients.length).toBe(before + 1);
    const client = redisClients[redisClients.length - 1]!;
    // The offline queue is off: commands sent before the connection is up go to the insurance limiter.
    if (url === REDIS_URL && client.status !== "ready") await once(client, "ready");
    return limiter;
  }

  it.runIf(REDIS_URL)("shares counts between two limiter instances (two server processes)", async () => {
    const a = await redisLimiter(REDIS_URL);
    const b = await redisLimiter(REDIS_URL);
    const key = runKey("shared");
    try {
      await consumeTimes(a, 3, key);
      expect(await b.consume("signInAccount", key)).toMatchObject({ allowed: true, remaining: 1 });
      expect(await a.consume("signInAccount", key)).toMatchObject({ allowed: true, remaining: 0 });
      const blocked = await b.consume("signInAccount", key);
      expect(blocked.allowed).toBe(false);
      expect(blocked.retryAfterSeconds).toBeGreaterThan(RATE_LIMIT_POLICIES.signInAccount.blockDuration - 5);

      // The count really lives in Redis, under the policy's prefix.
      const probe = new RealRedis(REDIS_URL);
      try {
        expect(Number(await probe.get(`rl:signInAccount:${key}`))).toBeGreaterThanOrEqual(5);
      } finally {
        probe.disconnect();
      }

      // A reset on one instance clears it for the other.
      await a.reset("signInAccount", key);
      expect(await b.consume("signInAccount", key)).toMatchObject({ allowed: true, remaining: 4 });
    } finally {
      await a.reset("signInAccount", key);
    }
  });

  it("falls back to the in-memory insurance limiter when Redis is unreachable, still counting", async () => {
    const limiter = await redisLimiter(UNREACHABLE_REDIS_URL);
    const key = runKey("down");
    const decisions = await consumeTimes(limiter, 6, key);
    expect(decisions.slice(0, 5).every((d) => d.allowed)).toBe(true);
    expect(decisions[5]!.allowed).toBe(false);
    expect(redisClients[redisClients.length - 1]!.status).not.toBe("ready");
  });
});
