import { describe, expect, it } from "vitest";
import { assertPublicUrl, isPublicAddress } from "../../../server/security/outbound-url.server";

const resolver = (map: Record<string, string[]>) => async (host: string) => (map[host] ?? []).map((address) => ({ address }));

describe("outbound URL check (SSRF)", () => {
  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.5",
    "192.168.1.1",
    "169.254.169.254",
    "0.0.0.0",
    "::1",
    "fc00::1",
    "fe80::1",
    "::ffff:127.0.0.1",
    "224.0.0.1",
    "100.64.0.1",
  ])("%s is not public", (ip) => expect(isPublicAddress(ip)).toBe(false));

  it.each(["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "8.8.8.8"])("%s is public", (ip) =>
    expect(isPublicAddress(ip)).toBe(true),
  );

  it("accepts a public https URL and returns the address to pin", async () => {
    const r = await assertPublicUrl("https://hooks.example.com/x", resolver({ "hooks.example.com": ["93.184.216.34"] }));
    expect(r.address).toBe("93.184.216.34");
  });

  it("refuses private, metadata and loopback targets, by literal or by DNS", async () => {
    await expect(assertPublicUrl("http://169.254.169.254/latest/meta-data")).rejects.toMatchObject({ key: "errors:validation.urlPrivate" });
    await expect(assertPublicUrl("http://[::1]:8080/")).rejects.toMatchObject({ key: "errors:validation.urlPrivate" });
    await expect(
      assertPublicUrl("https://internal.example.com", resolver({ "internal.example.com": ["93.184.216.34", "10.0.0.7"] })),
    ).rejects.toMatchObject({ key: "errors:validation.urlPrivate" });
  });

  it("refuses other schemes, credentials, garbage and unresolvable hosts", async () => {
    await expect(assertPublicUrl("file:///etc/passwd")).rejects.toMatchObject({ key: "errors:validation.url" });
    await expect(assertPublicUrl("https://user:pw@example.com")).rejects.toMatchObject({ key: "errors:validation.url" });
    await expect(assertPublicUrl("not a url")).rejects.toMatchObject({ key: "errors:validation.url" });
    await expect(assertPublicUrl("https://nowhere.invalid", resolver({}))).rejects.toMatchObject({
      key: "errors:validation.urlUnreachable",
    });
  });
});
