import { DateTime } from "luxon";

/**
 * Dates on the schedule are local dates ("YYYY-MM-DD") in the business's time zone; times
 * are ISO instants from the API, always shown in that zone (not the browser's).
 */
export function isLocalDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid;
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date).plus({ days }).toISODate()!;
}

/** Monday of the week that holds `date`. */
export function weekStartOf(date: string): string {
  return DateTime.fromISO(date).startOf("week").toISODate()!;
}

export function weekDates(first: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(first, i));
}

const intlLocale = (locale: string) => (locale === "es" ? "es-US" : "en-US");

/** The local date of an instant in the zone. */
export function localDateOf(iso: string, timeZone: string): string {
  return DateTime.fromISO(iso, { zone: timeZone }).toISODate()!;
}

/** "9:30 AM" / "9:30 a. m." in the zone. */
export function formatTime(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone, hour: "numeric", minute: "2-digit" }).format(new Date(iso));
}

export function formatTimeRange(startsAt: string, endsAt: string, timeZone: string, locale: string): string {
  return `${formatTime(startsAt, timeZone, locale)} – ${formatTime(endsAt, timeZone, locale)}`;
}

/** "Friday, November 27" for a local date. */
export function formatLongDate(date: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { weekday: "long", month: "long", day: "numeric", timeZone: "UTC" }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** "Fri 27" for a local date. */
export function formatShortDate(date: string, locale: string): { weekday: string; day: string } {
  const at = new Date(`${date}T12:00:00Z`);
  return {
    weekday: new Intl.DateTimeFormat(intlLocale(locale), { weekday: "short", timeZone: "UTC" }).format(at),
    day: new Intl.DateTimeFormat(intlLocale(locale), { day: "numeric", timeZone: "UTC" }).format(at),
  };
}

/** "Nov 23 – Nov 29": the label of a week. */
export function formatWeekRange(first: string, locale: string): string {
  const fmt = new Intl.DateTimeFormat(intlLocale(locale), { month: "short", day: "numeric", timeZone: "UTC" });
  // Not formatRange: Node's and the browser's ICU space it differently, which breaks hydration.
  return `${fmt.format(new Date(`${first}T12:00:00Z`))} – ${fmt.format(new Date(`${addDays(first, 6)}T12:00:00Z`))}`;
}

/** "Fri, Nov 27, 9:30 AM" for an instant in the zone. */
export function formatWhen(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone,
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
  }).format(new Date(iso));
}
