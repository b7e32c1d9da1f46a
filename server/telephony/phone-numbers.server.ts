import { withGlobal, type TenantDb } from "../db/db.server";
import { Invalid } from "../errors/domain-errors";

/**
 * A business's phone number, unique on the platform: the PHONE node holds it for the
 * tenant, and the phone_numbers table maps it back to the tenant when a call or a text
 * arrives (the telephony worker and the simulator both look it up here).
 */

/** Makes the tenant's registered number `number` (or none). Runs in the config write's transaction. */
export async function syncPhoneNumber(db: TenantDb, number: string | null, provider: string): Promise<void> {
  const own = await db.phoneNumber.findMany({ where: { tenantId: db.tenantId }, select: { number: true } });
  if (own.length === 1 && own[0]!.number === number) return;
  await db.phoneNumber.deleteMany({ where: { tenantId: db.tenantId, NOT: number ? { number } : undefined } });
  if (!number || own.some((row) => row.number === number)) return;
  // Another tenant's row is invisible here (RLS), so the unique index decides: nothing inserted means taken.
  const inserted = await db.phoneNumber.createMany({ data: [{ tenantId: db.tenantId, number, provider }], skipDuplicates: true });
  if (inserted.count === 0) throw Invalid("errors:phone.numberTaken", { number: "errors:phone.numberTaken" });
}

/** Which tenant a called or texted number belongs to (null: not a ServicePro number). */
export async function tenantForNumber(number: string): Promise<string | null> {
  const row = await withGlobal((db) => db.phoneNumber.findUnique({ where: { number }, select: { tenantId: true } }));
  return row?.tenantId ?? null;
}
