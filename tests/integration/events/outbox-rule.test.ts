import { afterEach, describe, expect, it } from "vitest";
import { setTenantStatus } from "../../../server/admin/tenant-status.server";
import { getDatabase, withGlobal, withTenant } from "../../../server/db/db.server";
import { verifyCustomDomain, verificationRecord } from "../../../server/tenants/domains.server";
import { createTestTenant, createTestUser, uid } from "../../helpers/factories";

/**
 * The outbox rule at run time: a change, its audit row and its event commit together. The
 * database itself refuses the outbox insert for one tenant (a trigger), and the change must
 * be rolled back with it. On the PostgreSQL server all test files share one database, so the
 * trigger only fires for this test's tenant.
 */
const installed: string[] = [];

async function failOutboxInsertsFor(tenantId: string) {
  const name = `outbox_fail_${tenantId.replace(/[^a-z0-9]/gi, "_")}`;
  const { admin } = await getDatabase();
  await admin.exec(`
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.tenant_id = '${tenantId}' THEN RAISE EXCEPTION 'outbox insert refused by test'; END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER ${name} BEFORE INSERT ON outbox_events FOR EACH ROW EXECUTE FUNCTION ${name}();`);
  installed.push(name);
}

afterEach(async () => {
  const { admin } = await getDatabase();
  for (const name of installed.splice(0)) await admin.exec(`DROP TRIGGER ${name} ON outbox_events; DROP FUNCTION ${name}();`);
});

const trail = (tenantId: string, action: string) =>
  withTenant(tenantId, async (db) => ({
    audit: await db.auditEntry.count({ where: { action } }),
    events: await db.outboxEvent.count(),
  }));

describe("state, audit row and outbox event commit in one transaction", () => {
  it("setTenantStatus: a failing outbox insert leaves the tenant ACTIVE and writes no audit row", async () => {
    const t = await createTestTenant();
    const admin = await createTestUser({ isPlatformAdmin: true });
    const before = await trail(t.id, "tenant.suspended");
    await failOutboxInsertsFor(t.id);

    await expect(setTenantStatus(t.id, "SUSPENDED", "unpaid", admin.id)).rejects.toThrow(/outbox insert refused/);

    expect(await withGlobal((g) => g.tenant.findUniqueOrThrow({ where: { id: t.id }, select: { status: true } }))).toEqual({
      status: "ACTIVE",
    });
    expect(await trail(t.id, "tenant.suspended")).toEqual(before);
  });

  it("verifyCustomDomain: a failing outbox insert leaves the domain unverified and writes no audit row", async () => {
    const t = await createTestTenant();
    const hostname = `${uid("rule")}.example.com`;
    const domain = await withTenant(t.id, (db) =>
      db.domain.create({ data: { tenantId: t.id, hostname, kind: "CUSTOM" }, select: { id: true, hostname: true } }),
    );
    const record = verificationRecord(domain);
    const resolver = { txt: async (name: string) => (name === record.name ? [record.value] : []) };
    const before = await trail(t.id, "domain.verified");
    await failOutboxInsertsFor(t.id);

    await expect(verifyCustomDomain(t.id, domain.id, t.owner.id, resolver)).rejects.toThrow(/outbox insert refused/);

    expect(await withTenant(t.id, (db) => db.domain.findUniqueOrThrow({ where: { id: domain.id }, select: { verifiedAt: true } }))).toEqual(
      {
        verifiedAt: null,
      },
    );
    expect(await trail(t.id, "domain.verified")).toEqual(before);
  });

  it("verifyCustomDomain, once the outbox accepts: verified, audited and announced together", async () => {
    const t = await createTestTenant();
    const hostname = `${uid("rule")}.example.com`;
    const domain = await withTenant(t.id, (db) =>
      db.domain.create({ data: { tenantId: t.id, hostname, kind: "CUSTOM" }, select: { id: true, hostname: true } }),
    );
    const record = verificationRecord(domain);
    expect(await verifyCustomDomain(t.id, domain.id, t.owner.id, { txt: async () => [record.value] })).toBe(true);
    const after = await withTenant(t.id, async (db) => ({
      verified: (await db.domain.findUniqueOrThrow({ where: { id: domain.id } })).verifiedAt !== null,
      audit: await db.auditEntry.count({ where: { action: "domain.verified", targetId: domain.id } }),
      events: await db.outboxEvent.findMany({ where: { name: "domain/verified" }, select: { data: true } }),
    }));
    expect(after).toEqual({ verified: true, audit: 1, events: [{ data: { tenantId: t.id, domainId: domain.id, hostname } }] });
  });
});
