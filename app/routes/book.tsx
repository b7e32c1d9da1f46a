import type { LoaderFunctionArgs } from "@remix-run/node";
import { siteHostOf } from "#server/http/site-host";
import { translateNow } from "#server/i18n/translate.server";
import { loadBookingPage } from "~/components/booking/booking-page.server";

/** "/book" on a tenant's own host (subdomain or custom domain): the same page as /s/<slug>/book. */
export async function loader({ request }: LoaderFunctionArgs) {
  const slug = siteHostOf(request);
  if (!slug || slug === "unknown") throw new Response("Not found", { status: 404 });
  const page = await loadBookingPage(request, slug);
  return { page, title: `${translateNow(page.site.locale, "booking:title")} · ${page.site.name}` };
}

export { BookPageRoute as default, bookingMeta as meta } from "~/components/booking/booking-routes";
export { ErrorBoundary } from "~/components/site-error-boundary";
