import { readConfig } from "../config/config-service.server";
import { WEEKDAYS } from "../config/schemas";
import { withTenant } from "../db/db.server";
import { pickLocale, type TLocale } from "../i18n/localized-text";
import { findPack } from "../packs";
import { resolveTenantBySlug, type PublicTenant } from "../tenants/resolve-tenant.server";
import { publicCache } from "./public-cache.server";
import { listServices } from "../catalog/services.server";
import { loyaltyLive } from "../loyalty/loyalty-live";

/**
 * What a tenant's public page shows, in the visitor's language. Null when the site does
 * not exist, is suspended or unpublished: the route answers a friendly 404.
 */
export interface PublicSiteView {
  tenant: { slug: string; name: string; timeZone: string };
  locale: TLocale;
  headline: string;
  tagline: string;
  about: string;
  primaryColor: string;
  blocks: string[];
  showPrices: boolean;
  contactPhone: string | null;
  contactEmail: string | null;
  serviceAreaNote: string | null;
  services: Array<{ id: string; name: string; description: string; durationMinutes: number; priceCents: number }>;
  hours: Array<{ day: (typeof WEEKDAYS)[number]; ranges: Array<{ open: string; close: string }> }>;
  faq: Array<{ question: string; answer: string }>;
  /** The rewards block; null unless the loyalty module is live and the owner turned rewards on. */
  loyalty: { reward: string; pointsPerDollar: number; threshold: number } | null;
}

const fill = (text: string, businessName: string) => text.replaceAll("{{businessName}}", businessName);

/** Cached per slug and locale in process, evicted at once when the tenant's data changes (public-cache.server.ts). */
export async function getPublicSite(slug: string, locale: TLocale): Promise<PublicSiteView | null> {
  const entry = await publicCache().get(
    `site:${slug}:${locale}`,
    async () => {
      const tenant = await resolveTenantBySlug(slug);
      return tenant ? { tenantId: tenant.id, view: await loadPublicSite(tenant, locale) } : null;
    },
    (e) => e?.tenantId ?? null,
  );
  return entry?.view ?? null;
}

async function loadPublicSite(tenant: PublicTenant, locale: TLocale): Promise<PublicSiteView | null> {
  return withTenant(tenant.id, async (db) => {
    const [site, hours, loyalty, services] = await Promise.all([
      readConfig(db, "SITE"),
      readConfig(db, "HOURS"),
      readConfig(db, "LOYALTY"),
      listServices(db),
    ]);
    if (!site.published) return null;
    const pack = findPack(tenant.industryPackKey);
    return {
      tenant: { slug: tenant.slug, name: tenant.name, timeZone: tenant.timeZone },
      locale,
      headline: fill(pickLocale(site.headline, locale), tenant.name),
      tagline: fill(pickLocale(site.tagline, locale), tenant.name),
      about: fill(pickLocale(site.about, locale), tenant.name),
      primaryColor: site.primaryColor,
      blocks: site.blocks.filter((b) => b !== "loyalty" || (loyalty.enabled && loyaltyLive(tenant))),
      showPrices: site.showPrices,
      contactPhone: site.contactPhone,
      contactEmail: site.contactEmail,
      serviceAreaNote: site.serviceAreaNote ? pickLocale(site.serviceAreaNote, locale) : null,
      services: services.map((s) => ({
        id: s.id,
        name: s.name[locale],
        description: s.description[locale],
        durationMinutes: s.durationMinutes,
        priceCents: s.priceCents,
      })),
      hours: WEEKDAYS.map((day) => ({ day, ranges: hours.weekly[day] })),
      faq: (pack?.faq ?? []).map((f) => ({
        question: pickLocale(f.question, locale),
        answer: fill(pickLocale(f.answer, locale), tenant.name),
      })),
      loyalty:
        loyalty.enabled && loyaltyLive(tenant)
          ? {
              reward: pickLocale(loyalty.rewardDescription, locale),
              pointsPerDollar: loyalty.pointsPerDollar,
              threshold: loyalty.rewardThresholdPoints,
            }
          : null,
    };
  });
}
