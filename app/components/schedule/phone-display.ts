import { parsePhoneNumberFromString } from "libphonenumber-js";

/** "(512) 555-0111" for US numbers, international format otherwise; the input when it is not a number. */
export function displayPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === "US" ? parsed.formatNational() : parsed.formatInternational();
}
