import { Voice } from "@signalwire/realtime-api";
import type { TCallInstruction, TCallView } from "../calls/call.types";
import type { TCallMachineEvent } from "../calls/call-machine";

/**
 * Runs one real call: SignalWire's call object on one side, the carrier-independent call
 * flow (server/telephony/calls) on the other. The flow says what to do (say, gather a
 * digit, listen, ring, record, connect, hang up); this driver does it on the live call and
 * reports what happened back to the flow, until the flow or the caller ends the call.
 * The simulator drives the very same flow with buttons instead of a phone.
 */
export interface RelayCallLike {
  id: string;
  from: string;
  to: string;
  answer(): Promise<unknown>;
  hangup(): Promise<unknown>;
  playTTS(params: { text: string; language?: string; voice?: string }): Promise<unknown>;
  collect(params: Record<string, unknown>): Promise<unknown>;
  recordAudio(params?: Record<string, unknown>): Promise<unknown>;
  /** Dials out and bridges; resolves with the peer when someone answers, rejects when nobody does. */
  connect(params: { devices: InstanceType<typeof Voice.DeviceBuilder>; ringback?: unknown }): Promise<unknown>;
  disconnected(): Promise<unknown>;
}

export interface CallFlow {
  start(call: { providerCallId: string; from: string; to: string }): Promise<TCallView | null>;
  advance(callId: string, event: TCallMachineEvent): Promise<TCallView>;
}

/** Runs the call to its end. Never throws: a failure hangs up politely and ends the flow. */
export async function driveRelayCall(
  call: RelayCallLike,
  flow: CallFlow,
  log: (msg: string, extra?: Record<string, unknown>) => void = () => {},
): Promise<TCallView | null> {
  let view = await flow.start({ providerCallId: call.id, from: call.from, to: call.to });
  if (!view) {
    // Not a number of ours (or not set up): nothing to say on behalf of anyone.
    await call.hangup().catch(() => undefined);
    return null;
  }
  let hungUp = false;
  const ended = call.disconnected().then(() => {
    hungUp = true;
  });
  try {
    await call.answer();
    let guard = 0;
    while (view.status === "LIVE" && guard++ < 200) {
      let event = await runInstructions(call, view.instructions, () => hungUp);
      if (!event) {
        // Nothing to ask the caller (connected to a person): the call goes on until someone hangs up.
        await ended;
        event = { type: "HANGUP" };
      }
      view = await flow.advance(view.id, hungUp && event.type !== "RING_ANSWERED" ? { type: "HANGUP" } : event);
    }
  } catch (error) {
    log("call driver failed; ending the call", { callId: view.id, err: (error as Error).message });
    if (view.status === "LIVE") view = await flow.advance(view.id, { type: "HANGUP" }).catch(() => view!);
  }
  if (!hungUp) await call.hangup().catch(() => undefined);
  return view;
}

/** Does what the flow asked, in order; the last instruction that waits for the caller gives the next event. */
async function runInstructions(
  call: RelayCallLike,
  instructions: TCallInstruction[],
  hungUp: () => boolean,
): Promise<TCallMachineEvent | null> {
  let event: TCallMachineEvent | null = null;
  for (const step of instructions) {
    if (hungUp()) return { type: "HANGUP" };
    switch (step.kind) {
      case "say":
        await call.playTTS({ text: step.text, language: step.voiceLanguage, voice: step.voice });
        break;
      case "gather_digit": {
        const result = (await call.collect({
          digits: { max: 1, digitTimeout: step.timeoutSeconds },
          initialTimeout: step.timeoutSeconds,
        })) as { digits?: string; type?: string } | null;
        event = result?.digits ? { type: "MENU_DIGIT", digit: result.digits.slice(0, 1) } : { type: "TIMEOUT" };
        break;
      }
      case "listen": {
        const result = (await call.collect({
          speech: { endSilenceTimeout: 1.5, speechTimeout: 30 },
          digits: { max: 1, digitTimeout: 3 },
          initialTimeout: 8,
        })) as { text?: string; digits?: string } | null;
        event = result?.text?.trim()
          ? { type: "CALLER_SAID", text: result.text.trim() }
          : result?.digits
            ? { type: "MENU_DIGIT", digit: result.digits.slice(0, 1) }
            : { type: "TIMEOUT" };
        break;
      }
      case "connect":
        // The ring already bridged the caller to the person who answered: nothing to dial.
        break;
      case "ring": {
        const targets = step.targets;
        const seconds = step.seconds;
        // Devices added in one array ring together (SIMULTANEOUS); the machine rings SEQUENTIAL targets one per step.
        const devices = new Voice.DeviceBuilder().add(
          targets.map((t) => Voice.DeviceBuilder.Phone({ to: t.phone, from: call.to, timeout: seconds })),
        );
        try {
          const peer = (await call.connect({ devices })) as { to?: string } | null;
          const answered = targets.find((t) => t.phone === peer?.to) ?? targets[0]!;
          // Bridged: the flow marks it answered; the call then lasts until someone hangs up.
          return { type: "RING_ANSWERED", target: answered.phone };
        } catch {
          event = { type: "RING_NO_ANSWER" };
        }
        break;
      }
      case "record": {
        const recording = (await call.recordAudio({
          endSilenceTimeout: 5,
          terminators: "#",
          beep: true,
          ...(step.maxSeconds ? { maxLength: step.maxSeconds } : {}),
        })) as { url?: string; duration?: number } | null;
        event = {
          type: "RECORDING_DONE",
          durationSeconds: Math.max(0, Math.round(recording?.duration ?? 0)),
          recordingUrl: recording?.url ?? null,
          spokenText: null,
        };
        break;
      }
      case "hangup":
        await call.hangup();
        return { type: "HANGUP" };
      case "agent_turn":
        // The flow runs the agent itself before it hands back instructions.
        break;
    }
  }
  return event;
}
