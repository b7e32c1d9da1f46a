import { describe, expect, inject, it } from "vitest";
import { startConfigListener } from "../../../server/config/config-listener.server";
import { writeConfig } from "../../../server/config/config-service.server";
import { getDatabase, withGlobal, withTenant } from "../../../server/db/db.server";
import { publicBookingCatalog } from "../../../server/booking/manage-booking.server";
import { getPublicSite } from "../../../server/site/public-site.server";
import { resolveTenantBySlug } from "../../../server/tenants/resolve-tenant.server";
import { createTestTenant } from "../../helpers/factories";

/** Renames a service behind the app's back (raw SQL: no write watcher sees it), as another instance's write would look here. */
const rawRename = (tenantId: string, serviceId: string, name: string) =>
  withTenant(
    tenantId,
    (db) => db.$executeRaw`UPDATE services SET name = jsonb_build_object('en', ${name}::text, 'es', ${name}::text) WHERE id = ${serviceId}`,
  );

/**
 * Public pages read the tenant, its site view and its catalogue from an in-process cache
 * (server/site/public-cache.server.ts); a change through the app evicts it at once in this
 * process, and another instance's change evicts it through the config NOTIFY channel.
 */
describe("public-page caches", () => {
  it("serve repeated public reads from memory, and a write through the app evicts at once", async () => {
    const t = await createTestTenant();
    const site = await getPublicSite(t.slug, "en");
    const service = site!.services[0];
    await publicBookingCatalog(t.slug);

    // A change nobody announced is not seen: the answers come from the cache, not the database.
    await rawRename(t.id, service.id, "Unannounced name");
    expect((await getPublicSite(t.slug, "en"))!.services[0].name).toBe(service.name);
    expect((await publicBookingCatalog(t.slug))!.services.find((s) => s.id === service.id)!.name.en).toBe(service.name);

    // A service write through the app: the next read, right after commit, sees it.
    await withTenant(t.id, (db) => db.service.update({ where: { id: service.id }, data: { priceCents: 12_345 } }));
    const after = await getPublicSite(t.slug, "en");
    expect(after!.services.find((s) => s.id === service.id)).toMatchObject({ name: "Unannounced name", priceCents: 12_345 });
    expect((await publicBookingCatalog(t.slug))!.services.find((s) => s.id === service.id)!.priceCents).toBe(12_345);

    // A config write (the site headline) and a suspension (a global write to the tenant row).
    await withTenant(t.id, (db) => writeConfig(db, "SITE", { headline: { en: "Fresh headline", es: "Titular nuevo" } }, t.owner.id));
    expect((await getPublicSite(t.slug, "en"))!.headline).toBe("Fresh headline");
    expect((await getPublicSite(t.slug, "es"))!.headline).toBe("Titular nuevo");
    await withGlobal((g) => g.tenant.updateMany({ where: { id: t.id }, data: { status: "SUSPENDED" } }));
    expect(await resolveTenantBySlug(t.slug)).toBeNull();
    expect(await getPublicSite(t.slug, "en")).toBeNull();
  });

  it("a write that rolls back evicts nothing it should not, and leaves no uncommitted value behind", async () => {
    const t = await createTestTenant();
    const before = await getPublicSite(t.slug, "en");
    await expect(
      withTenant(t.id, async (db) => {
        await db.service.update({ where: { id: before!.services[0].id }, data: { priceCents: 1 } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect((await getPublicSite(t.slug, "en"))!.services[0].priceCents).toBe(before!.services[0].priceCents);
  });

  it("another instance's change (tenant, service, domain rows: triggers; config: NOTIFY from code) evicts this one's cache (PostgreSQL server)", async () => {
    const target = inject("testDatabase");
    const db = await getDatabase();
    if (target.kind !== "postgres") {
      // Embedded PGlite is one process: every write goes through this process's write watchers (test above).
      expect(db.kind).toBe("pglite");
      return;
    }
    const t = await createTestTenant();
    // Two listeners, as two instances would run: each one's notifications reach the cache.
    const listeners = [await startConfigListener(target.url), await startConfigListener(target.url)];
    try {
      const site = await getPublicSite(t.slug, "en");
      const service = site!.services[0];
      // Another instance renames the service: a plain SQL write on another connection (no write watcher here).
      await db.admin.query(`UPDATE services SET name = jsonb_build_object('en', 'Renamed elsewhere', 'es', 'Renombrado') WHERE id = $1`, [
        service.id,
      ]);
      await expect
        .poll(async () => (await getPublicSite(t.slug, "en"))!.services[0].name, { timeout: 5_000, interval: 20 })
        .toBe("Renamed elsewhere");
      // ...and suspends the tenant.
      expect(await resolveTenantBySlug(t.slug)).not.toBeNull();
      await db.admin.query(`UPDATE tenants SET status = 'SUSPENDED' WHERE id = $1`, [t.id]);
      await expect.poll(() => resolveTenantBySlug(t.slug), { timeout: 5_000, interval: 20 }).toBeNull();
    } finally {
      for (const l of listeners) await l.stop();
    }
  });
});
