import { SignalWire, type SWClient } from "@signalwire/realtime-api";
import { getConfig } from "../../config/config-service.server";
import { env, isSignalWireConfigured } from "../../env.server";
import { createSignalWireSms } from "../../integrations/sms/signalwire";
import type { SmsPort } from "../../integrations/sms/port";

/**
 * One Relay client per process, connected on first use. Only built when
 * SIGNALWIRE_PROJECT_ID and SIGNALWIRE_API_TOKEN are set; without them nothing here runs
 * and the product uses the local SMS adapter and the simulator.
 */
let client: Promise<SWClient> | null = null;

export function signalWireClient(): Promise<SWClient> {
  const e = env();
  if (!isSignalWireConfigured(e)) throw new Error("SignalWire is not configured (SIGNALWIRE_PROJECT_ID, SIGNALWIRE_API_TOKEN)");
  client ??= SignalWire({
    project: e.SIGNALWIRE_PROJECT_ID!,
    token: e.SIGNALWIRE_API_TOKEN!,
    ...(e.SIGNALWIRE_HOST ? { host: e.SIGNALWIRE_HOST } : {}),
  }).catch((error) => {
    client = null;
    throw error;
  });
  return client;
}

export async function closeSignalWireClient(): Promise<void> {
  const open = client;
  client = null;
  if (open) await (await open).disconnect().catch(() => undefined);
}

/** The SMS port over Relay: texts leave from the tenant's own number (PHONE node). */
export function signalWireSmsPort(): SmsPort {
  return createSignalWireSms({
    messaging: async () => (await signalWireClient()).messaging,
    fromFor: async (tenantId) => (await getConfig(tenantId, "PHONE")).number,
    topic: env().SIGNALWIRE_TOPIC,
  });
}
