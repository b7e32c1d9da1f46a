import { tenantForNumber } from "../phone-numbers.server";
import type { CallFlow } from "../signalwire/voice-driver.server";
import { advanceCall, startCall, type TCallEvent, type TCallSessionDeps } from "./call-session.server";

/**
 * The call flow as the SignalWire driver consumes it: a call to one of our numbers starts a
 * session for the number's tenant; every later event goes to that tenant's call. Returns
 * null for a number that belongs to no business (the driver then hangs up).
 */
export function carrierCallFlow(provider = "signalwire", deps?: TCallSessionDeps): CallFlow {
  // The driver runs one call start to finish in this process, so the call's tenant can stay in memory.
  const tenantOfCall = new Map<string, string>();
  return {
    async start(call) {
      const tenantId = await tenantForNumber(call.to);
      if (!tenantId) return null;
      const view = await startCall(
        { tenantId, provider, providerCallId: call.providerCallId, from: call.from, to: call.to, simulated: false },
        deps,
      );
      if (view.status === "LIVE") tenantOfCall.set(view.id, tenantId);
      return view;
    },
    async advance(callId, event) {
      const tenantId = tenantOfCall.get(callId);
      if (!tenantId) throw new Error(`carrierCallFlow: call ${callId} was not started here`);
      const view = await advanceCall(tenantId, callId, event as TCallEvent, deps);
      if (view.status === "ENDED") tenantOfCall.delete(callId);
      return view;
    },
  };
}
