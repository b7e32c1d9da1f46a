import { isDomainError } from "#server/errors/domain-errors";
import { detectLocale } from "#server/i18n/i18n.server";
import { pickLocale, type TLocale } from "#server/i18n/localized-text";
import { BOOKING_ERRORS } from "#server/booking/booking-errors";
import {
  getManagedBooking,
  managedBookingSelection,
  publicBookingCatalog,
  withManagedBooking,
} from "#server/booking/manage-booking.server";
import { siteHostOf } from "#server/http/site-host";
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
  const catalog = await publicBookingCatalog(slug);
  if (!catalog) throw new Response("Not found", { status: 404 });
  const { services, booking } = catalog;
  const wanted = new URL(request.url).searchParams.get("service");
  return {
    site,
    preselectedServiceId: services.some((s) => s.id === wanted) ? wanted : null,
    holdMinutes: booking.holdMinutes,
    requireConfirmation: booking.requireConfirmation,
    addressRequired: booking.serviceArea.mode !== "NONE",
    services: services.map((s) => ({
      id: s.id,
      name: pickLocale(s.name, locale),
      description: pickLocale(s.description, locale),
      durationMinutes: s.durationMinutes,
      priceCents: s.priceCents,
      // Raw (both languages) so the shared quote() computes exactly what the server will charge.
      optionGroups: s.optionGroups,
      depositRule: s.depositRule,
    })),
  };
}

/**
 * The manage page: the booking behind a signed link, or why it cannot be shown (a bad or
 * expired link is a friendly page, never a 500).
 */
export async function loadManagePage(request: Request, slug: string, token: string): Promise<ManagePageData> {
  const locale = await detectLocale(request);
  const site = await siteOf(request, slug, locale);
  try {
    const { booking, selection } = await withManagedBooking(slug, token, async (db, bookingId, tenant) => ({
      booking: await getManagedBooking(db, bookingId, tenant),
      selection: await managedBookingSelection(db, bookingId),
    }));
    return { kind: "booking", site, token, selection, booking: { ...booking, serviceName: pickLocale(booking.service.name, locale) } };
  } catch (error) {
    if (isDomainError(error)) return { kind: error.key === BOOKING_ERRORS.linkExpired ? "expired" : "invalid", site };
    throw error;
  }
}
