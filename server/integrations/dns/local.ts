import type { DnsPort } from "./port";

/** An in-memory DNS for tests and offline demos: records are whatever was put here. */
export function createLocalDns(records: Record<string, string[]> = {}): DnsPort & { set(hostname: string, values: string[]): void } {
  const map = new Map(Object.entries(records).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    async txt(hostname) {
      return map.get(hostname.toLowerCase()) ?? [];
    },
    set(hostname, values) {
      map.set(hostname.toLowerCase(), values);
    },
  };
}
