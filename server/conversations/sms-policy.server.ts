import type { TenantDb } from "../db/db.server";
import type { TBlockedReason } from "./conversations.types";

/**
 * May this text go to this customer? The rule the inbox enforces (quiet hours and STOP
 * keywords arrive with the telephony issue and add to it):
 *  1. no phone number                                    -> blocked "noPhone";
 *  2. the latest SMS consent event for the customer's current number is OPT_OUT (they
 *     texted STOP, or told the business not to text them) -> blocked "smsOptedOut", for
 *     everyone, members included (an opt-out recorded against an old number does not count);
 *  3. an automated text (no member wrote it) needs smsConsent -> else "noSmsConsent";
 *  4. a member's reply goes out with consent, or when the customer has texted this
 *     business (an inbound SMS in the thread): answering someone who wrote first is a
 *     conversation, not marketing -> else "notCustomerInitiated".
 */
export async function smsBlockReason(
  db: TenantDb,
  input: { customer: { id: string; phone: string | null; smsConsent: boolean }; conversationId: string; automated: boolean },
): Promise<TBlockedReason | null> {
  const { customer } = input;
  if (!customer.phone) return "noPhone";
  const latest = await db.consentEvent.findFirst({
    where: { tenantId: db.tenantId, channel: "SMS", phone: customer.phone },
    orderBy: { createdAt: "desc" },
    select: { action: true },
  });
  if (latest?.action === "OPT_OUT") return "smsOptedOut";
  if (customer.smsConsent) return null;
  if (input.automated) return "noSmsConsent";
  const texted = await db.message.findFirst({ where: { conversationId: input.conversationId, channel: "SMS", direction: "INBOUND" }, select: { id: true } });
  return texted ? null : "notCustomerInitiated";
}
