import { systemDns } from "./dns";
import { createLocalDns } from "./local";
import type { DnsPort } from "./port";

export type { DnsPort } from "./port";

const HOLDER = Symbol.for("servicepro.dns");

/** The process's DNS: the system resolver, or the local one when DNS_ADAPTER=local (tests, offline demos). */
export function dns(): DnsPort {
  const g = globalThis as Record<symbol, DnsPort | undefined>;
  g[HOLDER] ??= process.env.DNS_ADAPTER === "local" ? createLocalDns() : systemDns;
  return g[HOLDER]!;
}

/** Tests point the process at a local DNS with the records they need. */
export function installDns(port: DnsPort | undefined): void {
  (globalThis as Record<symbol, DnsPort | undefined>)[HOLDER] = port;
}
