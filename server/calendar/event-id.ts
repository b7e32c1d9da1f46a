import { createHash } from "node:crypto";

/**
 * The Google event id of a booking: deterministic, so a retry (or a catch-up running
 * next to a retry) updates the same event instead of creating a second one. Google
 * accepts base32hex characters (0-9, a-v), 5 to 1024 long: a UUID without dashes is
 * lower-case hex, which fits; any other id is hashed to hex.
 */
export function googleEventIdFor(bookingId: string): string {
  const hex = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(bookingId)
    ? bookingId.toLowerCase().replace(/-/g, "")
    : createHash("sha256").update(bookingId).digest("hex");
  return `sp${hex}`;
}
