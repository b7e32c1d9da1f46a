import { getTRPCErrorShape, TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { readConfig } from "../../../server/config/config-service.server";
import { getDatabase, withGlobal, withTenant } from "../../../server/db/db.server";
import { DomainError } from "../../../server/errors/domain-errors";
import { getPack } from "../../../server/packs";
import { createTenant, isSlugAvailable } from "../../../server/tenants/create-tenant.server";
import { slugify } from "../../../server/tenants/slug";
import type { TrpcContext } from "../../../server/trpc/context.server";
import { appRouter } from "../../../server/trpc/router.server";
import { callerFor, createTestTenant, createTestUser, onboardingInput, uid } from "../../helpers/factories";

/** Everything that could exist for a business name after a failed onboarding (tenant ids are unknown then). */
async function traces(businessName: string, ownerId: string) {
  const admin = (await getDatabase()).admin;
  const [row] = await admin.query<{ tenants: number; memberships: number; events: number; last_tenant_id: string | null }>(
    `SELECT (SELECT count(*)::int FROM "tenants" WHERE "name" = $1) AS tenants,
            (SELECT count(*)::int FROM "memberships" WHERE "user_id" = $2) AS memberships,
            (SELECT count(*)::int FROM "outbox_events" WHERE "data"->>'name' = $1) AS events,
            (SELECT "last_tenant_id" FROM "users" WHERE "id" = $2) AS last_tenant_id`,
    [businessName, ownerId],
  );
  return row;
}

describe("onboarding: createTenant", () => {
  it("creates the tenant, the OWNER membership, services in integer cents, HOURS and EMAIL overrides, an audit row and a tenant/created event", async () => {
    const owner = await createTestUser();
    const pack = getPack("house-cleaning");
    const hours = { ...structuredClone(pack.config.HOURS.weekly), sun: [{ open: "10:00", close: "14:00" }] };
    const input = onboardingInput("house-cleaning", { hours, locale: "es", timeZone: "America/Mexico_City" });
    input.services = [
      { ...input.services[0]!, name: pack.services[0]!.name.es }, // unedited pack service
      { packServiceKey: pack.services[1]!.key, name: "Limpieza a mi manera", durationMinutes: 95, priceCents: 12_345 }, // edited
      { packServiceKey: null, name: "Ventanas", durationMinutes: 30, priceCents: 0 }, // the owner's own
    ];
    const created = await createTenant(input, owner);
    expect(created.slug).toBe(slugify(input.businessName));
    expect(created.name).toBe(input.businessName);

    const tenant = await withGlobal((g) => g.tenant.findUniqueOrThrow({ where: { id: created.id } }));
    expect(tenant).toMatchObject({
      slug: created.slug,
      industryPackKey: "house-cleaning",
      timeZone: "America/Mexico_City",
      defaultLocale: "es",
      status: "ACTIVE",
    });

    const rows = await withTenant(created.id, async (db) => ({
      memberships: await db.membership.findMany({ select: { userId: true, role: true } }),
      services: await db.service.findMany({ orderBy: { sortOrder: "asc" } }),
      overrides: await db.configOverride.findMany({
        orderBy: { node: "asc" },
        select: { node: true, data: true, version: true, updatedByUserId: true },
      }),
      audit: await db.auditEntry.findMany({ where: { action: "tenant.created" } }),
      events: await db.outboxEvent.findMany({ orderBy: { createdAt: "asc" }, select: { name: true, data: true, deliveredAt: true } }),
      hours: await readConfig(db, "HOURS"),
    }));
    expect(rows.memberships).toEqual([{ userId: owner.id, role: "OWNER" }]);
    expect(
      rows.services.map((s) => ({
        key: s.packServiceKey,
        name: s.name,
        minutes: s.durationMinutes,
        cents: s.priceCents,
        sort: s.sortOrder,
      })),
    ).toEqual([
      {
        key: pack.services[0]!.key,
        name: pack.services[0]!.name,
        minutes: pack.services[0]!.durationMinutes,
        cents: pack.services[0]!.priceCents,
        sort: 0,
      },
      { key: pack.services[1]!.key, name: { es: "Limpieza a mi manera", en: "Limpieza a mi manera" }, minutes: 95, cents: 12_345, sort: 1 },
      { key: null, name: { es: "Ventanas", en: "Ventanas" }, minutes: 30, cents: 0, sort: 2 },
    ]);
    for (const s of rows.services) expect(Number.isInteger(s.priceCents)).toBe(true);
    const [{ data_type }] = await (
      await getDatabase()
    ).admin.query<{ data_type: string }>(
      `SELECT data_type FROM information_schema.columns WHERE table_name = 'services' AND column_name = 'price_cents'`,
    );
    expect(data_type).toBe("integer");

    expect(rows.overrides).toEqual([
      { node: "EMAIL", data: { fromName: input.businessName }, version: 1, updatedByUserId: owner.id },
      { node: "HOURS", data: { weekly: hours }, version: 1, updatedByUserId: owner.id },
    ]);
    expect(rows.hours.weekly.sun).toEqual([{ open: "10:00", close: "14:00" }]);
    expect(rows.audit).toHaveLength(1);
    expect(rows.audit[0]).toMatchObject({
      actorUserId: owner.id,
      targetType: "tenant",
      targetId: created.id,
      data: { pack: "house-cleaning" },
    });
    expect(rows.events.filter((e) => e.name === "tenant/created")).toEqual([
      {
        name: "tenant/created",
        data: { tenantId: created.id, slug: created.slug, name: input.businessName, ownerUserId: owner.id, locale: "es" },
        deliveredAt: null,
      },
    ]);
    // Every event of the onboarding is in the outbox, written by the same transaction.
    expect(rows.events.map((e) => e.name).sort()).toEqual(["config/changed", "config/changed", "tenant/created"]);
    expect((await withGlobal((g) => g.user.findUniqueOrThrow({ where: { id: owner.id } }))).lastTenantId).toBe(created.id);
  });

  it("leaves nothing at all when the database rejects a service midway (duration 0 violates the CHECK)", async () => {
    const owner = await createTestUser();
    const input = onboardingInput("auto-detailing");
    input.services = [...input.services, { packServiceKey: null, name: "Broken", durationMinutes: 0, priceCents: 100 }];
    await expect(createTenant(input, owner)).rejects.toThrow(/services_duration_minutes_check|check constraint/i);
    expect(await traces(input.businessName, owner.id)).toEqual({ tenants: 0, memberships: 0, events: 0, last_tenant_id: null });
    expect(await isSlugAvailable(slugify(input.businessName))).toBe(true);
  });

  it("leaves nothing when the hours fail validation after the services were written", async () => {
    const owner = await createTestUser();
    const input = onboardingInput("lawn-care", {
      hours: { ...getPack("lawn-care").config.HOURS.weekly, mon: [{ open: "18:00", close: "09:00" }] },
    });
    const error = await createTenant(input, owner).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      kind: "Invalid",
      key: "errors:config.invalid",
      fields: { "weekly.mon.0": "errors:validation.openBeforeClose" },
    });
    expect(await traces(input.businessName, owner.id)).toEqual({ tenants: 0, memberships: 0, events: 0, last_tenant_id: null });
  });

  it("through tRPC: zod rejects an invalid duration with a translated field message and nothing is written", async () => {
    const owner = await createTestUser();
    const input = onboardingInput("hvac");
    input.services[1] = { ...input.services[1]!, durationMinutes: 0 };
    const error = await callerFor(owner, null, "es")
      .tenants.create(input)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    const shape = getTRPCErrorShape({
      config: appRouter._def._config,
      error: error as TRPCError,
      type: "mutation",
      path: "tenants.create",
      input,
      ctx: { locale: "es" } as TrpcContext,
    });
    expect(shape).toMatchObject({
      message: "Algunos campos necesitan su atención.",
      data: { httpStatus: 400, fields: { "services.1.durationMinutes": "La duración debe estar entre 5 minutos y 24 horas." } },
    });
    expect(await traces(input.businessName, owner.id)).toEqual({ tenants: 0, memberships: 0, events: 0, last_tenant_id: null });

    // The valid input goes through the same procedure and the owner can work on the new business at once.
    const ok = await callerFor(owner, null).tenants.create(onboardingInput("hvac"));
    const current = await callerFor(owner, ok.id).tenants.current();
    expect(current).toMatchObject({ tenant: { id: ok.id, slug: ok.slug, industryPackKey: "hvac", status: "ACTIVE" }, role: "OWNER" });
  });
});

