import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "../env.server";

/**
 * AES-256-GCM for integration secrets at rest. The key comes from ENCRYPTION_KEY
 * (32 bytes, base64). Ciphertext format: v1.<keyId>.<iv b64url>.<tag b64url>.<data b64url>;
 * keyId is a short hash of the key so a rotated key is detected instead of failing oddly.
 * The tenant id is bound as additional authenticated data: a secret copied to another
 * tenant's row does not decrypt.
 */
export class EncryptionKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EncryptionKeyError";
  }
}

/** Development-only fallback so `npm start` works with no keys; never used in production. */
const DEV_KEY = createHash("sha256").update("servicepro-development-only-key").digest();

export interface SecretBox {
  keyId: string;
  seal(plaintext: string, tenantId: string): string;
  open(sealed: string, tenantId: string): string;
}

export function loadEncryptionKey(source: { ENCRYPTION_KEY?: string; APP_ENV?: string }): Buffer {
  const raw = source.ENCRYPTION_KEY?.trim();
  if (!raw) {
    if (source.APP_ENV === "production") {
      throw new EncryptionKeyError(
        "ENCRYPTION_KEY is required in production (32 random bytes, base64). Generate one with: openssl rand -base64 32",
      );
    }
    return DEV_KEY;
  }
  const key = Buffer.from(raw, "base64");
  if (key.length !== 32) throw new EncryptionKeyError(`ENCRYPTION_KEY must be 32 bytes base64-encoded (got ${key.length} bytes)`);
  return key;
}

export function createSecretBox(key: Buffer): SecretBox {
  const keyId = createHash("sha256").update(key).digest("hex").slice(0, 8);
  return {
    keyId,
    seal(plaintext, tenantId) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(tenantId));
      const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return ["v1", keyId, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
    },
    open(sealed, tenantId) {
      const [version, sealedKeyId, iv, tag, data] = sealed.split(".");
      if (version !== "v1" || !iv || !tag || data === undefined) throw new EncryptionKeyError("Not a sealed secret");
      if (sealedKeyId !== keyId) throw new EncryptionKeyError(`Secret was sealed with key ${sealedKeyId}, current key is ${keyId}`);
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAAD(Buffer.from(tenantId));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
    },
  };
}

let box: SecretBox | undefined;
/** The process's secret box, from the environment. */
export function secretBox(): SecretBox {
  box ??= createSecretBox(loadEncryptionKey(env()));
  return box;
}
