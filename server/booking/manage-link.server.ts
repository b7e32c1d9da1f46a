import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { env } from "../env.server";
import { Forbidden } from "../errors/domain-errors";
import { appBaseUrl } from "../notifications/format";
import { BOOKING_ERRORS } from "./booking-errors";

/**
 * Signed "manage your booking" links: the customer's only credential to see, cancel or
 * move their booking. Token = base64url(payload) "." base64url(HMAC-SHA256(payload)),
 * payload = "v1" bookingId tenantId expiry (unix seconds), separated by "|".
 *
 * The booking's version is deliberately NOT signed: the link in the confirmation text must
 * keep working after a reschedule. The key is derived (HKDF) from SESSION_SECRET, so it
 * is never the cookie key itself; development falls back to a fixed secret, as the
 * session cookie does (production refuses to boot without SESSION_SECRET).
 */
const DEV_SECRET = "servicepro-development-session-secret";
const VERSION = "v1";
export const MANAGE_LINK_TTL_DAYS = 90;

let cachedKey: { secret: string; key: Buffer } | undefined;

function signingKey(): Buffer {
  const secret = env().SESSION_SECRET ?? DEV_SECRET;
  if (cachedKey?.secret !== secret) {
    cachedKey = { secret, key: Buffer.from(hkdfSync("sha256", secret, "servicepro", "booking-manage-link/v1", 32)) };
  }
  return cachedKey.key;
}

const mac = (payload: string) => createHmac("sha256", signingKey()).update(payload).digest();

export interface ManageLinkClaims {
  bookingId: string;
  tenantId: string;
  expiresAt: Date;
}

/** A token for the customer's manage link, valid `ttlDays` (90 by default). */
export function createManageToken(ref: { bookingId: string; tenantId: string }, options: { now?: Date; ttlDays?: number } = {}): string {
  const now = options.now ?? new Date();
  const exp = Math.floor(now.getTime() / 1000) + (options.ttlDays ?? MANAGE_LINK_TTL_DAYS) * 86_400;
  const payload = [VERSION, ref.bookingId, ref.tenantId, String(exp)].join("|");
  const encoded = Buffer.from(payload, "utf8").toString("base64url");
  return `${encoded}.${mac(encoded).toString("base64url")}`;
}

/**
 * The claims of a genuine, unexpired token. Anything else is Forbidden: malformed or
 * tampered ("errors:booking.linkInvalid"), or expired ("errors:booking.linkExpired").
 * The signature is compared in constant time before anything in the payload is trusted.
 */
export function verifyManageToken(token: string, options: { now?: Date } = {}): ManageLinkClaims {
  const invalid = () => Forbidden(BOOKING_ERRORS.linkInvalid);
  if (typeof token !== "string" || token.length > 512) throw invalid();
  const parts = token.split(".");
  if (parts.length !== 2 || !/^[A-Za-z0-9_-]+$/.test(parts[0]) || !/^[A-Za-z0-9_-]+$/.test(parts[1])) throw invalid();
  const [encoded, signature] = parts;
  const given = Buffer.from(signature, "base64url");
  const expected = mac(encoded);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  const fields = Buffer.from(encoded, "base64url").toString("utf8").split("|");
  if (fields.length !== 4 || fields[0] !== VERSION || !fields[1] || !fields[2] || !/^\d+$/.test(fields[3])) throw invalid();
  const expiresAt = new Date(Number(fields[3]) * 1000);
  if ((options.now ?? new Date()).getTime() >= expiresAt.getTime()) throw Forbidden(BOOKING_ERRORS.linkExpired);
  return { bookingId: fields[1], tenantId: fields[2], expiresAt };
}

/**
 * Where the customer manages the booking: `<APP_URL>/s/<slug>/booking/manage/<token>`.
 * (The public page at that path belongs to the booking UI.)
 */
export function manageUrl(slug: string, token: string): string {
  return `${appBaseUrl(env().APP_URL, env().PORT)}/s/${encodeURIComponent(slug)}/booking/manage/${token}`;
}
