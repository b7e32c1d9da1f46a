import { getTRPCErrorShape, TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { setTenantStatus } from "../../../server/admin/tenant-status.server";
import { getDatabase, withTenant } from "../../../server/db/db.server";
import { PACK_KEYS } from "../../../server/packs";
import { appRouter } from "../../../server/trpc/router.server";
import { callerFor, createMember, createTestTenant, createTestUser } from "../../helpers/factories";

async function failure(p: Promise<unknown>): Promise<TRPCError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

const shapeOf = (error: TRPCError, locale: "en" | "es" = "en") =>
  getTRPCErrorShape({
    config: appRouter._def._config,
    error,
    type: "mutation",
    path: undefined,
    input: undefined,
    ctx: { locale } as never,
  }) as {
    message: string;
    data: { code: string; httpStatus: number; i18nKey: string | null; fields: Record<string, string> | null; stack?: string };
  };

describe("procedure ladder", () => {
  it("publicProcedure works signed out", async () => {
    const caller = callerFor(null);
    expect((await caller.packs.list()).map((p) => p.key)).toEqual([...PACK_KEYS]);
    expect(await caller.me.get()).toEqual({ user: null, tenants: [] });
    expect((await caller.packs.get({ key: "hvac" })).key).toBe("hvac");
    expect((await failure(caller.packs.get({ key: "nope" }))).code).toBe("NOT_FOUND");
  });

  it("authedProcedure is UNAUTHORIZED signed out, with a translated message", async () => {
    const error = await failure(callerFor(null, null, "es").me.updatePreferences({ locale: "es" }));
    expect(error.code).toBe("UNAUTHORIZED");
    expect(shapeOf(error, "es")).toMatchObject({
      message: "Inicie sesión para continuar.",
      data: { httpStatus: 401, i18nKey: "errors:signInRequired" },
    });
    expect((await failure(callerFor(null).tenants.current())).code).toBe("UNAUTHORIZED");
    // Signed in, the same procedure works.
    const user = await createTestUser();
    expect(await callerFor(user).me.updatePreferences({ locale: "es", dashboardMode: "ADVANCED" })).toMatchObject({
      id: user.id,
      locale: "es",
      dashboardMode: "ADVANCED",
    });
  });

  it("tenantProcedure is FORBIDDEN for a non-member, for another tenant's id, and with no tenant at all", async () => {
    const [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
    const outsider = await createTestUser();
    const notMember = await failure(callerFor(outsider, a.id, "es").tenants.current());
    expect(notMember.code).toBe("FORBIDDEN");
    expect(shapeOf(notMember, "es").message).toBe("Usted no es miembro de este negocio.");
    expect((await failure(callerFor(a.owner, b.id).tenants.current())).code).toBe("FORBIDDEN");
    expect((await failure(callerFor(a.owner, b.id).services.list())).code).toBe("FORBIDDEN");
    expect((await failure(callerFor({ ...a.owner, lastTenantId: null }, null).tenants.current())).code).toBe("FORBIDDEN");
    expect((await failure(callerFor(a.owner, "not-a-tenant").tenants.current())).code).toBe("FORBIDDEN");
    // The control: each owner on their own tenant.
    expect((await callerFor(a.owner, a.id).tenants.current()).tenant.id).toBe(a.id);
    expect((await callerFor(b.owner, b.id).tenants.current()).role).toBe("OWNER");
  });

  it("a suspended tenant is FORBIDDEN to its members (platform admins who are members still get in)", async () => {
    const t = await createTestTenant();
    const admin = await createTestUser({ isPlatformAdmin: true });
    await setTenantStatus(t.id, "SUSPENDED", "chargeback", admin.id);
    const error = await failure(callerFor(t.owner, t.id).tenants.current());
    expect(error.code).toBe("FORBIDDEN");
    expect(shapeOf(error).data.i18nKey).toBe("errors:tenant.suspended");
    expect(shapeOf(error).message).toBe("This business is suspended. Contact ServicePro support.");
    // A platform admin who is not a member is still not a member.
    expect((await failure(callerFor(admin, t.id).tenants.current())).code).toBe("FORBIDDEN");
    const adminMember = await createTestUser({ isPlatformAdmin: true });
    await withTenant(t.id, (db) => db.membership.create({ data: { tenantId: t.id, userId: adminMember.id, role: "STAFF" } }));
    expect((await callerFor(adminMember, t.id).tenants.current()).tenant.status).toBe("SUSPENDED");

    await setTenantStatus(t.id, "ACTIVE", null, admin.id);
    expect((await callerFor(t.owner, t.id).tenants.current()).tenant.status).toBe("ACTIVE");
  });

  it("platformAdminProcedure is FORBIDDEN for an owner and OK for a platform admin", async () => {
    const t = await createTestTenant();
    expect((await failure(callerFor(t.owner, t.id).admin.tenants.list())).code).toBe("FORBIDDEN");
    expect((await failure(callerFor(t.owner, t.id).admin.tenants.setStatus({ tenantId: t.id, status: "SUSPENDED" }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await failure(callerFor(null).admin.jobs.stats())).code).toBe("UNAUTHORIZED");

    const admin = await createTestUser({ isPlatformAdmin: true });
    const list = await callerFor(admin).admin.tenants.list();
    expect(list.find((x) => x.id === t.id)).toMatchObject({ slug: t.slug, status: "ACTIVE", members: 1 });
    await callerFor(admin).admin.tenants.setStatus({ tenantId: t.id, status: "SUSPENDED", reason: "test" });
    expect((await callerFor(admin).admin.tenants.list()).find((x) => x.id === t.id)?.status).toBe("SUSPENDED");
    expect((await failure(callerFor(admin).admin.tenants.setStatus({ tenantId: "missing-tenant", status: "ACTIVE" }))).code).toBe(
      "NOT_FOUND",
    );
  });
});

describe("services.create", () => {
  it("stores integer cents and rejects 12.5 cents and negative prices with field errors", async () => {
    const t = await createTestTenant();
    const caller = callerFor(t.owner, t.id);
    const created = await caller.services.create({
      locale: "en",
      name: "Headlight restore",
      description: "Both lamps",
      durationMinutes: 45,
      priceCents: 2550,
    });
    expect(created).toMatchObject({
      name: { en: "Headlight restore", es: "Headlight restore" },
      priceCents: 2550,
      durationMinutes: 45,
      active: true,
    });
    const [row] = await (
      await getDatabase()
    ).admin.query<{ price_cents: number; t: string }>(`SELECT price_cents, pg_typeof(price_cents)::text AS t FROM services WHERE id = $1`, [
      created.id,
    ]);
    expect(row).toEqual({ price_cents: 2550, t: "integer" });
    const list = await caller.services.list();
    expect(list.at(-1)).toMatchObject({ id: created.id, sortOrder: list.length - 1 });

    const fractional = await failure(caller.services.create({ locale: "en", name: "Half", durationMinutes: 30, priceCents: 12.5 }));
    expect(fractional.code).toBe("BAD_REQUEST");
    expect(Object.keys(shapeOf(fractional).data.fields ?? {})).toEqual(["priceCents"]);

    const negative = await failure(
      callerFor(t.owner, t.id, "es").services.create({ locale: "es", name: "Gratis", durationMinutes: 30, priceCents: -100 }),
    );
    expect(negative.code).toBe("BAD_REQUEST");
    expect(shapeOf(negative, "es").data.fields).toEqual({ priceCents: "Escriba un precio de $0 o más." });
    expect(shapeOf(negative, "en").data.fields).toEqual({ priceCents: "Enter a price of $0 or more." });

    const both = await failure(caller.services.create({ locale: "en", name: "", durationMinutes: 2, priceCents: 1 }));
    expect(shapeOf(both).data.fields).toEqual({
      name: "This field is required.",
      durationMinutes: "Duration must be between 5 minutes and 24 hours.",
    });

    expect(await withTenant(t.id, (db) => db.service.count({ where: { name: { path: ["en"], string_contains: "Half" } } }))).toBe(0);
    expect(await withTenant(t.id, (db) => db.service.count({ where: { priceCents: { lt: 0 } } }))).toBe(0);
  });

  it("STAFF cannot create services (services.manage is MANAGER), MANAGER can", async () => {
    const t = await createTestTenant();
    const [staff, manager] = await Promise.all([createMember(t.id, "STAFF"), createMember(t.id, "MANAGER")]);
    const input = { locale: "en" as const, name: "Clay bar", durationMinutes: 60, priceCents: 8_000 };
    expect((await failure(callerFor(staff.user, t.id).services.create(input))).code).toBe("FORBIDDEN");
    expect((await callerFor(manager.user, t.id).services.create(input)).priceCents).toBe(8_000);
    expect((await callerFor(staff.user, t.id).services.list()).some((s) => s.name.en === "Clay bar")).toBe(true);
  });
});
