import { formatPhone } from "#server/customers/phone";

/** How the customer pages write dates, names and consent sources. */

export function dateFormatter(locale: string, timeZone: string, withTime = false) {
  const fmt = new Intl.DateTimeFormat(
    locale === "es" ? "es-US" : "en-US",
    withTime ? { dateStyle: "medium", timeStyle: "short", timeZone } : { dateStyle: "medium", timeZone },
  );
  return (d: Date | string | null | undefined) => (d ? fmt.format(new Date(d)) : "");
}

/** A customer added from a text has their number as a name until someone fills it in. */
export function displayName(c: { name: string; phone: string | null }): string {
  return c.name.trim() || formatPhone(c.phone) || "—";
}

/** Two letters for the avatar ("María Gómez" -> "MG"); digits-only names get "#". */
export function initials(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w));
  if (!words.length) return "#";
  return (words[0][0] + (words.length > 1 ? words[words.length - 1][0] : "")).toUpperCase();
}

/** i18n key of a consent source ("dashboard.phoneCall" -> "consent.sources.dashboard.phoneCall"). */
export const consentSourceKey = (source: string | null) => `consent.sources.${source ?? "unknown"}`;
