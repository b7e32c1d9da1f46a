import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

/**
 * Customer phone numbers: stored in E.164 ("+15125550142"), typed however people write
 * them. Pure (no server imports), so the dashboard formats numbers with the same rules.
 */
export const DEFAULT_PHONE_COUNTRY: CountryCode = "US";

/** "+52 1 55 …": Mexican mobiles were written with a "1" until 2020, and many still are. */
const MX_OLD_MOBILE = /^\+521(\d{10})$/;

/** A phone number as typed ("(512) 555-0142", "+52 55 1234 5678", "0052 …") -> E.164, or null when it is not a valid number. */
export function normalizePhone(raw: string | null | undefined, defaultCountry: CountryCode = DEFAULT_PHONE_COUNTRY): string | null {
  const text = raw?.trim() ?? "";
  // Letters mean words around the number ("call 512…") or a vanity number: ask for digits.
  if (!text || text.length > 40 || /\p{L}/u.test(text.replace(/\s*(?:ext\.?|extension|x)\s*\d{1,6}$/i, ""))) return null;
  // "00" is the international prefix outside North America; no valid US number starts with 0.
  const withPlus = text.replace(/^00(?=[1-9])/, "+");
  const parsed = parsePhoneNumberFromString(withPlus, defaultCountry);
  if (parsed?.isValid()) return parsed.number;
  const digits = `+${withPlus.replace(/\D/g, "")}`;
  const mx = withPlus.startsWith("+") ? MX_OLD_MOBILE.exec(digits) : null;
  if (mx) {
    const retry = parsePhoneNumberFromString(`+52${mx[1]}`);
    if (retry?.isValid()) return retry.number;
  }
  return null;
}

/** An E.164 number for people: national format at home ("(512) 555-0142"), international otherwise ("+52 55 1234 5678"). */
export function formatPhone(e164: string | null | undefined, homeCountry: CountryCode = DEFAULT_PHONE_COUNTRY): string {
  if (!e164) return "";
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === homeCountry ? parsed.formatNational() : parsed.formatInternational();
}

/** The digits of what a person typed, for matching part of a phone number ("555-01" -> "55501"). */
export function phoneDigits(text: string): string {
  return text.replace(/\D/g, "");
}
