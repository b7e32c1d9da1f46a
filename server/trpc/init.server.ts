import { initTRPC, TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { ZodError } from "zod";
import { withGlobal, withTenant, type TenantDb } from "../db/db.server";
import { Prisma } from "../db/generated/prisma/client";
import { DomainError, isDomainError, RateLimited, type DomainErrorKind } from "../errors/domain-errors";
import { describeError } from "./describe-error.server";
import { logger } from "../observability/logger.server";
import { annotateRequest } from "../observability/request-context.server";
import { rateLimiter, type TRateLimitPolicy } from "../security/rate-limit.server";
import { can, roleAtLeast, type TCapability, type TRole } from "../tenants/roles";
import type { TrpcContext } from "./context.server";

/**
 * The procedure ladder: publicProcedure -> authedProcedure -> tenantProcedure(min role or
 * capability) -> platformAdminProcedure. Domain errors are mapped to tRPC codes here, once,
 * with their message translated into the caller's language.
 */
const CODE: Record<DomainErrorKind, TRPC_ERROR_CODE_KEY> = {
  NotFound: "NOT_FOUND",
  Forbidden: "FORBIDDEN",
  Conflict: "CONFLICT",
  Invalid: "BAD_REQUEST",
  Unauthenticated: "UNAUTHORIZED",
  RateLimited: "TOO_MANY_REQUESTS",
};

const t = initTRPC.context<TrpcContext>().create({
  errorFormatter({ shape, error, ctx }) {
    const known = error.cause instanceof DomainError || error.cause instanceof ZodError || error.code === "INTERNAL_SERVER_ERROR";
    if (!known) return { ...shape, data: { ...shape.data, stack: undefined, i18nKey: null, fields: null } };
    const described = describeError(error, ctx?.locale ?? "en");
    return {
      ...shape,
      message: described.message,
      data: { ...shape.data, stack: undefined, i18nKey: described.i18nKey, fields: described.fields },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

const errorMapping = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (isDomainError(cause)) throw new TRPCError({ code: CODE[cause.kind], message: cause.key, cause });
  if (cause instanceof Prisma.PrismaClientKnownRequestError && cause.code === "P2002") {
    throw new TRPCError({ code: "CONFLICT", message: "errors:conflict", cause: new DomainError("Conflict", "errors:conflict") });
  }
  if (result.error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: cause ?? result.error, path }, "procedure failed");
  return result;
});

const baseProcedure = t.procedure.use(errorMapping);

/** The business a public call names (booking widget inputs carry `tenantSlug` or `slug`). */
function tenantSlugOf(rawInput: unknown): string | null {
  if (!rawInput || typeof rawInput !== "object") return null;
  const input = rawInput as { tenantSlug?: unknown; slug?: unknown };
  const slug = typeof input.tenantSlug === "string" ? input.tenantSlug : typeof input.slug === "string" ? input.slug : null;
  return slug ? slug.trim().toLowerCase().slice(0, 80) : null;
}

/**
 * Every public procedure is bounded, signed in or not: per client address first (so one
 * client's excess never eats the business's budget), then per business named in the input.
 */
const publicLimits = t.middleware(async ({ ctx, next, getRawInput }) => {
  const limiter = rateLimiter();
  const perClient = await limiter.consume("publicClient", ctx.ip);
  if (!perClient.allowed) throw RateLimited(perClient.retryAfterSeconds, "errors:tooManyRequests");
  const slug = tenantSlugOf(await getRawInput().catch(() => null));
  if (slug) {
    const perTenant = await limiter.consume("publicTenant", slug);
    if (!perTenant.allowed) throw RateLimited(perTenant.retryAfterSeconds, "errors:tooManyRequests");
  }
  return next();
});

export const publicProcedure = baseProcedure.use(publicLimits);

export const authedProcedure = baseProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new DomainError("Unauthenticated", "errors:signInRequired");
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export interface TenantContextFacts {
  tenantId: string;
  role: TRole;
  /** Runs a unit of work on the tenant's rows (RLS-bound). */
  db<T>(fn: (db: TenantDb) => Promise<T>): Promise<T>;
}

/** Procedures on the current tenant, for members whose role reaches `min` (a role or a capability). */
export function tenantProcedure(min: TRole | TCapability = "STAFF") {
  return authedProcedure.use(async ({ ctx, next }) => {
    const tenantId = ctx.tenantIdHint;
    if (!tenantId) throw new DomainError("Forbidden", "errors:tenant.notMember");
    // One round trip for both facts: the caller's role and the tenant's status.
    const found = await withGlobal(async (g) => {
      const [membership, t] = await Promise.all([
        g.membership.findUnique({ where: { tenantId_userId: { tenantId, userId: ctx.user.id } }, select: { role: true } }),
        g.tenant.findUnique({ where: { id: tenantId }, select: { status: true } }),
      ]);
      return { role: membership?.role ?? null, tenant: t };
    });
    const { role, tenant } = found;
    if (!role || !tenant) throw new DomainError("Forbidden", "errors:tenant.notMember");
    if (tenant.status === "SUSPENDED" && !ctx.user.isPlatformAdmin) throw new DomainError("Forbidden", "errors:tenant.suspended");
    const allowed = min === "OWNER" || min === "MANAGER" || min === "STAFF" ? roleAtLeast(role, min) : can(role, min);
    if (!allowed) throw new DomainError("Forbidden", "errors:forbidden");
    annotateRequest({ tenantId });
    const userId = ctx.user.id;
    const tenant_: TenantContextFacts = { tenantId, role, db: (fn) => withTenant(tenantId, fn, { userId }) };
    return next({ ctx: { ...ctx, tenant: tenant_ } });
  });
}

export const platformAdminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!ctx.user.isPlatformAdmin) throw new DomainError("Forbidden", "errors:forbidden");
  return next({ ctx });
});

/** Rate limit a procedure per client IP (public forms, sign-in). */
export function rateLimited(policy: TRateLimitPolicy) {
  return t.middleware(async ({ ctx, next }) => {
    const decision = await rateLimiter().consume(policy, ctx.ip);
    if (!decision.allowed) throw RateLimited(decision.retryAfterSeconds);
    return next();
  });
}
