/**
 * Tenant hosts (a verified custom domain or <slug>.<APP_DOMAIN>) serve the tenant's public
 * site at their own root. The HTTP tier does NOT rewrite URLs (the browser's router would
 * then disagree with the server about the route); it marks the request instead, and the
 * site routes read the mark. Headers set only by the server (clients' copies are dropped).
 */
export const SITE_SLUG_HEADER = "x-sp-site-slug";
export const SITE_UNKNOWN_HEADER = "x-sp-site-unknown";

/** Paths a tenant host serves through Remix: its site pages (home, booking, manage link) plus language switching. */
export const SITE_HOST_PATHS = /^\/(|set-locale|book|booking\/manage\/[A-Za-z0-9_.-]+)$/;

/** The tenant slug of a request arriving on a tenant host; "unknown" for an unknown or suspended host; null on the platform host. */
export function siteHostOf(request: Request): string | "unknown" | null {
  if (request.headers.get(SITE_UNKNOWN_HEADER) === "1") return "unknown";
  return request.headers.get(SITE_SLUG_HEADER);
}
