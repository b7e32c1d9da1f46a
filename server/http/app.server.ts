import { randomUUID } from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express, { type NextFunction, type Request, type Response } from "express";
import { withGlobal } from "../db/db.server";
import { logger } from "../observability/logger.server";
import { runWithRequestContext, annotateRequest } from "../observability/request-context.server";
import { rateLimiter } from "../security/rate-limit.server";
import { resolveTenantForHost, type PublicTenant } from "../tenants/resolve-tenant.server";
import { SITE_HOST_PATHS, SITE_SLUG_HEADER, SITE_UNKNOWN_HEADER } from "./site-host";

/**
 * The HTTP tier: stateless, so any number of instances can run behind a load balancer.
 * Order matters: request id and logging first, then health, static files, the tenant-host
 * rewrite, the cross-site form check, and finally Remix.
 */
export interface HttpAppOptions {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: "production" | "development" | "test";
  /** Public files (public/). */
  publicDir?: string;
  /** Whether readiness also needs the background workers running. */
  readiness?: () => Promise<{ ok: boolean; checks: Record<string, string> }>;
  /** Parsed TRUST_PROXY (server/env.server.ts): false, true, a hop count or proxy addresses/CIDRs. */
  trustProxy?: boolean | number | string[];
}

/** Request headers only this server may set; anything a client sends under these names is dropped. */
const INTERNAL_HEADERS = ["x-sp-client-ip", SITE_SLUG_HEADER, SITE_UNKNOWN_HEADER];

/** Paths that stay as they are on a tenant's own host. */
const HOST_NEUTRAL = /^\/(build\/|api\/|healthz$|readyz$|favicon\.ico$|robots\.txt$|webhooks\/)/;

export function createHttpApp(options: HttpAppOptions) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", options.trustProxy ?? false);

  app.use(requestContextMiddleware());

  app.get("/healthz", (_req, res) => {
    res.json({ ok: true });
  });
  app.get("/readyz", async (_req, res) => {
    const checks: Record<string, string> = {};
    let ok = true;
    try {
      await withGlobal((g) => g.$queryRaw`SELECT 1`);
      checks.database = "ok";
    } catch (error) {
      ok = false;
      checks.database = "unreachable";
      logger.warn({ err: (error as Error).message }, "readiness: database check failed");
    }
    if (options.readiness) {
      const extra = await options.readiness();
      ok &&= extra.ok;
      Object.assign(checks, extra.checks);
    }
    res.status(ok ? 200 : 503).json({ ok, checks });
  });

  const publicDir = options.publicDir ?? path.resolve("public");
  app.use("/build", express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y", index: false }));
  app.use(express.static(publicDir, { maxAge: "1h", index: false }));

  app.use(tenantHostRewrite());
  app.use(crossSiteFormGuard());
  app.use(rateLimitPublicPosts());

  app.all(
    "*",
    createRequestHandler({
      build: options.build as ServerBuild,
      mode: options.mode,
      getLoadContext: (req) => ({ requestId: String(req.headers["x-request-id"]) }),
    }),
  );
  return app;
}

/** Request id (kept from a trusted-looking header or new), security headers, one log line per request. */
export function requestContextMiddleware() {
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.get("x-request-id");
    const requestId = incoming && /^[\w-]{8,80}$/.test(incoming) ? incoming : randomUUID();
    for (const h of INTERNAL_HEADERS) delete req.headers[h];
    req.headers["x-request-id"] = requestId;
    req.headers["x-sp-client-ip"] = req.ip ?? "unknown";
    res.setHeader("X-Request-Id", requestId);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("X-Frame-Options", "SAMEORIGIN");
    const started = process.hrtime.bigint();
    runWithRequestContext({ requestId }, () => {
      res.on("finish", () => {
        if (req.originalUrl.startsWith("/build/")) return;
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const line = { method: req.method, path: req.originalUrl.split("?")[0], status: res.statusCode, ms: Math.round(ms * 10) / 10 };
        if (res.statusCode >= 500) logger.error(line, "request");
        else logger.info(line, "request");
      });
      next();
    });
  };
}

/**
 * Custom domains and <slug>.<APP_DOMAIN> serve the tenant's public site at their root. The
 * request is marked (site-host.ts) rather than rewritten, so the server and the browser's
 * router agree on the route. Any other page on a tenant host, and every page of an unknown
 * or suspended one, is a friendly 404.
 */
export function tenantHostRewrite() {
  // resolveTenantForHost is cached in process and evicted at once on writes (server/site/public-cache.server.ts).
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      if (HOST_NEUTRAL.test(req.path)) return next();
      const { match, tenant } = await resolveTenantForHost(req.get("host") ?? "");
      const hit: { tenant: PublicTenant | null; platform: boolean } = { tenant, platform: match.kind === "platform" };
      if (hit.platform) return next();
      if (!SITE_HOST_PATHS.test(req.path)) return notFoundPage(res);
      if (hit.tenant) {
        annotateRequest({ tenantId: hit.tenant.id });
        req.headers[SITE_SLUG_HEADER] = hit.tenant.slug;
      } else {
        req.headers[SITE_UNKNOWN_HEADER] = "1";
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** A self-contained bilingual 404 for paths a tenant host does not serve. */
function notFoundPage(res: Response) {
  res
    .status(404)
    .type("html")
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Not found · No encontrado</title>` +
        `<style>body{font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:90vh;margin:0;color:#0f172a;background:#f8fafc;text-align:center;padding:1rem}a{color:#1549de}</style></head>` +
        `<body><main><h1>We couldn't find that page</h1><p>The link may be old or mistyped. <a href="/">Go to the home page</a>.</p>` +
        `<h2 lang="es">No encontramos esa página</h2><p lang="es">Puede que el enlace sea antiguo o tenga un error. <a href="/">Ir a la página de inicio</a>.</p></main></body></html>`,
    );
}

/**
 * Forms are CSRF-safe: session cookies are SameSite=Lax, and any state-changing request that
 * a browser marks as cross-site (Fetch Metadata) or whose Origin is another host is refused.
 * Webhooks are exempt: they carry no cookies and are verified by signature.
 */
export function crossSiteFormGuard() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    if (req.path.startsWith("/webhooks/") || req.path === "/api/inngest") return next();
    const fetchSite = req.get("sec-fetch-site");
    const origin = req.get("origin");
    const host = req.get("host");
    const crossSite = fetchSite === "cross-site" || (origin !== undefined && origin !== "null" && safeHost(origin) !== host);
    if (crossSite && req.get("cookie")) {
      logger.warn({ origin, fetchSite, path: req.path }, "blocked cross-site form post");
      res.status(403).type("text/plain").send("Cross-site request blocked / Solicitud entre sitios bloqueada");
      return;
    }
    next();
  };
}

/**
 * Webhooks and public forms (anything posted to a tenant's public site) are rate limited
 * per client IP before they reach a route. Sign-in has its own, stricter limits.
 */
export function rateLimitPublicPosts() {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== "POST") return next();
    const policy = req.path.startsWith("/webhooks/") ? "webhook" : req.path.startsWith("/s/") ? "publicForm" : null;
    if (!policy) return next();
    try {
      const decision = await rateLimiter().consume(policy, req.ip ?? "unknown");
      if (decision.allowed) return next();
      res.setHeader("Retry-After", String(decision.retryAfterSeconds));
      res.status(429).type("text/plain").send("Too many requests / Demasiadas solicitudes");
    } catch (error) {
      next(error);
    }
  };
}

function safeHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
