import type { LoaderFunctionArgs } from "@remix-run/node";
import { getSessionUser } from "#server/auth/identity.server";
import { inboxEventStream } from "#server/conversations/inbox-stream.server";
import { can } from "#server/tenants/roles";
import { listUserTenants } from "#server/tenants/memberships.server";

/**
 * The inbox's live feed (Server-Sent Events) for the signed-in member's current business,
 * or `?tenantId=` when they belong to it. Answers 401/403 instead of redirecting: an
 * EventSource cannot follow a sign-in page.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (!user) return new Response("Sign in required", { status: 401 });
  const tenants = await listUserTenants(user.id);
  const wanted = new URL(request.url).searchParams.get("tenantId");
  const current = wanted
    ? tenants.find((t) => t.tenantId === wanted)
    : (tenants.find((t) => t.tenantId === user.lastTenantId) ?? tenants[0]);
  if (!current || !can(current.role, "inbox.reply")) return new Response("Not a member of this business", { status: 403 });
  if (current.status === "SUSPENDED" && !user.isPlatformAdmin) return new Response("This business is suspended", { status: 403 });
  return inboxEventStream({ tenantId: current.tenantId, signal: request.signal });
}
