import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, describe, expect, it } from "vitest";
import { env, parseEnv } from "../../../server/env.server";
import { requestContextMiddleware } from "../../../server/http/app.server";
import { rateLimiter } from "../../../server/security/rate-limit.server";
import { TRPC_MAX_BATCH_SIZE } from "../../../server/trpc/batch-limit";
import { handleTrpcRequest } from "../../../server/trpc/http-handler.server";
import { createTestTenant } from "../../helpers/factories";

/**
 * Public reads are bounded: batches are capped, and every public procedure is limited per
 * client address and per business, behind a load balancer too (TRUST_PROXY). Requests go
 * through Express's own request-context middleware (which turns the socket and, when
 * trusted, X-Forwarded-For into the client address) and the app's tRPC handler.
 */
const servers: Array<() => Promise<void>> = [];
afterAll(async () => Promise.all(servers.map((close) => close())));

/** An HTTP tier in front of the tRPC handler, trusting proxies as TRUST_PROXY says. */
async function tier(trustProxy?: string): Promise<string> {
  const app = express();
  app.set("trust proxy", parseEnv({ TRUST_PROXY: trustProxy }).TRUST_PROXY);
  app.use(requestContextMiddleware());
  app.get("/whoami", (req, res) => res.json({ clientIp: req.headers["x-sp-client-ip"] }));
  app.all("/api/trpc/*", async (req, res) => {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const response = await handleTrpcRequest(new Request(`http://localhost${req.originalUrl}`, { method: req.method, headers }));
    res.status(response.status);
    response.headers.forEach((v, k) => res.setHeader(k, v));
    res.send(Buffer.from(await response.arrayBuffer()));
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  servers.push(() => new Promise((r) => server.close(() => r())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

interface TrpcAnswer {
  status: number;
  retryAfter: string | null;
  body:
    | Array<{ result?: unknown; error?: { message: string; data: { code: string; i18nKey: string | null } } }>
    | { error?: { message: string; data: { code: string; i18nKey: string | null } } };
}

async function get(base: string, path: string, headers: Record<string, string> = {}): Promise<TrpcAnswer> {
  const res = await fetch(base + path, { headers });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: (await res.json()) as TrpcAnswer["body"] };
}

const areaPath = (slug: string) => `/api/trpc/booking.public.area?input=${encodeURIComponent(JSON.stringify({ slug }))}`;
let ipSeq = 1;
/** A fresh client address from TEST-NET-2 for each use, so buckets never carry over between tests. */
const nextIp = () => `198.51.100.${ipSeq++}`;

describe("tRPC batches", () => {
  it(`a batch of ${TRPC_MAX_BATCH_SIZE} calls is served; ${TRPC_MAX_BATCH_SIZE + 1} is one translated 400, nothing run`, async () => {
    const base = await tier("1");
    const batch = (n: number) => `/api/trpc/${Array.from({ length: n }, () => "packs.list").join(",")}?batch=1&input={}`;
    const ok = await get(base, batch(TRPC_MAX_BATCH_SIZE), { "x-forwarded-for": nextIp() });
    expect(ok.status).toBe(200);
    expect(ok.body).toHaveLength(TRPC_MAX_BATCH_SIZE);

    const tooBig = await get(base, batch(TRPC_MAX_BATCH_SIZE + 1), { "x-forwarded-for": nextIp(), "accept-language": "es" });
    expect(tooBig.status).toBe(400);
    const errors = Array.isArray(tooBig.body) ? tooBig.body.map((b) => b.error) : [tooBig.body.error];
    expect(errors[0]).toMatchObject({
      message: `Demasiadas llamadas en una sola solicitud: como máximo ${TRPC_MAX_BATCH_SIZE}.`,
      data: { code: "BAD_REQUEST", i18nKey: "errors:batchTooLarge" },
    });
  });
});

describe("public procedures are rate-limited per client and per business", () => {
  it("the N+1st call from one client is a translated 429 with Retry-After; another client is still served", async () => {
    const t = await createTestTenant();
    const base = await tier("1");
    const limit = env().PUBLIC_RATE_LIMIT_PER_CLIENT;
    const greedy = nextIp();
    for (let i = 0; i < limit; i++) {
      const r = await get(base, areaPath(t.slug), { "x-forwarded-for": greedy });
      expect(r.status, `call ${i + 1} of ${limit}`).toBe(200);
    }
    const refused = await get(base, areaPath(t.slug), { "x-forwarded-for": greedy, "accept-language": "en" });
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(refused.body).toMatchObject({
      error: {
        message: expect.stringMatching(/^Too many requests\. Please wait \d+ seconds/),
        data: { code: "TOO_MANY_REQUESTS", i18nKey: "errors:tooManyRequests" },
      },
    });
    // Procedures that name no business count against the same client budget.
    expect(
      (
        await get(base, "/api/trpc/tenants.suggestSlug?input=" + encodeURIComponent(JSON.stringify({ name: "Acme" })), {
          "x-forwarded-for": greedy,
        })
      ).status,
    ).toBe(429);

    expect((await get(base, areaPath(t.slug), { "x-forwarded-for": nextIp() })).status).toBe(200);
  });

  it("other clients are served until the business-wide limit, then everyone waits", async () => {
    const t = await createTestTenant();
    const base = await tier("1");
    const tenantLimit = env().PUBLIC_RATE_LIMIT_PER_TENANT;
    // Many clients' earlier traffic to this business (consumed directly: a thousand HTTP calls would only be slower).
    for (let i = 0; i < tenantLimit - 3; i++) await rateLimiter().consume("publicTenant", t.slug);
    for (let i = 0; i < 3; i++) expect((await get(base, areaPath(t.slug), { "x-forwarded-for": nextIp() })).status).toBe(200);
    const late = await get(base, areaPath(t.slug), { "x-forwarded-for": nextIp() });
    expect(late.status).toBe(429);
    expect(Number(late.retryAfter)).toBeGreaterThan(0);
    // The slug's case does not make a new bucket; another business is unaffected.
    expect((await get(base, areaPath(t.slug.toUpperCase()), { "x-forwarded-for": nextIp() })).status).toBe(429);
    const other = await createTestTenant();
    expect((await get(base, areaPath(other.slug), { "x-forwarded-for": nextIp() })).status).toBe(200);
  });

  it("TRUST_PROXY off: a spoofed X-Forwarded-For is ignored, so changing it does not buy a new budget", async () => {
    const t = await createTestTenant();
    const base = await tier(undefined);
    const limit = env().PUBLIC_RATE_LIMIT_PER_CLIENT;
    await rateLimiter().reset("publicClient", "127.0.0.1");
    for (let i = 0; i < limit; i++) expect((await get(base, areaPath(t.slug), { "x-forwarded-for": nextIp() })).status).toBe(200);
    expect((await get(base, areaPath(t.slug), { "x-forwarded-for": nextIp() })).status).toBe(429);
    await rateLimiter().reset("publicClient", "127.0.0.1");
  });
});

describe("TRUST_PROXY decides which address is the client", () => {
  const whoami = async (trust: string | undefined, xff?: string) =>
    (await (await fetch((await tier(trust)) + "/whoami", { headers: xff ? { "x-forwarded-for": xff } : {} })).json()) as {
      clientIp: string;
    };

  it.each([
    ["unset", undefined, "127.0.0.1"],
    ["false", "false", "127.0.0.1"],
    ["a hop count: the address the load balancer saw, not what the client wrote before it", "1", "198.51.100.200"],
    ["two hops", "2", "6.6.6.6"],
    ["the proxy's address range (loopback)", "loopback", "198.51.100.200"],
    ["a CIDR list that does not include the proxy", "10.0.0.0/8, 192.168.0.0/16", "127.0.0.1"],
    ["a CIDR list including the proxy", "10.0.0.0/8,127.0.0.1/32", "198.51.100.200"],
  ])("TRUST_PROXY %s", async (_label, trust, expected) => {
    expect((await whoami(trust, "6.6.6.6, 198.51.100.200")).clientIp).toBe(expected);
  });

  it("refuses a value that is none of those, naming the variable", () => {
    expect(() => parseEnv({ TRUST_PROXY: "yes please" })).toThrow(/TRUST_PROXY must be/);
    expect(() => parseEnv({ TRUST_PROXY: "10.0.0.0/99" })).toThrow(/TRUST_PROXY/);
    expect(parseEnv({ TRUST_PROXY: "TRUE" }).TRUST_PROXY).toBe(true);
    expect(parseEnv({ TRUST_PROXY: "" }).TRUST_PROXY).toBe(false);
  });
});
