import { describe, expect, it } from "vitest";
import { inboxBus, parseInboxNotification, type TInboxSignal } from "../../../server/conversations/inbox-events.server";
import { createLocalSms } from "../../../server/integrations/sms/local";
import { SmsSendError } from "../../../server/integrations/sms/port";

describe("local SMS adapter", () => {
  it("records sends in memory with local-<uuid> ids, and can simulate a failure", async () => {
    const sms = createLocalSms();
    const sent = await sms.send("+15125550101", "Hi!", { tenantId: "t1" });
    expect(sent).toEqual({ providerMessageId: expect.stringMatching(/^local-[0-9a-f-]{36}$/), segments: 1 });
    expect(sms.sent()).toEqual([expect.objectContaining({ to: "+15125550101", body: "Hi!", tenantId: "t1", from: null })]);
    sms.failNextTo("+15125550101");
    await expect(sms.send("+15125550101", "again", { tenantId: "t1" })).rejects.toBeInstanceOf(SmsSendError);
    await sms.send("+15125550101", "third", { tenantId: "t1" });
    expect(sms.sent()).toHaveLength(2);
    sms.clear();
    expect(sms.sent()).toEqual([]);
  });
});

describe("inbox event bus", () => {
  const event = (tenantId: string) => ({
    kind: "message.stored" as const,
    tenantId,
    conversationId: "c1",
    messageId: "m1",
    channel: "SMS" as const,
    direction: "INBOUND" as const,
    at: "2030-01-01T00:00:00.000Z",
  });

  it("delivers a tenant's events only to that tenant's subscribers, and resync to everyone", () => {
    const bus = inboxBus();
    const a: TInboxSignal[] = [];
    const b: TInboxSignal[] = [];
    const offA = bus.subscribe("tenant-a", (e) => a.push(e));
    const offB = bus.subscribe("tenant-b", (e) => b.push(e));
    bus.publish(event("tenant-a"));
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(0);
    bus.resync();
    expect(b.map((e) => e.kind)).toEqual(["resync"]);
    offA();
    offB();
    bus.publish(event("tenant-a"));
    expect(a).toHaveLength(2);
    expect(bus.subscriberCount("tenant-a")).toBe(0);
  });

  it("a failing subscriber does not stop the others", () => {
    const bus = inboxBus();
    const got: TInboxSignal[] = [];
    const off1 = bus.subscribe("tenant-c", () => {
      throw new Error("boom");
    });
    const off2 = bus.subscribe("tenant-c", (e) => got.push(e));
    bus.publish(event("tenant-c"));
    expect(got).toHaveLength(1);
    off1();
    off2();
  });

  it("parses other instances' NOTIFY payloads and ignores its own and malformed ones", () => {
    const payload = (origin: string) => JSON.stringify({ origin, event: event("tenant-a") });
    expect(parseInboxNotification(payload("elsewhere"), "me")).toEqual(event("tenant-a"));
    expect(parseInboxNotification(payload("me"), "me")).toBeNull();
    expect(parseInboxNotification("not json", "me")).toBeNull();
    expect(parseInboxNotification(JSON.stringify({ origin: "x", event: { kind: "nope" } }), "me")).toBeNull();
    expect(parseInboxNotification(undefined, "me")).toBeNull();
  });
});