describe("onboarding: slugs", () => {
  it("derives the slug from the business name and numbers duplicates", async () => {
    const name = `Shiny Cars & Co ${uid("n")}`;
    const first = await createTestTenant({ input: { businessName: name } });
    const second = await createTestTenant({ input: { businessName: name } });
    const third = await createTestTenant({ input: { businessName: name } });
    expect(first.slug).toBe(slugify(name));
    expect(first.slug).toMatch(/^shiny-cars-and-co-n-[0-9a-f]{8}$/);
    expect(second.slug).toBe(`${first.slug}-2`);
    expect(third.slug).toBe(`${first.slug}-3`);
  });

  it("a reserved name gets a usable slug instead of the reserved word", async () => {
    const t = await createTestTenant({ input: { businessName: "Admin" } });
    expect(t.slug).toMatch(/^admin-co(-\d+)?$/);
  });

  it("an explicit slug that is taken is a CONFLICT (slug taken), with a field message; an invalid one is refused", async () => {
    const slug = uid("taken");
    const first = await createTestTenant({ input: { slug } });
    expect(first.slug).toBe(slug);
    expect(await isSlugAvailable(slug)).toBe(false);

    const owner = await createTestUser();
    const direct = await createTenant(onboardingInput("auto-detailing", { slug }), owner).catch((e: unknown) => e);
    expect(direct).toMatchObject({ kind: "Conflict", key: "errors:tenant.slugTaken", fields: { slug: "errors:tenant.slugTaken" } });

    const viaTrpc = await callerFor(owner, null)
      .tenants.create(onboardingInput("auto-detailing", { slug: slug.toUpperCase() }))
      .catch((e: unknown) => e);
    expect(viaTrpc).toBeInstanceOf(TRPCError);
    expect((viaTrpc as TRPCError).code).toBe("CONFLICT");
    expect(await withGlobal((g) => g.membership.count({ where: { userId: owner.id } }))).toBe(0);

    for (const bad of ["admin", "Bad Slug", "-dash", ""]) {
      await expect(createTenant(onboardingInput("auto-detailing", { slug: bad }), owner)).rejects.toMatchObject({
        kind: "Invalid",
        key: "errors:tenant.slugInvalid",
      });
    }
    expect(await isSlugAvailable("admin")).toBe(false);
  });

  it("suggestSlug (public) reports validity and availability", async () => {
    const t = await createTestTenant();
    const caller = callerFor(null);
    expect(await caller.tenants.suggestSlug({ name: t.name })).toEqual({ slug: t.slug, valid: true, available: false });
    const fresh = `Fresh Start ${uid("f")}`;
    expect(await caller.tenants.suggestSlug({ name: fresh })).toEqual({ slug: slugify(fresh), valid: true, available: true });
    expect(await caller.tenants.suggestSlug({ name: "Dashboard" })).toEqual({ slug: "dashboard", valid: false, available: false });
  });
});
