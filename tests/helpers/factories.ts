import { randomUUID } from "node:crypto";
import { withTenant } from "../../server/db/db.server";
import type { TLocale } from "../../server/i18n/localized-text";
import { getPack, type TPackKey } from "../../server/packs";
import { createTenant, type CreatedTenant, type TOnboardingInput } from "../../server/tenants/create-tenant.server";
import type { TRole } from "../../server/tenants/roles";
import { createCaller } from "../../server/trpc/router.server";
import type { SessionUser } from "../../server/users/session-user";
import { createUser } from "../../server/users/users.server";

/**
 * Factories shared by the integration tests. Every call makes unique names, slugs and
 * emails: on the PostgreSQL server all test files share one database.
 */

/** A short unique suffix (lower-case, slug- and email-safe). */
export const uid = (prefix = "t") => `${prefix}-${randomUUID().slice(0, 8)}`;

export async function createTestUser(overrides: Partial<Parameters<typeof createUser>[0]> = {}): Promise<SessionUser> {
  const id = uid("user");
  return createUser({ email: `${id}@test.example`, name: `User ${id}`, isPlatformAdmin: false, ...overrides });
}

export interface TestTenant extends CreatedTenant {
  owner: SessionUser;
  packKey: TPackKey;
}

/** The onboarding input the wizard would submit for a pack, untouched (pack services and hours). */
export function onboardingInput(packKey: TPackKey = "auto-detailing", overrides: Partial<TOnboardingInput> = {}): TOnboardingInput {
  const pack = getPack(packKey);
  const locale = overrides.locale ?? "en";
  return {
    businessName: `Biz ${uid("b")}`,
    packKey,
    timeZone: "America/Chicago",
    locale,
    hours: structuredClone(pack.config.HOURS.weekly),
    services: pack.services.map((s) => ({
      packServiceKey: s.key,
      name: s.name[locale],
      durationMinutes: s.durationMinutes,
      priceCents: s.priceCents,
    })),
    ...overrides,
  };
}

/** A business created through the real onboarding (createTenant), owned by `owner` (a new user by default). */
export async function createTestTenant(
  options: { owner?: SessionUser; packKey?: TPackKey; input?: Partial<TOnboardingInput> } = {},
): Promise<TestTenant> {
  const owner = options.owner ?? (await createTestUser());
  const packKey = options.packKey ?? "auto-detailing";
  const created = await createTenant(onboardingInput(packKey, options.input), owner);
  return { ...created, owner: { ...owner, lastTenantId: created.id }, packKey };
}

/** Adds an existing user to a tenant with a role (as the tenant itself would). Returns the membership id. */
export async function addMember(tenantId: string, user: SessionUser, role: TRole): Promise<string> {
  const m = await withTenant(tenantId, (db) => db.membership.create({ data: { tenantId, userId: user.id, role }, select: { id: true } }));
  return m.id;
}

/** A new user who is a member of the tenant with `role`. */
export async function createMember(tenantId: string, role: TRole): Promise<{ user: SessionUser; membershipId: string }> {
  const user = await createTestUser();
  const membershipId = await addMember(tenantId, user, role);
  return { user: { ...user, lastTenantId: tenantId }, membershipId };
}

/** A server-side tRPC caller for `user` (null: signed out) working on `tenantId`. */
export function callerFor(user: SessionUser | null, tenantId?: string | null, locale: TLocale = "en") {
  return createCaller({
    requestId: uid("req"),
    request: new Request("http://localhost/"),
    user,
    locale,
    tenantIdHint: tenantId ?? user?.lastTenantId ?? null,
    ip: "127.0.0.1",
  });
}
