import { describe, expect, it } from "vitest";
import { writeConfig } from "../../../server/config/config-service.server";
import { withTenant } from "../../../server/db/db.server";
import { receiveInboundSms, simulateInboundSms } from "../../../server/telephony/inbound-sms.server";
import { tenantForNumber } from "../../../server/telephony/phone-numbers.server";
import { createTestTenant, uid } from "../../helpers/factories";
import { uniquePhone } from "../inbox/support";

/**
 * A text to a business's number, as the telephony worker delivers it: found by the number
 * it was sent to, stored once per carrier id (also when carriers deliver it twice at the
 * same time), counted once as usage, and announced to the processing function in the same
 * transaction.
 */
async function tenantWithNumber() {
  const tenant = await createTestTenant();
  const number = uniquePhone();
  await withTenant(tenant.id, (db) => writeConfig(db, "PHONE", { number }, tenant.owner.id));
  return { tenant, number };
}

const counts = (tenantId: string) =>
  withTenant(tenantId, async (db) => ({
    messages: await db.message.count({ where: { channel: "SMS", direction: "INBOUND" } }),
    usage: await db.usageEvent.count({ where: { kind: "SMS_SEGMENT_INBOUND" } }),
    events: await db.outboxEvent.count({ where: { name: "message/stored" } }),
  }));

describe("inbound SMS: stored first, once", () => {
  it("maps the number to its business; a number set by one business is refused to another, on the field", async () => {
    const { tenant, number } = await tenantWithNumber();
    expect(await tenantForNumber(number)).toBe(tenant.id);
    const other = await createTestTenant();
    await expect(withTenant(other.id, (db) => writeConfig(db, "PHONE", { number }, other.owner.id))).rejects.toMatchObject({
      key: "errors:phone.numberTaken",
      fields: { number: "errors:phone.numberTaken" },
    });
    // Changing the number frees the old one.
    const next = uniquePhone();
    await withTenant(tenant.id, (db) => writeConfig(db, "PHONE", { number: next }, tenant.owner.id));
    expect(await tenantForNumber(number)).toBeNull();
    expect(await tenantForNumber(next)).toBe(tenant.id);
  });

  it("stores a text in the sender's thread with its usage and event; a second delivery changes nothing", async () => {
    const { tenant, number } = await tenantWithNumber();
    const sender = uniquePhone();
    const delivery = {
      to: number,
      from: sender.replace("+1", ""),
      body: "Hi! Do you have time Saturday? 🚗",
      provider: "signalwire",
      providerMessageId: uid("SM"),
    };
    const first = await receiveInboundSms(delivery);
    expect(first.status).toBe("stored");
    const again = await receiveInboundSms(delivery);
    expect(again).toMatchObject({ status: "duplicate", messageId: first.status === "stored" ? first.messageId : "" });
    const usage = await withTenant(tenant.id, (db) => db.usageEvent.findMany({ select: { kind: true, quantity: true, simulated: true } }));
    // An emoji makes it UCS-2: still one segment (under 70 units).
    expect(usage).toEqual([{ kind: "SMS_SEGMENT_INBOUND", quantity: 1, simulated: false }]);
    const customer = await withTenant(tenant.id, (db) => db.customer.findFirstOrThrow({ where: { phone: sender }, select: { id: true } }));
    expect(first).toMatchObject({ customerId: customer.id });
    expect(await counts(tenant.id)).toEqual({ messages: 1, usage: 1, events: 1 });
  });

  it("a number no business owns, or a sender that is not a phone number, is refused without storing anything", async () => {
    const { tenant, number } = await tenantWithNumber();
    expect(
      await receiveInboundSms({
        to: uniquePhone(),
        from: uniquePhone(),
        body: "hello",
        provider: "signalwire",
        providerMessageId: uid("SM"),
      }),
    ).toEqual({ status: "unknownNumber" });
    expect(
      await receiveInboundSms({ to: number, from: "INFO", body: "hello", provider: "signalwire", providerMessageId: uid("SM") }),
    ).toEqual({ status: "invalidSender" });
    expect(await counts(tenant.id)).toEqual({ messages: 0, usage: 0, events: 0 });
  });

  it("the simulator's texts take the same path and are marked simulated (not billed)", async () => {
    const { tenant } = await tenantWithNumber();
    const result = await simulateInboundSms(tenant.id, { from: "(512) 555-0142", body: "What are your hours?", to: null });
    expect(result.status).toBe("stored");
    const usage = await withTenant(tenant.id, (db) => db.usageEvent.findMany({ select: { simulated: true } }));
    expect(usage).toEqual([{ simulated: true }]);
  });

  it("300 texts delivered concurrently, a third of them twice: each stored exactly once, counted once, announced once", async () => {
    const { tenant, number } = await tenantWithNumber();
    const senders = Array.from({ length: 30 }, () => uniquePhone());
    const texts = Array.from({ length: 300 }, (_, i) => ({
      to: number,
      from: senders[i % senders.length]!,
      body: `message ${i}`,
      provider: "signalwire",
      providerMessageId: `SM-${tenant.id}-${i}`,
    }));
    const deliveries = [...texts, ...texts.filter((_, i) => i % 3 === 0)].sort(() => Math.random() - 0.5);
    const results = await Promise.all(deliveries.map((d) => receiveInboundSms(d)));
    expect(results.filter((r) => r.status === "stored")).toHaveLength(300);
    expect(results.filter((r) => r.status === "duplicate")).toHaveLength(100);
    expect(await counts(tenant.id)).toEqual({ messages: 300, usage: 300, events: 300 });
    // One thread per sender, however the texts interleaved.
    const threads = await withTenant(tenant.id, (db) => db.conversation.count());
    expect(threads).toBe(30);
  }, 120_000);
});
