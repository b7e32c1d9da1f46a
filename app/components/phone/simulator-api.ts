import { TRPCClientError } from "@trpc/client";
import { trpc } from "~/lib/trpc";

/**
 * The call/SMS simulator's view of the telephony API (router key `telephony.simulator`).
 * The shapes mirror the server's contract; the page reads calls only through these types.
 */
export const STEP_KINDS = ["route", "say", "pressed", "heard", "ring", "answered", "no_answer", "agent", "transfer", "record", "voicemail", "hangup", "ended"] as const;
export type TCallStepKind = (typeof STEP_KINDS)[number];

export interface TCallStep {
  at: string;
  kind: TCallStepKind;
  text?: string;
  voice?: string;
  detail?: string;
}

export type TCallAwaiting = "digit" | "speech" | "ring" | "recording" | null;

export interface TCallView {
  id: string;
  status: "LIVE" | "ENDED";
  outcome: string | null;
  language: "en" | "es";
  mode: string;
  awaiting: TCallAwaiting;
  ringing: Array<{ name: string; phone: string }>;
  steps: TCallStep[];
}

export type TCallInput =
  | { kind: "digit"; digit: string }
  | { kind: "say"; text: string }
  | { kind: "answer"; targetIndex: number }
  | { kind: "noAnswer" }
  | { kind: "voicemail"; text: string; seconds: number }
  | { kind: "hangup" };

// Typed against the contract above until the telephony router lands in AppRouter; then the
// cast goes and the router's own types take over.
interface TSimulatorProcedures {
  startCall: { mutate(input: { from: string }): Promise<TCallView> };
  callInput: { mutate(input: { callId: string; input: TCallInput }): Promise<TCallView> };
  recentCalls: { query(input: { limit: number }): Promise<TCallView[]> };
  sendSms: { mutate(input: { from: string; body: string }): Promise<{ conversationId: string }> };
}
const procedures = () => (trpc as unknown as { telephony: { simulator: TSimulatorProcedures } }).telephony.simulator;

export const simulator = {
  startCall: (from: string): Promise<TCallView> => procedures().startCall.mutate({ from }),
  callInput: (callId: string, input: TCallInput): Promise<TCallView> => procedures().callInput.mutate({ callId, input }),
  recentCalls: (limit: number): Promise<TCallView[]> => procedures().recentCalls.query({ limit }),
  sendSms: (from: string, body: string): Promise<{ conversationId: string }> => procedures().sendSms.mutate({ from, body }),
};

/** The server's translated message for a refused simulator call, or `fallback` for anything unexplained (network, missing route). */
export function simulatorErrorMessage(error: unknown, fallback: string): string {
  if (error instanceof TRPCClientError) {
    const data = error.data as { i18nKey?: string | null } | undefined;
    if (data?.i18nKey && data.i18nKey !== "errors:unexpected") return error.message;
  }
  return fallback;
}
