import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { nonceCookie, readNonceCookie, readOAuthState } from "#server/calendar/oauth.server";
import { isDomainError } from "#server/errors/domain-errors";
import { logger } from "#server/observability/logger.server";
import { api, requireUser } from "~/lib/api.server";

/**
 * Google sends the member back here with ?code&state (or ?error). The API checks the
 * state against this user, the business named in it and this browser's nonce cookie,
 * then stores the connection. The member lands on the calendar page with the outcome.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const headers = { "Set-Cookie": nonceCookie(""), "Cache-Control": "no-store" };
  const back = (query: string) => redirect(`/dashboard/calendar?${query}`, { headers });

  if (url.searchParams.get("error"))
    return back(url.searchParams.get("error") === "access_denied" ? "notice=cancelled" : "error=googleRefused");
  const code = url.searchParams.get("code");
  const stateToken = url.searchParams.get("state") ?? "";
  if (!code) return back("error=missingCode");
  // The business the flow was started for (its signature is checked again, fully, by the API).
  const state = readOAuthState(stateToken);
  if (!state) return back("error=badState");
  try {
    const caller = await api(request, user, { tenantId: state.tid });
    const result = await caller.calendar.completeConnect({
      code,
      state: stateToken,
      nonce: readNonceCookie(request.headers.get("Cookie")),
    });
    // Land on the business the calendar was connected for, even if another tab switched away.
    if (user.lastTenantId !== state.tid) await caller.me.switchTenant({ tenantId: state.tid });
    return back(result.reconnected ? "notice=reconnected" : "notice=connected");
  } catch (error) {
    const cause = (error as { cause?: unknown })?.cause;
    if (!isDomainError(cause)) {
      logger.error({ err: error }, "calendar OAuth callback failed");
      return back("error=googleRefused");
    }
    // Not (or no longer) allowed to manage this business's calendars: a plain "no permission".
    const key = cause.key.startsWith("calendar:errors.") ? cause.key.slice("calendar:errors.".length) : "forbidden";
    return back(`error=${encodeURIComponent(key)}`);
  }
}
