import { describe, expect, it } from "vitest";
import { SmsSendError } from "../../../server/integrations/sms/port";
import { createSignalWireSms, messageIdOf } from "../../../server/integrations/sms/signalwire";

/** The SignalWire SMS adapter over a stand-in for Relay's messaging namespace (the SDK's own surface). */
function fakeMessaging(answer: (params: Record<string, unknown>) => Promise<unknown>) {
  const sent: Record<string, unknown>[] = [];
  return {
    sent,
    messaging: async () => ({
      send: async (params: { from: string; to: string; body: string }) => {
        sent.push(params);
        return answer(params);
      },
    }),
  };
}

describe("SignalWire SMS adapter", () => {
  it("sends from the tenant's own number on the configured topic and returns Relay's id and the segments", async () => {
    const fake = fakeMessaging(async () => ({ code: "200", message: "Message accepted", messageId: "sw-123" }));
    const port = createSignalWireSms({
      messaging: fake.messaging,
      fromFor: async (t) => (t === "tenant-1" ? "+15125550199" : null),
      topic: "servicepro",
    });
    const result = await port.send("+15125550142", "Your detail is confirmed for Saturday at 9:00 AM.", { tenantId: "tenant-1" });
    expect(result).toEqual({ providerMessageId: "sw-123", segments: 1 });
    expect(fake.sent).toEqual([
      {
        from: "+15125550199",
        to: "+15125550142",
        body: "Your detail is confirmed for Saturday at 9:00 AM.",
        context: "servicepro",
        tags: ["tenant:tenant-1"],
      },
    ]);
    expect(port.provider).toBe("signalwire");
  });

  it("refuses permanently when the business has no number, and classifies Relay errors", async () => {
    const none = createSignalWireSms({ messaging: fakeMessaging(async () => ({})).messaging, fromFor: async () => null, topic: "t" });
    await expect(none.send("+15125550142", "hi", { tenantId: "x" })).rejects.toMatchObject({ name: "SmsSendError", permanent: true });

    const invalid = createSignalWireSms({
      messaging: fakeMessaging(async () => Promise.reject({ code: "400", message: "Invalid To number" })).messaging,
      fromFor: async () => "+15125550199",
      topic: "t",
    });
    const error = await invalid.send("+15125550142", "hi", { tenantId: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsSendError);
    expect(error).toMatchObject({ permanent: true, message: expect.stringContaining("Invalid To number") });

    for (const code of ["429", "500"]) {
      const flaky = createSignalWireSms({
        messaging: fakeMessaging(async () => Promise.reject({ code, message: "try later" })).messaging,
        fromFor: async () => "+15125550199",
        topic: "t",
      });
      await expect(flaky.send("+15125550142", "hi", { tenantId: "x" })).rejects.toMatchObject({ permanent: false });
    }
    const noId = createSignalWireSms({
      messaging: fakeMessaging(async () => ({ code: "200" })).messaging,
      fromFor: async () => "+15125550199",
      topic: "t",
    });
    await expect(noId.send("+15125550142", "hi", { tenantId: "x" })).rejects.toMatchObject({ permanent: false });
  });

  it("reads the message id in the shapes Relay has used", () => {
    expect(messageIdOf({ messageId: "a" })).toBe("a");
    expect(messageIdOf({ message_id: "b" })).toBe("b");
    expect(messageIdOf({ id: "c" })).toBe("c");
    expect(messageIdOf({ messageId: "" })).toBeNull();
    expect(messageIdOf(null)).toBeNull();
  });
});
