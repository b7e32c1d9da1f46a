import { readConfig } from "#server/config/config-service.server";
import { withTenant } from "#server/db/db.server";
import { isDomainError } from "#server/errors/domain-errors";
import { detectLocale } from "#server/i18n/i18n.server";
import { pickLocale, type TLocale } from "#server/i18n/localized-text";
import { BOOKING_ERRORS } from "#server/booking/booking-errors";
import { getManagedBooking, withManagedBooking } from "#server/booking/manage-booking.server";
import { siteHostOf } from "#server/http/site-host";
import { quote, ZDepositRuleSchema, ZOptionGroupsSchema, type TOptionSelection } from "#server/catalog/options";
import { getPublicSite } from "#server/site/public-site.server";
import type { BookingPageView, BookingSiteView, ManagePageData } from "./booking-types";

/**
 * Where the public site's pages live for this request: "/s/<slug>" on the platform host,
 * the root on the tenant's own host (subdomain or custom domain).
 */
export function siteBasePath(request: Request, slug: string): string {
  return siteHostOf(request) === slug ? "" : `/s/${encodeURIComponent(slug)}`;
}

async function siteOf(request: Request, slug: string, locale: TLocale): Promise<BookingSiteView> {
  const site = await getPublicSite(slug, locale);
  if (!site) throw new Response("Not found", { status: 404 });
  return {
    slug: site.tenant.slug,
    name: site.tenant.name,
    timeZone: site.tenant.timeZone,
    locale,
    primaryColor: site.primaryColor,
    showPrices: site.showPrices,
    contactPhone: site.contactPhone,
    serviceAreaNote: site.serviceAreaNote,
    basePath: siteBasePath(request, site.tenant.slug),
  };
}

/** Everything the booking page needs up front: the business, its bookable services with their options, and the hold length. */
export async function loadBookingPage(request: Request, slug: string): Promise<BookingPageView> {
  const locale = await detectLocale(request);
  const site = await siteOf(request, slug, locale);
  const tenantId = await withTenantIdOf(slug);
  const { services, booking } = await withTenant(tenantId, async (db) => {
    const rows = await db.service.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }] });
    const config = await readConfig(db, "BOOKING");
    return { services: rows, booking: config };
  });
  const wanted = new URL(request.url).searchParams.get("service");
  return {
    site,
    preselectedServiceId: services.some((s) => s.id === wanted) ? wanted : null,
    holdMinutes: booking.holdMinutes,
    requireConfirmation: booking.requireConfirmation,
    addressRequired: booking.serviceArea.mode !== "NONE",
    services: services.map((s) => {
      const groups = ZOptionGroupsSchema.safeParse(s.optionGroups ?? []);
      const deposit = ZDepositRuleSchema.safeParse(s.depositRule ?? { type: "none" });
      return {
        id: s.id,
        name: pickLocale(s.name as Record<string, string>, locale),
        description: pickLocale(s.description as Record<string, string>, locale),
        durationMinutes: s.durationMinutes,
        priceCents: s.priceCents,
        // Raw (both languages) so the shared quote() computes exactly what the server will charge.
        optionGroups: groups.success ? groups.data : [],
        depositRule: deposit.success ? deposit.data : { type: "none" as const },
      };
    }),
  };
}

async function withTenantIdOf(slug: string): Promise<string> {
  const { resolveTenantBySlug } = await import("#server/tenants/resolve-tenant.server");
  const tenant = await resolveTenantBySlug(slug);
  if (!tenant) throw new Response("Not found", { status: 404 });
  return tenant.id;
}

/**
 * The manage page: the booking behind a signed link, or why it cannot be shown (a bad or
 * expired link is a friendly page, never a 500).
 */
export async function loadManagePage(request: Request, slug: string, token: string): Promise<ManagePageData> {
  const locale = await detectLocale(request);
  const site = await siteOf(request, slug, locale);
  try {
    const { booking, selection } = await withManagedBooking(slug, token, async (db, bookingId, tenant) => {
      const view = await getManagedBooking(db, bookingId, tenant);
      const row = await db.booking.findUniqueOrThrow({ where: { id: bookingId }, select: { options: true, service: true } });
      return { booking: view, selection: selectionOf(row.options, row.service) };
    });
    return { kind: "booking", site, token, selection, booking: { ...booking, serviceName: pickLocale(booking.service.name, locale) } };
  } catch (error) {
    if (isDomainError(error)) return { kind: error.key === BOOKING_ERRORS.linkExpired ? "expired" : "invalid", site };
    throw error;
  }
}

/**
 * The options a booking was made with, as a selection for the slot search (so a new time
 * fits the job's real length); null when the service's options changed since.
 */
function selectionOf(choices: unknown, service: Parameters<typeof quote>[0]): TOptionSelection | null {
  const selection: TOptionSelection = {};
  for (const c of Array.isArray(choices) ? (choices as Array<{ groupKey?: unknown; choiceKey?: unknown }>) : []) {
    if (typeof c.groupKey !== "string" || typeof c.choiceKey !== "string") continue;
    (selection[c.groupKey] ??= []).push(c.choiceKey);
  }
  try {
    quote(service, selection);
    return selection;
  } catch {
    return null;
  }
}
