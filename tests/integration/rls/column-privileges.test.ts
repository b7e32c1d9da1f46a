import { describe, expect, it } from "vitest";
import { withGlobal, withTenant } from "../../../server/db/db.server";
import { addCustomDomain, markDomainVerified } from "../../../server/tenants/domains.server";
import { createTestTenant, uid } from "../../helpers/factories";

/** Platform decisions a tenant cannot take about itself, even through its own door. */
describe("column privileges of the tenant role", () => {
  it("a tenant can rename itself but cannot lift its own suspension or change its slug", async () => {
    const t = await createTestTenant();
    await withTenant(t.id, (db) => db.tenant.update({ where: { id: t.id }, data: { name: "Renamed Co" } }));
    expect((await withGlobal((g) => g.tenant.findUniqueOrThrow({ where: { id: t.id } }))).name).toBe("Renamed Co");
    await expect(withTenant(t.id, (db) => db.tenant.update({ where: { id: t.id }, data: { status: "ACTIVE" } }))).rejects.toThrow(
      /permission denied/,
    );
    await expect(withTenant(t.id, (db) => db.tenant.update({ where: { id: t.id }, data: { slug: uid("stolen") } }))).rejects.toThrow(
      /permission denied/,
    );
  });

  it("a tenant adds its own domain but cannot mark it verified; the platform can", async () => {
    const t = await createTestTenant();
    const hostname = `${uid("own")}.example.com`;
    await expect(
      withTenant(t.id, (db) => db.domain.create({ data: { tenantId: t.id, hostname, kind: "CUSTOM", verifiedAt: new Date() } })),
    ).rejects.toThrow(/permission denied/);
    const domain = await addCustomDomain(t.id, `https://${hostname.toUpperCase()}/`, t.owner.id);
    expect(domain.hostname).toBe(hostname);
    await expect(
      withTenant(t.id, (db) => db.domain.update({ where: { id: domain.id }, data: { verifiedAt: new Date() } })),
    ).rejects.toThrow(/permission denied/);
    await markDomainVerified(domain.id);
    expect((await withTenant(t.id, (db) => db.domain.findUniqueOrThrow({ where: { id: domain.id } }))).verifiedAt).toBeInstanceOf(Date);
  });

  it("a hostname another tenant verified, or the platform's own domain, is refused", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const hostname = `${uid("dup")}.example.com`;
    await markDomainVerified((await addCustomDomain(a.id, hostname, a.owner.id)).id);
    await expect(addCustomDomain(b.id, hostname, b.owner.id)).rejects.toMatchObject({ key: "errors:domains.taken" });
    await expect(addCustomDomain(b.id, "shop.localhost", b.owner.id)).rejects.toMatchObject({ key: "errors:domains.platformDomain" });
    await expect(addCustomDomain(b.id, "not a host", b.owner.id)).rejects.toMatchObject({ key: "errors:validation.hostname" });
  });

  it("the platform removes a pending claim but never a verified domain", async () => {
    const t = await createTestTenant();
    const pending = await addCustomDomain(t.id, `${uid("p")}.example.com`, t.owner.id);
    const verified = await addCustomDomain(t.id, `${uid("v")}.example.com`, t.owner.id);
    await markDomainVerified(verified.id);
    expect(await withGlobal((g) => g.domain.deleteMany({ where: { id: { in: [pending.id, verified.id] } } }))).toEqual({ count: 1 });
    expect((await withTenant(t.id, (db) => db.domain.findMany({ select: { id: true } }))).map((d) => d.id)).toEqual([verified.id]);
  });
});
