import { randomUUID } from "node:crypto";
import { getSessionUser } from "../auth/identity.server";
import { detectLocale } from "../i18n/i18n.server";
import type { TLocale } from "../i18n/localized-text";
import { requestContext } from "../observability/request-context.server";
import type { SessionUser } from "../users/session-user";

/** Who is asking, in which language, about which tenant. Built once per request. */
export interface TrpcContext {
  requestId: string;
  request: Request;
  user: SessionUser | null;
  locale: TLocale;
  /** The tenant the dashboard is working on: the x-tenant-id header, else the user's last one. */
  tenantIdHint: string | null;
  ip: string;
}

export function clientIp(request: Request): string {
  // The HTTP tier sets x-sp-client-ip from Express's req.ip (which reads X-Forwarded-For only as far
  // as TRUST_PROXY allows) after dropping any client-sent copy. X-Forwarded-For itself is never read
  // here: a client could write anything in it.
  return request.headers.get("x-sp-client-ip") ?? "unknown";
}

export async function createTrpcContext(request: Request, preset: Partial<Pick<TrpcContext, "user">> = {}): Promise<TrpcContext> {
  const user = "user" in preset ? (preset.user ?? null) : await getSessionUser(request);
  return {
    requestId: requestContext()?.requestId ?? request.headers.get("x-request-id") ?? randomUUID(),
    request,
    user,
    locale: await detectLocale(request, user),
    tenantIdHint: request.headers.get("x-tenant-id") ?? user?.lastTenantId ?? null,
    ip: clientIp(request),
  };
}
