import { describe, expect, it } from "vitest";
import { withTenant } from "../../../server/db/db.server";
import { storeInboundMessage } from "../../../server/conversations/store-inbound-message.server";
import { createTestTenant, uid } from "../../helpers/factories";
import { createCustomer, inbound, uniquePhone } from "./support";

function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe("storeInboundMessage", () => {
  it("stores each of 150 messages exactly once when 300 deliveries (each twice, shuffled) race, with exact unread counts", async () => {
    const t = await createTestTenant();
    const customers = await Promise.all([0, 1, 2].map(() => createCustomer(t.id)));
    const unique = Array.from({ length: 150 }, (_, i) => ({
      id: `SM${i.toString().padStart(4, "0")}`,
      customer: customers[i % 3],
      at: new Date(Date.UTC(2030, 0, 1, 12, 0, i)),
    }));
    const deliveries = shuffle([...unique, ...unique], 42);
    const started = Date.now();
    const results = await Promise.all(
      deliveries.map((m) =>
        withTenant(t.id, (db) =>
          storeInboundMessage(db, {
            customer: { id: m.customer.id },
            channel: "SMS",
            body: `Message ${m.id}`,
            provider: "signalwire",
            providerMessageId: m.id,
            receivedAt: m.at,
          }),
        ),
      ),
    );
    const elapsed = Date.now() - started;

    expect(results.filter((r) => r.created)).toHaveLength(150);
    // Both deliveries of a message answer with the same stored row.
    const byProviderId = new Map<string, Set<string>>();
    for (const [i, r] of results.entries())
      byProviderId.set(deliveries[i].id, (byProviderId.get(deliveries[i].id) ?? new Set()).add(r.message.id));
    expect([...byProviderId.values()].every((ids) => ids.size === 1)).toBe(true);

    const { messages, conversations, events } = await withTenant(t.id, async (db) => ({
      messages: await db.message.count(),
      conversations: await db.conversation.findMany({
        select: { customerId: true, unreadCount: true, lastMessageAt: true, lastMessagePreview: true },
      }),
      events: await db.outboxEvent.count({ where: { name: "message/stored" } }),
    }));
    expect(messages).toBe(150);
    expect(events).toBe(150);
    expect(conversations).toHaveLength(3);
    for (const [i, c] of customers.entries()) {
      const thread = conversations.find((x) => x.customerId === c.id)!;
      expect(thread.unreadCount).toBe(50);
      // The last message is the newest one, whatever order the deliveries came in.
      const newest = unique.filter((_, k) => k % 3 === i).at(-1)!;
      expect(thread.lastMessageAt?.toISOString()).toBe(newest.at.toISOString());
      expect(thread.lastMessagePreview).toBe(`Message ${newest.id}`);
    }
    console.info(`300 concurrent deliveries stored in ${elapsed} ms`);
  });

  it("keeps one thread per customer across channels, and a late delivery does not move the last message back", async () => {
    const t = await createTestTenant();
    const customer = await createCustomer(t.id);
    const base = Date.UTC(2030, 1, 1, 15);
    const a = await inbound(t.id, {
      customer: { id: customer.id },
      channel: "SMS",
      body: "Can you do Friday?",
      receivedAt: new Date(base),
    });
    const b = await inbound(t.id, {
      customer: { id: customer.id },
      channel: "VOICEMAIL",
      body: "Hi, it's about Friday",
      receivedAt: new Date(base + 60_000),
      metadata: { durationSeconds: 31 },
    });
    const c = await inbound(t.id, {
      customer: { id: customer.id },
      channel: "EMAIL",
      subject: "Photos",
      body: "Here are the photos of the seats",
      receivedAt: new Date(base + 120_000),
    });
    const late = await inbound(t.id, {
      customer: { id: customer.id },
      channel: "WEBCHAT",
      body: "an old web chat line",
      receivedAt: new Date(base - 3_600_000),
    });
    expect(new Set([a.conversationId, b.conversationId, c.conversationId, late.conversationId]).size).toBe(1);
    const thread = await withTenant(t.id, (db) => db.conversation.findUniqueOrThrow({ where: { id: a.conversationId } }));
    expect(thread.unreadCount).toBe(4);
    expect(thread.lastMessagePreview).toBe("Here are the photos of the seats");
    expect(b.message.metadata).toEqual({ durationSeconds: 31 });
  });

  it("finds or creates the customer by phone (normalised to E.164), once even when two first texts race", async () => {
    const t = await createTestTenant();
    const phone = uniquePhone();
    const national = `(${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8)}`;
    const [x, y] = await Promise.all([
      inbound(t.id, { customer: { phone: national }, providerMessageId: uid("a") }),
      inbound(t.id, { customer: { phone }, providerMessageId: uid("b") }),
    ]);
    expect(x.customerId).toBe(y.customerId);
    expect(x.conversationId).toBe(y.conversationId);
    const customers = await withTenant(t.id, (db) => db.customer.findMany({ where: { phone } }));
    expect(customers).toHaveLength(1);
    await expect(inbound(t.id, { customer: { phone: "12" } })).rejects.toMatchObject({ kind: "Invalid" });
  });

  it("the same provider id from a different provider is a different message; a replay changes nothing", async () => {
    const t = await createTestTenant();
    const customer = await createCustomer(t.id);
    const first = await inbound(t.id, { customer: { id: customer.id }, provider: "signalwire", providerMessageId: "SAME" });
    const other = await inbound(t.id, { customer: { id: customer.id }, provider: "web", providerMessageId: "SAME" });
    const replay = await inbound(t.id, {
      customer: { id: customer.id },
      provider: "signalwire",
      providerMessageId: "SAME",
      body: "changed?",
    });
    expect(other.created).toBe(true);
    expect(replay).toMatchObject({ created: false, message: { id: first.message.id, body: "Hello" } });
    const thread = await withTenant(t.id, (db) => db.conversation.findUniqueOrThrow({ where: { id: first.conversationId } }));
    expect(thread.unreadCount).toBe(2);
  });
});
