/** Set by the tenant-host rewrite: "" when the site is served on its own host, absent on /s/<slug>. */
export const SITE_BASE_HEADER = "x-sp-site-base";

/** The path prefix of a tenant's public site for this request. */
export function siteBasePath(request: Request, slug: string): string {
  return request.headers.get(SITE_BASE_HEADER) === "" ? "" : `/s/${slug}`;
}
