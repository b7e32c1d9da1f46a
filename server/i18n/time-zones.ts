import { zPattern } from "../validation/text";

/** IANA time zones: validated against the runtime's list (aliases like US/Central included). */
const KNOWN = new Set<string>(Intl.supportedValuesOf("timeZone"));

export function isValidTimeZone(tz: string): boolean {
  if (KNOWN.has(tz)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const ZTimeZoneSchema = zPattern(/^[A-Za-z0-9_+\-/]{1,64}$/, { message: "validation.timeZone", trim: true, check: isValidTimeZone });

/** The zones offered first in pickers (US and Spanish-speaking markets); every IANA zone is accepted. */
export const COMMON_TIME_ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Los_Angeles",
  "America/Anchorage",
  "Pacific/Honolulu",
  "America/Puerto_Rico",
  "America/Mexico_City",
  "America/Bogota",
  "America/Lima",
  "America/Santiago",
  "America/Argentina/Buenos_Aires",
  "Europe/Madrid",
] as const;

export function allTimeZones(): string[] {
  return [...KNOWN].sort();
}
