import type { LoaderFunctionArgs } from "@remix-run/node";
import { siteHostOf } from "#server/http/site-host";
import { translateNow } from "#server/i18n/translate.server";
import { loadManagePage } from "~/components/booking/booking-page.server";

/** "/booking/manage/<token>" on a tenant's own host: the same page as /s/<slug>/booking/manage/<token>. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = siteHostOf(request);
  if (!slug || slug === "unknown") throw new Response("Not found", { status: 404 });
  const data = await loadManagePage(request, slug, String(params.token ?? ""));
  return { data, title: `${translateNow(data.site.locale, "booking:manage.title")} · ${data.site.name}` };
}

export { ManagePageRoute as default, bookingMeta as meta } from "~/components/booking/booking-routes";
export { ErrorBoundary } from "~/components/site-error-boundary";
