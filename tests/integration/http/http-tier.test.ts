import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withGlobal, withTenant } from "../../../server/db/db.server";
import { crossSiteFormGuard, rateLimitPublicPosts, requestContextMiddleware, tenantHostRewrite } from "../../../server/http/app.server";
import { SITE_SLUG_HEADER, SITE_UNKNOWN_HEADER } from "../../../server/http/site-host";
import { rateLimiter, RATE_LIMIT_POLICIES } from "../../../server/security/rate-limit.server";
import { markDomainVerified } from "../../../server/tenants/domains.server";

/**
 * The HTTP tier's own middlewares, in front of an echo handler standing in for Remix:
 * tenant-host rewrite, cross-site form guard, rate limits, request ids.
 */
let base = "";
let close: () => Promise<void>;
const slug = `http-tier-${Date.now().toString(36)}`;
const suspendedSlug = `${slug}-off`;
const customHost = `${slug}.example.net`;

beforeAll(async () => {
  const tenant = await withGlobal(async (g) => {
    await g.tenant.create({
      data: {
        slug: suspendedSlug,
        name: "Off Co",
        industryPackKey: "lawn-care",
        timeZone: "America/Denver",
        defaultLocale: "en",
        status: "SUSPENDED",
      },
    });
    return g.tenant.create({
      data: { slug, name: "Http Tier Co", industryPackKey: "lawn-care", timeZone: "America/Denver", defaultLocale: "en" },
    });
  });
  // Domains are tenant-owned rows: the tenant writes them, the global role only reads them.
  await markDomainVerified(
    await withTenant(
      tenant.id,
      async (db) => (await db.domain.create({ data: { tenantId: tenant.id, hostname: customHost, kind: "CUSTOM" } })).id,
    ),
  );
  await withTenant(tenant.id, (db) =>
    db.domain.create({ data: { tenantId: tenant.id, hostname: `unverified.${customHost}`, kind: "CUSTOM" } }),
  );

  const app = express();
  app.use(requestContextMiddleware());
  app.use(tenantHostRewrite());
  app.use(crossSiteFormGuard());
  app.use(rateLimitPublicPosts());
  app.all("*", (req, res) => {
    res.json({
      url: req.originalUrl,
      site: req.headers[SITE_SLUG_HEADER] ?? null,
      unknownSite: req.headers[SITE_UNKNOWN_HEADER] === "1",
      requestId: req.headers["x-request-id"],
      clientIp: req.headers["x-sp-client-ip"],
    });
  });
  const server = app.listen(0);
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((r) => server.close(() => r()));
});

afterAll(async () => close?.());

/** fetch() may not set Host (a forbidden header), so requests go through node:http. */
function request(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(base + path, { method, headers }, (res) => {
      let data = "";
      res.on("data", (c) => (data += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: data, headers: res.headers }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await request("GET", path, headers);
  return { status: res.status, body: res.status === 200 ? JSON.parse(res.body) : res.body, headers: res.headers };
}

describe("tenant hosts", () => {
  it("leaves the platform's own host alone", async () => {
    const r = await get("/dashboard", { host: "localhost" });
    expect(r.body).toMatchObject({ url: "/dashboard", site: null, unknownSite: false });
  });

  it("marks <slug>.<APP_DOMAIN> as the tenant's site without rewriting the URL (the browser's router must agree)", async () => {
    const r = await get("/?x=1", { host: `${slug}.localhost:3000` });
    expect(r.body).toMatchObject({ url: "/?x=1", site: slug, unknownSite: false });
  });

  it("serves a verified custom domain, but not an unverified one", async () => {
    expect((await get("/", { host: customHost })).body).toMatchObject({ url: "/", site: slug });
    expect((await get("/", { host: `unverified.${customHost}` })).body).toMatchObject({ site: null, unknownSite: true });
  });

  it("marks unknown and suspended sites so the page answers the friendly 404", async () => {
    expect((await get("/", { host: `nobody-${slug}.localhost` })).body).toMatchObject({ site: null, unknownSite: true });
    expect((await get("/", { host: `${suspendedSlug}.localhost` })).body).toMatchObject({ site: null, unknownSite: true });
  });

  it("answers a bilingual 404 for platform pages asked on a tenant host", async () => {
    const r = await get("/dashboard", { host: customHost });
    expect(r.status).toBe(404);
    expect(r.body).toContain("No encontramos esa página");
  });

  it("keeps API, health, build paths and language switching reachable on tenant hosts", async () => {
    expect((await get("/api/trpc/packs.list", { host: customHost })).body).toMatchObject({ url: "/api/trpc/packs.list", site: null });
    expect((await get("/set-locale", { host: customHost })).body).toMatchObject({ url: "/set-locale", site: slug });
  });

  it("drops internal headers a client tries to forge", async () => {
    const r = await get("/x", {
      host: "localhost",
      [SITE_SLUG_HEADER]: "someone-else",
      [SITE_UNKNOWN_HEADER]: "1",
      "x-sp-client-ip": "6.6.6.6",
    });
    expect(r.body).toMatchObject({ site: null, unknownSite: false });
    expect(r.body.clientIp).not.toBe("6.6.6.6");
  });
});

describe("request ids", () => {
  it("keeps a well-formed incoming id and makes one otherwise", async () => {
    const kept = await get("/x", { host: "localhost", "x-request-id": "abc12345-req" });
    expect(kept.headers["x-request-id"]).toBe("abc12345-req");
    const made = await get("/x", { host: "localhost", "x-request-id": "<script>" });
    expect(made.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("cross-site form guard", () => {
  const post = (headers: Record<string, string>, path = "/dashboard/team") =>
    request("POST", path, { host: "localhost:3000", cookie: "__sp_session=x", ...headers }, "a=1");

  it("refuses a cookie-carrying POST from another site", async () => {
    expect((await post({ origin: "https://evil.example" })).status).toBe(403);
    expect((await post({ "sec-fetch-site": "cross-site" })).status).toBe(403);
  });

  it("allows same-origin posts, posts without cookies, and webhooks", async () => {
    expect((await post({ origin: "http://localhost:3000", "sec-fetch-site": "same-origin" })).status).toBe(200);
    expect((await request("POST", "/dashboard/team", { host: "localhost:3000", origin: "https://evil.example" }, "a=1")).status).toBe(200);
    expect((await post({ origin: "https://provider.example" }, "/webhooks/stripe")).status).toBe(200);
  });
});

describe("rate limits", () => {
  it("answers 429 with Retry-After once a client exceeds the public-form limit", async () => {
    await rateLimiter().reset("publicForm", "127.0.0.1");
    await rateLimiter().reset("publicForm", "::ffff:127.0.0.1");
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT_POLICIES.publicForm.points + 2; i++) {
      const res = await request("POST", `/s/${slug}/contact`, { host: "localhost" }, "a=1");
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, RATE_LIMIT_POLICIES.publicForm.points).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
