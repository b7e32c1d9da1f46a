import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { nonceCookie } from "#server/calendar/oauth.server";
import { isDomainError } from "#server/errors/domain-errors";
import { requireMember } from "~/lib/dashboard.server";

/**
 * POST from the calendar page: asks the API for Google's consent URL (checks role and
 * target), puts the state's nonce in this browser's cookie, and sends the member to Google.
 */
export async function action({ request }: ActionFunctionArgs) {
  const { caller } = await requireMember(request);
  const form = await request.formData();
  const staffId = String(form.get("staffId") ?? "") || null;
  try {
    const { url, nonce } = await caller.calendar.connectUrl({ staffId });
    return redirect(url, { headers: { "Set-Cookie": nonceCookie(nonce), "Cache-Control": "no-store" } });
  } catch (error) {
    const cause = (error as { cause?: unknown })?.cause;
    if (!isDomainError(cause)) throw error;
    const key = cause.key.startsWith("calendar:errors.") ? cause.key.slice("calendar:errors.".length) : "forbidden";
    return redirect(`/dashboard/calendar?error=${encodeURIComponent(key)}`);
  }
}

/** A GET (a bookmarked or crafted link) starts nothing. */
export function loader() {
  return redirect("/dashboard/calendar");
}
