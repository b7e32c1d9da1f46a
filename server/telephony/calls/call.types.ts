import type { TLocale } from "../../i18n/localized-text";
import type { TCallMode } from "./routing";

/** How a call ended (the calls.outcome column and the call/ended event). */
export type TCallOutcome = "HUMAN" | "AI" | "VOICEMAIL" | "MISSED" | "ABANDONED";

export interface TRingTarget {
  name: string;
  phone: string;
}

/** One thing that happened on a call, as the dashboard and the simulator show it. */
export interface TCallStep {
  /** ISO instant. */
  at: string;
  kind:
    | "route"
    | "say"
    | "pressed"
    | "heard"
    | "ring"
    | "answered"
    | "no_answer"
    | "agent"
    | "transfer"
    | "record"
    | "voicemail"
    | "hangup"
    | "ended";
  text?: string;
  /** The TTS voice that said `text`. */
  voice?: string;
  detail?: string;
}

/** What the machine asks its driver (SignalWire adapter, simulator, test) to do next: pure data. */
export type TCallInstruction =
  | { kind: "say"; text: string; voiceLanguage: "en-US" | "es-US"; voice: string }
  | { kind: "gather_digit"; timeoutSeconds: number }
  | { kind: "ring"; targets: TRingTarget[]; seconds: number }
  | { kind: "listen" }
  | { kind: "agent_turn"; text: string }
  | { kind: "record"; maxSeconds: number }
  | { kind: "connect"; target: TRingTarget }
  | { kind: "hangup" };

/** The call as its driver and the simulator see it after each step. */
export interface TCallView {
  id: string;
  status: "LIVE" | "ENDED";
  outcome: TCallOutcome | null;
  language: TLocale;
  mode: TCallMode;
  /** Which input the call waits for (null: nothing, e.g. connected to a person or ended). */
  awaiting: "digit" | "speech" | "ring" | "recording" | null;
  /** Who is being rung right now. */
  ringing: TRingTarget[];
  steps: TCallStep[];
  /** Instructions produced by the last step, for the driver. */
  instructions: TCallInstruction[];
  from: string;
  simulated: boolean;
  startedAt: string;
  durationSeconds: number | null;
}
