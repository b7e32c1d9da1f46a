import { describe, expect, it } from "vitest";
import { smsBlockReason } from "../../../server/conversations/sms-policy.server";
import { withTenant } from "../../../server/db/db.server";
import { createTestTenant } from "../../helpers/factories";
import { createCustomer, inbound } from "../inbox/support";

/**
 * Automated texts that answer the customer: the AI agent's reply to a text, the missed-call
 * text-back after a call. A conversation the customer started may be answered without
 * standing consent for 24 hours; a fresh one (10 minutes) also at night. Anything else
 * automated needs consent and respects quiet hours. (Austin numbers: 09:00-21:00 Central.)
 */
const NIGHT = new Date("2026-07-16T04:00:00Z"); // 23:00 CDT
const NOON = new Date("2026-07-15T17:00:00Z"); // 12:00 CDT
const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);

async function reason(
  tenantId: string,
  customer: { id: string; phone: string | null; smsConsent: boolean },
  conversationId: string,
  now: Date,
  purpose?: "customerAction",
) {
  return withTenant(tenantId, (db) => smsBlockReason(db, { customer, conversationId, automated: true, now, purpose }));
}

describe("automated replies in a conversation the customer started", () => {
  it("a text, a call or a voicemail lets the business answer without consent for 24 hours, then no longer", async () => {
    const t = await createTestTenant();
    for (const channel of ["SMS", "CALL", "VOICEMAIL"] as const) {
      const c = await createCustomer(t.id, { smsConsent: false });
      const contact = await inbound(t.id, {
        customer: { id: c.id },
        channel,
        body: channel === "SMS" ? "Do you have time Saturday?" : "Missed call",
        receivedAt: minutes(NOON, -5),
      });
      expect(await reason(t.id, c, contact.conversationId, NOON), channel).toBeNull();
      expect(await reason(t.id, c, contact.conversationId, minutes(NOON, 23 * 60)), channel).toBeNull();
      expect(await reason(t.id, c, contact.conversationId, minutes(NOON, 25 * 60)), channel).toBe("noSmsConsent");
    }
    // An email is not a phone conversation.
    const emailer = await createCustomer(t.id, { smsConsent: false });
    const email = await inbound(t.id, { customer: { id: emailer.id }, channel: "EMAIL", body: "hello", receivedAt: minutes(NOON, -5) });
    expect(await reason(t.id, emailer, email.conversationId, NOON)).toBe("noSmsConsent");
  });

  it("at night: an answer within 10 minutes goes out; a later one waits for morning (blocked quietHours); a customer's own action is answered at once", async () => {
    const t = await createTestTenant();
    const c = await createCustomer(t.id, { smsConsent: true });
    const text = await inbound(t.id, { customer: { id: c.id }, body: "Are you open tomorrow?", receivedAt: minutes(NIGHT, -3) });
    expect(await reason(t.id, c, text.conversationId, NIGHT)).toBeNull();
    expect(await reason(t.id, c, text.conversationId, minutes(NIGHT, 15))).toBe("quietHours");
    expect(await reason(t.id, c, text.conversationId, minutes(NIGHT, 15), "customerAction")).toBeNull();
    // A customer who never consented and never wrote: consent comes first, whatever the purpose.
    const stranger = await createCustomer(t.id, { smsConsent: false });
    const thread = await inbound(t.id, { customer: { id: stranger.id }, channel: "EMAIL", body: "hi", receivedAt: minutes(NIGHT, -3) });
    expect(await reason(t.id, stranger, thread.conversationId, NIGHT, "customerAction")).toBe("noSmsConsent");
  });
});
