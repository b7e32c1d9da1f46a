import type { LoaderFunctionArgs } from "@remix-run/node";
import { translateNow } from "#server/i18n/translate.server";
import { loadBookingPage } from "~/components/booking/booking-page.server";
import { BookPageRoute, bookingMeta } from "~/components/booking/booking-routes";

/** The public booking page of a business: /s/<slug>/book (routes/book.tsx serves it as /book on the business's own host). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await loadBookingPage(request, String(params.slug ?? ""));
  return { page, title: `${translateNow(page.site.locale, "booking:title")} · ${page.site.name}` };
}

export const meta = bookingMeta;
export default BookPageRoute;
export { ErrorBoundary } from "~/components/site-error-boundary";
