import { describe, expect, it } from "vitest";
import { setTenantStatus } from "../../../server/admin/tenant-status.server";
import { withTenant } from "../../../server/db/db.server";
import { env } from "../../../server/env.server";
import {
  classifyHost,
  resolveTenantBySlug,
  resolveTenantByHostname,
  resolveTenantForHost,
} from "../../../server/tenants/resolve-tenant.server";
import { markDomainVerified } from "../../../server/tenants/domains.server";
import { createTestTenant, createTestUser, uid } from "../../helpers/factories";

describe("classifyHost", () => {
  const D = "servicepro.app";
  it.each([
    ["servicepro.app", { kind: "platform" }],
    ["www.servicepro.app", { kind: "platform" }],
    ["ServicePro.App:443", { kind: "platform" }],
    ["localhost:3000", { kind: "platform" }],
    ["127.0.0.1:8080", { kind: "platform" }],
    ["[::1]", { kind: "platform" }],
    ["", { kind: "platform" }],
    [null, { kind: "platform" }],
    ["shiny.servicepro.app", { kind: "subdomain", slug: "shiny" }],
    ["Shiny-Cars.ServicePro.app:443", { kind: "subdomain", slug: "shiny-cars" }],
    ["shiny.servicepro.app.", { kind: "subdomain", slug: "shiny" }],
    ["a.b.servicepro.app", { kind: "platform" }],
    ["admin.servicepro.app", { kind: "platform" }],
    ["-bad.servicepro.app", { kind: "platform" }],
    ["evilservicepro.app", { kind: "custom", hostname: "evilservicepro.app" }],
    ["WWW.ShinyCars.com:8080", { kind: "custom", hostname: "www.shinycars.com" }],
  ] as const)("%s -> %o", (host, expected) => {
    expect(classifyHost(host, D)).toEqual(expected);
  });
});

describe("resolving public traffic to a tenant", () => {
  const root = () => env().APP_DOMAIN;

  it("by slug and by subdomain of APP_DOMAIN; unknown and invalid slugs are null", async () => {
    const t = await createTestTenant({ packKey: "pet-grooming", input: { locale: "es", timeZone: "America/Bogota" } });
    const expected = {
      id: t.id,
      slug: t.slug,
      name: t.name,
      industryPackKey: "pet-grooming",
      timeZone: "America/Bogota",
      defaultLocale: "es",
    };
    expect(await resolveTenantBySlug(t.slug)).toEqual(expected);
    expect(await resolveTenantForHost(`${t.slug}.${root()}:3000`)).toEqual({
      match: { kind: "subdomain", slug: t.slug },
      tenant: expected,
    });
    expect(await resolveTenantBySlug(uid("nobody"))).toBeNull();
    expect(await resolveTenantBySlug("Not A Slug")).toBeNull();
    const unknown = uid("nobody");
    expect(await resolveTenantForHost(`${unknown}.${root()}`)).toEqual({ match: { kind: "subdomain", slug: unknown }, tenant: null });
    expect(await resolveTenantForHost(root())).toEqual({ match: { kind: "platform" }, tenant: null });
  });

  it("a custom domain resolves only once verified; unknown hosts resolve to null", async () => {
    const t = await createTestTenant();
    const hostname = `${uid("book")}.example.com`;
    const domainId = await withTenant(
      t.id,
      async (db) => (await db.domain.create({ data: { tenantId: t.id, hostname, kind: "CUSTOM" } })).id,
    );
    expect(await resolveTenantForHost(hostname)).toEqual({ match: { kind: "custom", hostname }, tenant: null });
    expect(await resolveTenantByHostname(hostname)).toBeNull();

    await markDomainVerified(domainId);
    const resolved = await resolveTenantForHost(`${hostname.toUpperCase()}:443`);
    expect(resolved.match).toEqual({ kind: "custom", hostname });
    expect(resolved.tenant).toMatchObject({ id: t.id, slug: t.slug });
    expect(resolved.tenant).not.toHaveProperty("status");

    expect(await resolveTenantForHost(`${uid("nope")}.example.org`)).toEqual({
      match: { kind: "custom", hostname: expect.any(String) },
      tenant: null,
    });
  });

  it("a SUSPENDED tenant resolves to null everywhere, and again once reactivated", async () => {
    const t = await createTestTenant();
    const admin = await createTestUser({ isPlatformAdmin: true });
    const hostname = `${uid("susp")}.example.com`;
    await markDomainVerified(
      await withTenant(t.id, async (db) => (await db.domain.create({ data: { tenantId: t.id, hostname, kind: "CUSTOM" } })).id),
    );
    expect(await resolveTenantBySlug(t.slug)).not.toBeNull();

    await setTenantStatus(t.id, "SUSPENDED", "unpaid", admin.id);
    expect(await resolveTenantBySlug(t.slug)).toBeNull();
    expect((await resolveTenantForHost(`${t.slug}.${root()}`)).tenant).toBeNull();
    expect((await resolveTenantForHost(hostname)).tenant).toBeNull();
    const trail = await withTenant(t.id, async (db) => ({
      audit: await db.auditEntry.findMany({
        where: { action: { in: ["tenant.suspended", "tenant.reactivated"] } },
        select: { action: true, actorUserId: true, data: true },
      }),
      events: await db.outboxEvent.findMany({ where: { name: "tenant/status-changed" }, select: { data: true } }),
    }));
    expect(trail).toEqual({
      audit: [{ action: "tenant.suspended", actorUserId: admin.id, data: { reason: "unpaid" } }],
      events: [{ data: { tenantId: t.id, status: "SUSPENDED", reason: "unpaid" } }],
    });

    await setTenantStatus(t.id, "ACTIVE", null, admin.id);
    expect((await resolveTenantBySlug(t.slug))?.id).toBe(t.id);
    expect((await resolveTenantForHost(hostname)).tenant?.id).toBe(t.id);
  });

  it("setTenantStatus on an unknown tenant is NOT_FOUND", async () => {
    const admin = await createTestUser({ isPlatformAdmin: true });
    await expect(setTenantStatus(uid("missing"), "SUSPENDED", null, admin.id)).rejects.toMatchObject({ kind: "NotFound" });
  });
});
