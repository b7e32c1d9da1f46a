import { redirect } from "@remix-run/node";
import { listUserTenants } from "#server/tenants/memberships.server";
import { api, requireUser } from "./api.server";

/**
 * Everything a dashboard loader or action needs: the signed-in member, the business they
 * are working on (their last one, else their first), and an API caller bound to it.
 * No business yet -> onboarding.
 */
export async function requireMember(request: Request) {
  const user = await requireUser(request);
  const tenants = await listUserTenants(user.id);
  if (tenants.length === 0) throw redirect(user.isPlatformAdmin ? "/admin" : "/onboarding");
  const current = tenants.find((t) => t.tenantId === user.lastTenantId) ?? tenants[0];
  const caller = await api(request, user, { tenantId: current.tenantId });
  return { user, tenants, current, caller, locale: caller.ctx.locale };
}
