import { redirect } from "@remix-run/node";
import { getSessionUser } from "#server/auth/identity.server";
import { createTrpcContext } from "#server/trpc/context.server";
import { describeError, type DescribedError } from "#server/trpc/describe-error.server";
import { createCaller } from "#server/trpc/router.server";
import type { SessionUser } from "#server/users/session-user";
import { logger } from "#server/observability/logger.server";
import { safeRedirectPath } from "#server/security/safe-redirect";

/**
 * Loaders and actions call the API through a server-side tRPC caller: the same input
 * validation, roles and tenant checks as the HTTP API, without a network hop.
 */
export async function api(request: Request, user?: SessionUser | null, options: { tenantId?: string } = {}) {
  const ctx = await createTrpcContext(request, user === undefined ? {} : { user });
  if (options.tenantId) ctx.tenantIdHint = options.tenantId;
  // The caller is a proxy that turns every property into a procedure path, so `ctx` is
  // served by a wrapping proxy rather than assigned onto it.
  const caller = createCaller(ctx);
  return new Proxy(caller, {
    get: (target, prop, receiver) => (prop === "ctx" ? ctx : Reflect.get(target, prop, receiver)),
  }) as typeof caller & { ctx: typeof ctx };
}

/** The signed-in user, or a redirect to sign-in that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

/** Only same-site paths may be redirect targets (no open redirects): see server/security/safe-redirect.ts. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/dashboard"): string {
  return safeRedirectPath(to, fallback);
}

export type ActionFailure = { ok: false; error: DescribedError };

/** Turns an API error into what a form shows (message and per-field errors, translated). */
export function actionFailure(error: unknown, locale: string): ActionFailure {
  const described = describeError(error, locale);
  if (described.status >= 500) logger.error({ err: error }, "action failed unexpectedly");
  return { ok: false, error: described };
}
