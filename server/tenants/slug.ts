/** Slugs name a tenant's public site (/s/<slug>, <slug>.<APP_DOMAIN>). */
export const RESERVED_SLUGS = new Set([
  "www",
  "app",
  "api",
  "admin",
  "dashboard",
  "s",
  "static",
  "build",
  "assets",
  "mail",
  "email",
  "help",
  "support",
  "status",
  "docs",
  "blog",
  "billing",
  "login",
  "signin",
  "sign-in",
  "signup",
  "sign-up",
  "onboarding",
  "healthz",
  "readyz",
  "servicepro",
  "platform",
  "root",
  "test",
  "dev",
  "staging",
]);

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/;

export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return base.length >= 2 ? base : `business-${base}`.replace(/-+$/, "") || "business";
}

export function isValidSlug(slug: string): boolean {
  return SLUG_PATTERN.test(slug) && !RESERVED_SLUGS.has(slug);
}
