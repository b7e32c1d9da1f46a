import type { LoaderFunctionArgs } from "@remix-run/node";
import { translateNow } from "#server/i18n/translate.server";
import { loadManagePage } from "~/components/booking/booking-page.server";
import { ManagePageRoute, bookingMeta } from "~/components/booking/booking-routes";

/** The customer's "manage your booking" page behind the signed link: /s/<slug>/booking/manage/<token>. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const data = await loadManagePage(request, String(params.slug ?? ""), String(params.token ?? ""));
  return { data, title: `${translateNow(data.site.locale, "booking:manage.title")} · ${data.site.name}` };
}

export const meta = bookingMeta;
export default ManagePageRoute;
export { ErrorBoundary } from "~/components/site-error-boundary";
