import { createLocalSms, type LocalSmsPort } from "./local";
import type { SmsPort } from "./port";

export * from "./port";
export type { LocalSmsPort, LocalSmsRecord } from "./local";

/**
 * The SMS adapter of this process: SignalWire when the telephony boot installs it (keys
 * set: server/telephony/signalwire/client.server.ts), the offline one otherwise.
 * Callers only ever see `smsPort()`.
 */
const INSTALLED = Symbol.for("servicepro.smsPort");
const LOCAL = Symbol.for("servicepro.smsPort.local");
type Holder = Record<symbol, SmsPort | LocalSmsPort | undefined>;

export function smsPort(): SmsPort {
  const g = globalThis as Holder;
  return g[INSTALLED] ?? localSms();
}

/** The process's offline adapter (one per process even though the server is bundled twice). */
export function localSms(): LocalSmsPort {
  const g = globalThis as Holder;
  g[LOCAL] ??= createLocalSms();
  return g[LOCAL] as LocalSmsPort;
}

/** Boot installs the real adapter; tests install one of their choosing (undefined puts the default back). */
export function installSmsPort(port: SmsPort | undefined): void {
  (globalThis as Holder)[INSTALLED] = port;
}
