import { resolveTxt } from "node:dns/promises";
import type { DnsPort } from "./port";

/** The system resolver. No answer (NXDOMAIN, no data, offline) reads as "no records yet". */
export const systemDns: DnsPort = {
  async txt(hostname) {
    try {
      return (await resolveTxt(hostname)).map((chunks) => chunks.join(""));
    } catch {
      return [];
    }
  },
};
