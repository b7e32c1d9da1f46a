import { TRPCClientError } from "@trpc/client";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "#server/trpc/router.server";
import { trpc } from "~/lib/trpc";

/** The simulator's procedures (router key `telephony.simulator`) and the shapes they trade. */
type TSimulatorOutputs = inferRouterOutputs<AppRouter>["telephony"]["simulator"];
export type TCallView = TSimulatorOutputs["startCall"];
export type TCallStep = TCallView["steps"][number];
export type TCallStepKind = TCallStep["kind"];
export type TCallInput = inferRouterInputs<AppRouter>["telephony"]["simulator"]["callInput"]["input"];

export const simulator = {
  startCall: (from: string): Promise<TCallView> => trpc.telephony.simulator.startCall.mutate({ from }),
  callInput: (callId: string, input: TCallInput): Promise<TCallView> => trpc.telephony.simulator.callInput.mutate({ callId, input }),
  recentCalls: (limit: number): Promise<TCallView[]> => trpc.telephony.simulator.recentCalls.query({ limit }),
  sendSms: (from: string, body: string): Promise<{ conversationId: string }> => trpc.telephony.simulator.sendSms.mutate({ from, body }),
};

/** The server's translated message for a refused simulator call, or `fallback` for anything unexplained (network, missing route). */
export function simulatorErrorMessage(error: unknown, fallback: string): string {
  if (error instanceof TRPCClientError) {
    const data = error.data as { i18nKey?: string | null } | undefined;
    if (data?.i18nKey && data.i18nKey !== "errors:unexpected") return error.message;
  }
  return fallback;
}
