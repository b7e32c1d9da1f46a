import { describe, expect, it } from "vitest";
import type { TCallInstruction, TCallView } from "../../../server/telephony/calls/call.types";
import type { TCallMachineEvent } from "../../../server/telephony/calls/call-machine";
import { driveRelayCall, type CallFlow, type RelayCallLike } from "../../../server/telephony/signalwire/voice-driver.server";

/**
 * The SignalWire driver between a live call (a stand-in with the SDK's call methods) and a
 * scripted flow: it does what each instruction says on the call and reports what happened.
 */
function view(instructions: TCallInstruction[], status: "LIVE" | "ENDED" = "LIVE"): TCallView {
  return {
    id: "call-1",
    status,
    outcome: status === "ENDED" ? "HUMAN" : null,
    language: "en",
    mode: "HUMAN_FIRST",
    awaiting: null,
    ringing: [],
    steps: [],
    instructions,
    from: "+15125550142",
    simulated: false,
    startedAt: new Date().toISOString(),
    durationSeconds: null,
  };
}

function fakeCall(script: { digits?: string; speech?: string; answer?: boolean; recording?: { url: string; duration: number } } = {}) {
  const done: string[] = [];
  let hangUp: () => void = () => {};
  const disconnected = new Promise<void>((resolve) => (hangUp = resolve));
  const call: RelayCallLike = {
    id: "sw-call-1",
    from: "+15125550142",
    to: "+15125550199",
    answer: async () => void done.push("answer"),
    hangup: async () => {
      done.push("hangup");
      hangUp();
    },
    playTTS: async (p) => void done.push(`say[${p.language}] ${p.text}`),
    collect: async (p) => {
      done.push(
        `collect ${Object.keys(p)
          .filter((k) => k === "speech" || k === "digits")
          .join("+")}`,
      );
      return p.speech ? { text: script.speech } : { digits: script.digits };
    },
    recordAudio: async () => {
      done.push("record");
      return script.recording ?? null;
    },
    connect: async (p) => {
      done.push(`connect ${JSON.stringify(p.devices.devices)}`);
      if (!script.answer) throw new Error("no answer");
      // The person answered; they talk, then the caller hangs up.
      setTimeout(hangUp, 5);
      return { to: (p.devices.devices as Array<Array<{ to: string }>>)[0]![0]!.to };
    },
    disconnected: () => disconnected,
  };
  return { call, done };
}

function scriptedFlow(steps: Array<(event: TCallMachineEvent | null) => TCallView>) {
  const events: TCallMachineEvent[] = [];
  let i = 0;
  const flow: CallFlow = {
    start: async () => steps[i++]!(null),
    advance: async (_id, event) => {
      events.push(event);
      return steps[i++]!(event);
    },
  };
  return { flow, events };
}

describe("SignalWire call driver", () => {
  it("menu digit, greeting, sequential ring answered: connected until the caller hangs up", async () => {
    const { call, done } = fakeCall({ digits: "2", answer: true });
    const { flow, events } = scriptedFlow([
      () =>
        view([
          { kind: "say", text: "For Spanish press 2", voiceLanguage: "en-US", voice: "en" },
          { kind: "gather_digit", timeoutSeconds: 5 },
        ]),
      () =>
        view([
          { kind: "say", text: "Un momento", voiceLanguage: "es-US", voice: "es" },
          { kind: "ring", targets: [{ name: "Ana", phone: "+15125550101" }], seconds: 20 },
        ]),
      // Bridged: the flow says who the caller is connected to; nothing is dialled again.
      () =>
        view([
          { kind: "say", text: "Connecting you", voiceLanguage: "es-US", voice: "es" },
          { kind: "connect", target: { name: "Ana", phone: "+15125550101" } },
        ]),
      () => view([], "ENDED"),
    ]);
    const final = await driveRelayCall(call, flow);
    expect(final?.status).toBe("ENDED");
    expect(events.map((e) => e.type)).toEqual(["MENU_DIGIT", "RING_ANSWERED", "HANGUP"]);
    expect(events[0]).toMatchObject({ digit: "2" });
    expect(done).toContain("say[es-US] Un momento");
    expect(done.filter((d) => d.startsWith("connect"))).toEqual([
      'connect [[{"type":"phone","to":"+15125550101","from":"+15125550199","timeout":20}]]',
    ]);
  });

  it("nobody answers a simultaneous ring, then a voicemail is recorded", async () => {
    const { call, done } = fakeCall({ answer: false, recording: { url: "https://example.signalwire.com/rec.wav", duration: 42.4 } });
    const team = [
      { name: "Ana", phone: "+15125550101" },
      { name: "Luis", phone: "+15125550102" },
    ];
    const { flow, events } = scriptedFlow([
      () => view([{ kind: "ring", targets: team, seconds: 15 }]),
      () =>
        view([
          { kind: "say", text: "Leave a message", voiceLanguage: "en-US", voice: "en" },
          { kind: "record", maxSeconds: 120 },
        ]),
      () => view([{ kind: "say", text: "Thanks", voiceLanguage: "en-US", voice: "en" }, { kind: "hangup" }]),
      () => view([], "ENDED"),
    ]);
    await driveRelayCall(call, flow);
    // Both ring together: one device group holding both numbers.
    expect(done.find((d) => d.startsWith("connect"))).toBe(
      'connect [[{"type":"phone","to":"+15125550101","from":"+15125550199","timeout":15},{"type":"phone","to":"+15125550102","from":"+15125550199","timeout":15}]]',
    );
    expect(events).toEqual([
      { type: "RING_NO_ANSWER" },
      { type: "RECORDING_DONE", durationSeconds: 42, recordingUrl: "https://example.signalwire.com/rec.wav", spokenText: null },
      { type: "HANGUP" },
    ]);
    expect(done.at(-1)).toBe("hangup");
  });

  it("speech goes to the flow as words; silence as a timeout", async () => {
    const { call } = fakeCall({ speech: "Do you do ceramic coating?" });
    const { flow, events } = scriptedFlow([
      () => view([{ kind: "say", text: "Hi", voiceLanguage: "en-US", voice: "en" }, { kind: "listen" }]),
      () => view([{ kind: "hangup" }]),
      () => view([], "ENDED"),
    ]);
    await driveRelayCall(call, flow);
    expect(events[0]).toEqual({ type: "CALLER_SAID", text: "Do you do ceramic coating?" });
    const quiet = fakeCall({ speech: "  " });
    const second = scriptedFlow([() => view([{ kind: "listen" }]), () => view([{ kind: "hangup" }]), () => view([], "ENDED")]);
    await driveRelayCall(quiet.call, second.flow);
    expect(second.events[0]).toEqual({ type: "TIMEOUT" });
  });

  it("a number that is not ours is hung up without a word", async () => {
    const { call, done } = fakeCall();
    const final = await driveRelayCall(call, { start: async () => null, advance: async () => view([], "ENDED") });
    expect(final).toBeNull();
    expect(done).toEqual(["hangup"]);
  });
});
