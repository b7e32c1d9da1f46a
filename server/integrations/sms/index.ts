import { createLocalSms, type LocalSmsPort } from "./local";
import type { SmsPort } from "./port";

export * from "./port";
export type { LocalSmsPort, LocalSmsRecord } from "./local";

/**
 * The SMS adapter of this process. Today there is only the offline one.
 *
 * Seam for the telephony issue: add `signalwire.ts` (implements SmsPort) and choose it
 * here when its environment variables are set, e.g.
 *   if (isSignalWireConfigured(env())) return createSignalWireSms({...});
 * Callers only ever see `smsPort()`, so nothing else changes.
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

/** Tests install an adapter of their choosing (undefined puts the default back). */
export function installSmsPort(port: SmsPort | undefined): void {
  (globalThis as Holder)[INSTALLED] = port;
}
