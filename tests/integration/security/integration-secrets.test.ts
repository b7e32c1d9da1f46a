import { describe, expect, it } from "vitest";
import { getDatabase, withGlobal, withTenant } from "../../../server/db/db.server";
import { deleteIntegrationSecret, getIntegrationSecret, putIntegrationSecret } from "../../../server/integrations/secrets.server";

async function tenant(name: string) {
  const slug = `${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  return withGlobal((g) =>
    g.tenant.create({ data: { slug, name, industryPackKey: "hvac", timeZone: "America/Phoenix", defaultLocale: "en" } }),
  );
}

describe("integration secrets at rest", () => {
  it("stores only ciphertext, decrypts for its tenant, and replaces on update", async () => {
    const a = await tenant("secrets-a");
    await withTenant(a.id, (db) => putIntegrationSecret(db, "smtp", "hunter2-smtp-password"));
    const rows = await (
      await getDatabase()
    ).admin.query<{ ciphertext: string }>(`SELECT ciphertext FROM integration_secrets WHERE tenant_id = $1`, [a.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].ciphertext).not.toContain("hunter2");
    expect(rows[0].ciphertext).toMatch(/^v1\./);
    expect(await withTenant(a.id, (db) => getIntegrationSecret(db, "smtp"))).toBe("hunter2-smtp-password");
    await withTenant(a.id, (db) => putIntegrationSecret(db, "smtp", "new-password"));
    expect(await withTenant(a.id, (db) => getIntegrationSecret(db, "smtp"))).toBe("new-password");
    await withTenant(a.id, (db) => deleteIntegrationSecret(db, "smtp"));
    expect(await withTenant(a.id, (db) => getIntegrationSecret(db, "smtp"))).toBeNull();
  });

  it("a ciphertext copied into another tenant's row does not decrypt (tenant id is authenticated data)", async () => {
    const a = await tenant("secrets-c");
    const b = await tenant("secrets-d");
    await withTenant(a.id, (db) => putIntegrationSecret(db, "google", "refresh-token-a"));
    const [{ ciphertext }] = await (
      await getDatabase()
    ).admin.query<{ ciphertext: string }>(`SELECT ciphertext FROM integration_secrets WHERE tenant_id = $1`, [a.id]);
    await withTenant(b.id, (db) =>
      db.integrationSecret.create({ data: { tenantId: b.id, provider: "google", ciphertext, keyId: ciphertext.split(".")[1] } }),
    );
    await expect(withTenant(b.id, (db) => getIntegrationSecret(db, "google"))).rejects.toThrow();
    expect(await withTenant(b.id, (db) => getIntegrationSecret(db, "smtp"))).toBeNull();
  });
});
