import { describe, expect, it } from "vitest";
import { writeConfig } from "../../../server/config/config-service.server";
import { withTenant } from "../../../server/db/db.server";
import { carrierCallFlow } from "../../../server/telephony/calls/call-flow.server";
import { startTelephonyWorker, type RelayClientLike, type RelayInboundMessage } from "../../../server/telephony/signalwire/worker.server";
import type { RelayCallLike } from "../../../server/telephony/signalwire/voice-driver.server";
import { createTestTenant, uid } from "../../helpers/factories";
import { uniquePhone } from "../inbox/support";

/**
 * The telephony worker over a stand-in for the Relay client (the SDK's listen surface):
 * a text and a call arrive on the business's number and go through the real storing and
 * the real call flow, on the real database.
 */
function fakeRelay() {
  const handlers: { message?: (m: RelayInboundMessage) => unknown; call?: (c: RelayCallLike) => unknown; topics: string[][] } = {
    topics: [],
  };
  const client: RelayClientLike = {
    messaging: {
      listen: async (o) => {
        handlers.message = o.onMessageReceived;
        handlers.topics.push(o.topics);
        return async () => {};
      },
    },
    voice: {
      listen: async (o) => {
        handlers.call = o.onCallReceived;
        handlers.topics.push(o.topics);
        return async () => {};
      },
    },
  };
  return { client, handlers };
}

/** A caller who hears the flow out and leaves a voicemail when nobody answers. */
function callerLeavingVoicemail(from: string, to: string) {
  const said: string[] = [];
  let hang: () => void = () => {};
  const gone = new Promise<void>((resolve) => (hang = resolve));
  const call: RelayCallLike = {
    id: uid("sw-call"),
    from,
    to,
    answer: async () => undefined,
    hangup: async () => hang(),
    playTTS: async (p) => void said.push(p.text),
    collect: async () => ({}),
    recordAudio: async () => ({ url: "https://files.signalwire.com/rec/1.wav", duration: 31 }),
    connect: async () => {
      throw new Error("no answer");
    },
    disconnected: () => gone,
  };
  return { call, said };
}

describe("telephony worker", () => {
  it("stores a text and runs a call (team rung, no answer, voicemail) for the number's business", async () => {
    const t = await createTestTenant();
    const number = uniquePhone();
    await withTenant(t.id, (db) =>
      writeConfig(db, "PHONE", { number, mode: "HUMAN_FIRST", ringTargets: [{ name: "Owner", phone: uniquePhone() }] }, t.owner.id),
    );
    // No assistant: an unanswered ring goes to voicemail.
    await withTenant(t.id, (db) => writeConfig(db, "AI", { enabled: false }, t.owner.id));
    const { client, handlers } = fakeRelay();
    const worker = await startTelephonyWorker(client, { topic: "servicepro", flow: carrierCallFlow("signalwire") });
    expect(handlers.topics).toEqual([["servicepro"], ["servicepro"]]);

    const texter = uniquePhone();
    await handlers.message!({ id: uid("SM"), from: texter, to: number, body: "Hi, do you do boats?" });
    const caller = uniquePhone();
    const { call, said } = callerLeavingVoicemail(caller, number);
    await handlers.call!(call);
    await worker.stop();

    const stored = await withTenant(t.id, (db) =>
      db.message.findMany({
        where: { direction: "INBOUND" },
        orderBy: { createdAt: "asc" },
        select: { channel: true, body: true, provider: true, metadata: true },
      }),
    );
    expect(stored.map((m) => m.channel).sort()).toEqual(["CALL", "SMS", "VOICEMAIL"]);
    expect(stored.find((m) => m.channel === "SMS")).toMatchObject({ body: "Hi, do you do boats?", provider: "signalwire" });
    expect(stored.find((m) => m.channel === "VOICEMAIL")?.metadata).toMatchObject({
      recordingUrl: "https://files.signalwire.com/rec/1.wav",
      durationSeconds: 31,
    });
    const row = await withTenant(t.id, (db) =>
      db.call.findFirstOrThrow({ select: { outcome: true, provider: true, simulated: true, fromNumber: true } }),
    );
    expect(row).toEqual({ outcome: "VOICEMAIL", provider: "signalwire", simulated: false, fromNumber: caller });
    expect(said.length).toBeGreaterThan(1);
    const events = await withTenant(t.id, (db) =>
      db.outboxEvent.findMany({ where: { name: { in: ["call/ended", "voicemail/recorded"] } }, select: { name: true } }),
    );
    expect(events.map((e) => e.name).sort()).toEqual(["call/ended", "voicemail/recorded"]);
  });

  it("a call to a number no business owns is hung up; nothing is stored", async () => {
    const { client, handlers } = fakeRelay();
    const worker = await startTelephonyWorker(client, { topic: "servicepro", flow: carrierCallFlow("signalwire") });
    const { call, said } = callerLeavingVoicemail(uniquePhone(), uniquePhone());
    await handlers.call!(call);
    await worker.stop();
    expect(said).toEqual([]);
  });
});
