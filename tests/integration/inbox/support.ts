import { withTenant } from "../../../server/db/db.server";
import { storeInboundMessage, type TStoreInboundInput } from "../../../server/conversations/store-inbound-message.server";
import { uid } from "../../helpers/factories";

/** Inbox test helpers: customers and inbound messages for a tenant. */
let phoneSeq = 0;

/** A fictional, valid US number unique within this test file (555-01xx is reserved for fiction but only 100 long). */
export function uniquePhone(): string {
  phoneSeq += 1;
  const n = (Date.now() % 1_000_000) * 10 + phoneSeq;
  return `+1512${String(2_000_000 + (n % 7_000_000)).padStart(7, "0")}`;
}

export async function createCustomer(
  tenantId: string,
  overrides: { name?: string; phone?: string | null; email?: string | null; smsConsent?: boolean; locale?: string } = {},
) {
  return withTenant(tenantId, (db) =>
    db.customer.create({
      data: {
        tenantId,
        name: overrides.name ?? `Customer ${uid("c")}`,
        phone: overrides.phone === undefined ? uniquePhone() : overrides.phone,
        email: overrides.email === undefined ? `${uid("c")}@example.com` : overrides.email,
        smsConsent: overrides.smsConsent ?? false,
        locale: overrides.locale ?? "en",
      },
    }),
  );
}

export function inbound(tenantId: string, input: Partial<TStoreInboundInput> & Pick<TStoreInboundInput, "customer">) {
  return withTenant(tenantId, (db) =>
    storeInboundMessage(db, { channel: "SMS", body: "Hello", provider: "test", providerMessageId: uid("pm"), ...input }),
  );
}
