import type { TenantDb } from "../db/db.server";
import { secretBox } from "../security/secret-box.server";

/** Stores a tenant's credential for an outside service, encrypted (AES-256-GCM). */
export async function putIntegrationSecret(db: TenantDb, provider: string, value: string): Promise<void> {
  const box = secretBox();
  const ciphertext = box.seal(value, db.tenantId);
  await db.integrationSecret.upsert({
    where: { tenantId_provider: { tenantId: db.tenantId, provider } },
    create: { tenantId: db.tenantId, provider, ciphertext, keyId: box.keyId },
    update: { ciphertext, keyId: box.keyId },
  });
}

/** The decrypted credential, or null when none is stored. Never log the result. */
export async function getIntegrationSecret(db: TenantDb, provider: string): Promise<string | null> {
  const row = await db.integrationSecret.findUnique({ where: { tenantId_provider: { tenantId: db.tenantId, provider } } });
  return row ? secretBox().open(row.ciphertext, db.tenantId) : null;
}

export async function deleteIntegrationSecret(db: TenantDb, provider: string): Promise<void> {
  await db.integrationSecret.deleteMany({ where: { provider } });
}
