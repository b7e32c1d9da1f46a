import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSecretBox, EncryptionKeyError, loadEncryptionKey } from "#server/security/secret-box.server";

const key = () => randomBytes(32);
const TENANT = "tenant-a";

/** Flips one bit of one base64url segment (1 = key id, 2 = iv, 3 = tag, 4 = data). */
function tamper(sealed: string, segment: number): string {
  const parts = sealed.split(".");
  const bytes = Buffer.from(parts[segment]!, "base64url");
  bytes[0] = bytes[0]! ^ 0x01;
  parts[segment] = bytes.toString("base64url");
  return parts.join(".");
}

describe("secret box (AES-256-GCM)", () => {
  it("round-trips a secret, with a fresh IV every time", () => {
    const box = createSecretBox(key());
    const secret = "sk_live_ÿ-ünïcode-and-a-long-tail-" + "x".repeat(500);
    const a = box.seal(secret, TENANT);
    const b = box.seal(secret, TENANT);
    expect(a).toMatch(new RegExp(`^v1\\.${box.keyId}\\.[\\w-]{16}\\.[\\w-]{22}\\.[\\w-]+$`));
    expect(a).not.toBe(b);
    expect(a).not.toContain("sk_live");
    expect(box.open(a, TENANT)).toBe(secret);
    expect(box.open(b, TENANT)).toBe(secret);
    expect(box.open(box.seal("", TENANT), TENANT)).toBe("");
  });

  it("refuses tampered ciphertext, tag or IV", () => {
    const box = createSecretBox(key());
    const sealed = box.seal("webhook-signing-secret", TENANT);
    for (const segment of [2, 3, 4]) expect(() => box.open(tamper(sealed, segment), TENANT)).toThrow(/unable to authenticate|auth/i);
    expect(() => box.open(sealed.slice(0, -2), TENANT)).toThrow();
  });

  it("refuses to open a secret under another tenant's id (bound as AAD)", () => {
    const box = createSecretBox(key());
    const sealed = box.seal("tenant A's API key", "tenant-a");
    expect(() => box.open(sealed, "tenant-b")).toThrow(/unable to authenticate/i);
    expect(box.open(sealed, "tenant-a")).toBe("tenant A's API key");
  });

  it("says clearly when a secret was sealed with another key", () => {
    const oldBox = createSecretBox(key());
    const newBox = createSecretBox(key());
    const sealed = oldBox.seal("rotated", TENANT);
    expect(() => newBox.open(sealed, TENANT)).toThrow(EncryptionKeyError);
    expect(() => newBox.open(sealed, TENANT)).toThrow(`Secret was sealed with key ${oldBox.keyId}, current key is ${newBox.keyId}`);
  });

  it("says clearly when the value is not a sealed secret", () => {
    const box = createSecretBox(key());
    for (const junk of ["", "plain-text-api-key", "v2.abc.def.ghi.jkl", "v1.only.three"]) {
      expect(() => box.open(junk, TENANT)).toThrow(EncryptionKeyError);
    }
  });
});

describe("ENCRYPTION_KEY", () => {
  it("is required in production, with how to make one", () => {
    expect(() => loadEncryptionKey({ APP_ENV: "production" })).toThrow(EncryptionKeyError);
    expect(() => loadEncryptionKey({ APP_ENV: "production", ENCRYPTION_KEY: "  " })).toThrow(
      /ENCRYPTION_KEY is required in production.*openssl rand -base64 32/,
    );
  });

  it("must decode to exactly 32 bytes", () => {
    for (const length of [16, 31, 33, 64]) {
      expect(() => loadEncryptionKey({ ENCRYPTION_KEY: randomBytes(length).toString("base64") })).toThrow(
        `must be 32 bytes base64-encoded (got ${length} bytes)`,
      );
    }
    expect(() => loadEncryptionKey({ APP_ENV: "production", ENCRYPTION_KEY: "not base64 at all!" })).toThrow(EncryptionKeyError);
  });

  it("accepts a 32-byte base64 key and uses it", () => {
    const raw = randomBytes(32);
    const loaded = loadEncryptionKey({ APP_ENV: "production", ENCRYPTION_KEY: raw.toString("base64") });
    expect(loaded.equals(raw)).toBe(true);
  });

  it("falls back to a fixed development key outside production only", () => {
    const a = loadEncryptionKey({ APP_ENV: "local" });
    const b = loadEncryptionKey({});
    expect(a.length).toBe(32);
    expect(a.equals(b)).toBe(true);
    const box = createSecretBox(a);
    expect(box.open(box.seal("dev", TENANT), TENANT)).toBe("dev");
  });
});
