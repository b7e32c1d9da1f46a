import { withGlobal } from "../db/db.server";
import { env } from "../env.server";
import { publicCache } from "../site/public-cache.server";
import { isValidSlug } from "./slug";

/**
 * Public traffic finds its tenant by custom domain, then subdomain of APP_DOMAIN, then the
 * /s/<slug> path. Unknown and suspended tenants resolve to null: callers answer a friendly
 * 404, never 401 or 500.
 */
export interface PublicTenant {
  id: string;
  slug: string;
  name: string;
  industryPackKey: string;
  timeZone: string;
  defaultLocale: string;
}

const SELECT = { id: true, slug: true, name: true, industryPackKey: true, timeZone: true, defaultLocale: true, status: true } as const;

export type HostMatch = { kind: "platform" } | { kind: "subdomain"; slug: string } | { kind: "custom"; hostname: string };

/** Classifies a Host header (port stripped, lower-cased). */
export function classifyHost(hostHeader: string | null | undefined, appDomain = env().APP_DOMAIN): HostMatch {
  const host = (hostHeader ?? "").trim().toLowerCase().replace(/:\d+$/, "").replace(/\.$/, "");
  const root = appDomain.toLowerCase().replace(/:\d+$/, "");
  if (
    !host ||
    host === root ||
    host === `www.${root}` ||
    host === "localhost" ||
    host === "127.0.0.1" ||
    host === "[::1]" ||
    /^\d+\.\d+\.\d+\.\d+$/.test(host)
  ) {
    return { kind: "platform" };
  }
  if (host.endsWith(`.${root}`)) {
    const label = host.slice(0, -(root.length + 1));
    return !label.includes(".") && isValidSlug(label) ? { kind: "subdomain", slug: label } : { kind: "platform" };
  }
  return { kind: "custom", hostname: host };
}

/** Cached in process, evicted at once on any write to the tenant (server/site/public-cache.server.ts). */
export async function resolveTenantBySlug(slug: string): Promise<PublicTenant | null> {
  if (!isValidSlug(slug)) return null;
  return publicCache().get(
    `tenant-slug:${slug}`,
    () => loadTenantBySlug(slug),
    (t) => t?.id ?? null,
  );
}

async function loadTenantBySlug(slug: string): Promise<PublicTenant | null> {
  const t = await withGlobal((db) => db.tenant.findUnique({ where: { slug }, select: SELECT }));
  return t && t.status === "ACTIVE" ? strip(t) : null;
}

export async function resolveTenantByHostname(hostname: string): Promise<PublicTenant | null> {
  return publicCache().get(
    `tenant-host:${hostname}`,
    () => loadTenantByHostname(hostname),
    (t) => t?.id ?? null,
  );
}

async function loadTenantByHostname(hostname: string): Promise<PublicTenant | null> {
  const domain = await withGlobal((db) =>
    db.domain.findFirst({ where: { hostname, verifiedAt: { not: null } }, select: { verifiedAt: true, tenantId: true } }),
  );
  if (!domain?.verifiedAt) return null;
  const t = await withGlobal((db) => db.tenant.findUnique({ where: { id: domain.tenantId }, select: SELECT }));
  return t && t.status === "ACTIVE" ? strip(t) : null;
}

/** The tenant a public host serves, or null for the platform's own host and unknown hosts. */
export async function resolveTenantForHost(
  hostHeader: string | null | undefined,
): Promise<{ match: HostMatch; tenant: PublicTenant | null }> {
  const match = classifyHost(hostHeader);
  if (match.kind === "platform") return { match, tenant: null };
  const tenant = match.kind === "subdomain" ? await resolveTenantBySlug(match.slug) : await resolveTenantByHostname(match.hostname);
  return { match, tenant };
}

function strip<T extends { status: unknown }>(t: T): Omit<T, "status"> {
  const { status: _status, ...rest } = t;
  return rest;
}
