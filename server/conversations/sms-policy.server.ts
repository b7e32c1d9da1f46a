import type { TenantDb } from "../db/db.server";
import { quietHoursBlock } from "../telephony/compliance/quiet-hours";
import type { TBlockedReason } from "./conversations.types";

/** How recent a customer's text must be for an automated answer to count as a reply (quiet hours do not apply). */
export const DIRECT_REPLY_WINDOW_MS = 10 * 60_000;

export interface TSmsBlockInput {
  customer: { id: string; phone: string | null; smsConsent: boolean };
  conversationId: string;
  automated: boolean;
  /**
   * "compliance": the one reply to STOP / START / HELP (server/telephony/compliance). It
   * goes out even to a number that just opted out and at any hour; only "noPhone" blocks it.
   */
  purpose?: "compliance";
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
 *  4. an automated text (no member wrote it) needs smsConsent -> else "noSmsConsent";
 *  5. an automated text outside the recipient's quiet-hours window (08:00-21:00 local, stricter
 *     by state: telephony/compliance/quiet-hours.ts) -> "quietHours", unless it answers a text
 *     the customer sent in the last 10 minutes (a conversation the customer is having now);
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
    if (!customer.smsConsent) return "noSmsConsent";
    return (await outsideQuietHours(db, { ...input, phone: customer.phone })) ? "quietHours" : null;
  }
  if (customer.smsConsent) return null;
  const texted = await db.message.findFirst({ where: { conversationId: input.conversationId, channel: "SMS", direction: "INBOUND" }, select: { id: true } });
  return texted ? null : "notCustomerInitiated";
}

async function outsideQuietHours(db: TenantDb, input: TSmsBlockInput & { phone: string }): Promise<boolean> {
  const now = input.now ?? new Date();
  const replyTo = await db.message.findFirst({
    where: { conversationId: input.conversationId, channel: "SMS", direction: "INBOUND", createdAt: { gte: new Date(now.getTime() - DIRECT_REPLY_WINDOW_MS), lte: now } },
    select: { id: true },
  });
  if (replyTo) return false;
  const customer = await db.customer.findUnique({ where: { id: input.customer.id }, select: { address: true } });
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { timeZone: true } });
  const address = customer?.address;
  const state = address && typeof address === "object" && !Array.isArray(address) && typeof address.state === "string" ? address.state : null;
  return quietHoursBlock({ phone: input.phone, addressState: state, tenantTimeZone: tenant.timeZone, now }).blocked;
}
