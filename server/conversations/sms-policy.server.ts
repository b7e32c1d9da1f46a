import type { TenantDb } from "../db/db.server";
import { quietHoursBlock } from "../telephony/compliance/quiet-hours";
import type { TBlockedReason } from "./conversations.types";

/** How recent a customer's text or call must be for an automated answer to count as a reply (quiet hours do not apply). */
export const DIRECT_REPLY_WINDOW_MS = 10 * 60_000;
/** How long a customer's own text or call lets the business answer it without prior consent (a conversation they started). */
export const CONVERSATION_WINDOW_MS = 24 * 60 * 60_000;
/** What counts as the customer reaching out: a text, a call or a voicemail they left. */
export const CUSTOMER_CONTACT = { direction: "INBOUND" as const, channel: { in: ["SMS" as const, "CALL" as const, "VOICEMAIL" as const] } };

/**
 * Why an automated text is sent, when that changes the rules:
 *  - "compliance": the one reply to STOP / START / HELP (server/telephony/compliance). It
 *    goes out even to a number that just opted out and at any hour; only "noPhone" blocks it.
 *  - "customerAction": the direct result of something the customer just did (the
 *    confirmation of the booking they made at 22:00): quiet hours do not apply; consent does.
 */
export type TSmsPurpose = "compliance" | "customerAction";

export interface TSmsBlockInput {
  customer: { id: string; phone: string | null; smsConsent: boolean };
  conversationId: string;
  automated: boolean;
  purpose?: TSmsPurpose;
  /** The clock (tests); defaults to now. */
  now?: Date;
}

/**
 * May this text go to this customer? The rule every send path enforces:
 *  1. no phone number                                    -> blocked "noPhone";
 *  2. a compliance reply (purpose "compliance")          -> allowed (the one text an opt-out permits);
 *  3. the latest SMS consent event for the customer's current number is OPT_OUT (they
 *     texted STOP, or told the business not to text them) -> blocked "smsOptedOut", for
 *     everyone, members included (an opt-out recorded against an old number does not count);
 *  4. an automated text (no member wrote it) needs smsConsent, unless it answers the
 *     customer's own text, call or voicemail of the last 24 hours (the AI agent's reply, the
 *     missed-call text-back: a conversation the customer started) -> else "noSmsConsent";
 *  5. an automated text outside the recipient's quiet-hours window (08:00-21:00 local, stricter
 *     by state: telephony/compliance/quiet-hours.ts) -> "quietHours", unless it answers a text
 *     or call of the last 10 minutes (a conversation the customer is having now) or is the
 *     direct result of the customer's action (purpose "customerAction");
 *  6. a member's reply goes out with consent, or when the customer has texted this
 *     business (an inbound SMS in the thread): answering someone who wrote first is a
 *     conversation, not marketing -> else "notCustomerInitiated". Quiet hours never block it.
 */
export async function smsBlockReason(db: TenantDb, input: TSmsBlockInput): Promise<TBlockedReason | null> {
  const { customer } = input;
  if (!customer.phone) return "noPhone";
  if (input.purpose === "compliance") return null;
  const latest = await db.consentEvent.findFirst({
    where: { tenantId: db.tenantId, channel: "SMS", phone: customer.phone },
    orderBy: { createdAt: "desc" },
    select: { action: true },
  });
  if (latest?.action === "OPT_OUT") return "smsOptedOut";
  if (input.automated) {
    const now = input.now ?? new Date();
    const lastContact = await db.message.findFirst({
      where: {
        conversationId: input.conversationId,
        ...CUSTOMER_CONTACT,
        createdAt: { gte: new Date(now.getTime() - CONVERSATION_WINDOW_MS), lte: now },
      },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    if (!customer.smsConsent && !lastContact) return "noSmsConsent";
    const freshReply = lastContact !== null && now.getTime() - lastContact.createdAt.getTime() <= DIRECT_REPLY_WINDOW_MS;
    if (freshReply || input.purpose === "customerAction") return null;
    return (await outsideQuietHours(db, { ...input, phone: customer.phone, now })) ? "quietHours" : null;
  }
  if (customer.smsConsent) return null;
  const texted = await db.message.findFirst({
    where: { conversationId: input.conversationId, channel: "SMS", direction: "INBOUND" },
    select: { id: true },
  });
  return texted ? null : "notCustomerInitiated";
}

async function outsideQuietHours(db: TenantDb, input: TSmsBlockInput & { phone: string; now: Date }): Promise<boolean> {
  const customer = await db.customer.findUnique({ where: { id: input.customer.id }, select: { address: true } });
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { timeZone: true } });
  const address = customer?.address;
  const state =
    address && typeof address === "object" && !Array.isArray(address) && typeof address.state === "string" ? address.state : null;
  return quietHoursBlock({ phone: input.phone, addressState: state, tenantTimeZone: tenant.timeZone, now: input.now }).blocked;
}
