import { resolveSurvivor } from "../customers/customer-records.server";
import { upsertCustomerByPhone } from "../customers/customers.server";
import type { TenantDb } from "../db/db.server";
import { NotFound } from "../errors/domain-errors";

/** Who an inbound message is from: a known customer's id, or a phone number (the customer is found or created). */
export type TCustomerRef = { id: string } | { phone: string; name?: string };

export interface ResolvedCustomer {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  smsConsent: boolean;
}

/**
 * The customer a message belongs to. By phone it goes through server/customers
 * (`upsertCustomerByPhone`: E.164 normalisation, created on first contact, safe when two
 * first texts race). Merged records always resolve to the survivor, so a merged
 * customer's messages land in one thread.
 */
export async function resolveCustomer(db: TenantDb, ref: TCustomerRef): Promise<ResolvedCustomer> {
  if ("phone" in ref) {
    const { customer } = await upsertCustomerByPhone(db, { phone: ref.phone, name: ref.name ?? null });
    return { id: customer.id, name: customer.name, phone: customer.phone, email: customer.email, smsConsent: customer.smsConsent.granted };
  }
  const row = await db.customer.findFirst({ where: { id: ref.id, tenantId: db.tenantId } });
  if (!row) throw NotFound("inbox:errors.customerNotFound");
  const survivor = await resolveSurvivor(db, row);
  return { id: survivor.id, name: survivor.name, phone: survivor.phone, email: survivor.email, smsConsent: survivor.smsConsent };
}
