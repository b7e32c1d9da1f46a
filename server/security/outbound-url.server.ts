import { lookup as dnsLookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { Invalid } from "../errors/domain-errors";

/**
 * Outbound URLs a tenant can influence (webhook targets, image links, calendar feeds) are
 * checked before any request: http(s) only, no credentials, and every address the host
 * resolves to must be public — not loopback, private, link-local (cloud metadata),
 * unique-local, multicast or reserved. Callers should connect to the returned address
 * (pinning) so a second DNS answer cannot swap in a private one.
 */
export type Resolver = (hostname: string) => Promise<Array<{ address: string }>>;

const defaultResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.range() === "unicast";
}

export async function assertPublicUrl(raw: string, resolve: Resolver = defaultResolver): Promise<{ url: URL; address: string }> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw Invalid("errors:validation.url", { url: "errors:validation.url" });
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw Invalid("errors:validation.url", { url: "errors:validation.url" });
  if (url.username || url.password) throw Invalid("errors:validation.url", { url: "errors:validation.url" });
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = ipaddr.isValid(host) ? [{ address: host }] : await resolve(host).catch(() => []);
  if (addresses.length === 0) throw Invalid("errors:validation.urlUnreachable", { url: "errors:validation.urlUnreachable" });
  const privateOne = addresses.find((a) => !isPublicAddress(a.address));
  if (privateOne) throw Invalid("errors:validation.urlPrivate", { url: "errors:validation.urlPrivate" });
  return { url, address: addresses[0].address };
}
