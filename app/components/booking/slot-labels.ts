import { DateTime } from "luxon";

/**
 * How the booking pages name times in the business's zone. The zone's short name is taken
 * at each date (Luxon), never once for today: a booking in July reads PDT, one in December
 * PST. On a fall-back day a time of day happens twice: both are offered, each labelled.
 */

const lang = (locale: string) => (locale === "es" ? "es-US" : "en-US");

/** The zone's short name at an instant, in the reader's language ("PDT", "PST", "GMT+2"). */
export function zoneAbbreviation(at: string | Date, timeZone: string, locale: string): string {
  const dt = (typeof at === "string" ? DateTime.fromISO(at) : DateTime.fromJSDate(at)).setZone(timeZone).setLocale(lang(locale));
  return dt.isValid ? dt.toFormat("ZZZZ") : timeZone;
}

/** The zone's short name at midday of a local date ("YYYY-MM-DD") in that zone. */
export function zoneAbbreviationOnDate(date: string, timeZone: string, locale: string): string {
  return zoneAbbreviation(DateTime.fromISO(`${date}T12:00`, { zone: timeZone }).toJSDate(), timeZone, locale);
}

/**
 * The button label of each slot of one day: "1:30 AM", and "1:30 AM PDT" / "1:30 AM PST"
 * for a time of day that the day has twice. When both occurrences would read the same
 * abbreviation, the UTC offset tells them apart ("1:30 AM UTC-07:00").
 */
export function slotTimeLabels(slots: ReadonlyArray<{ startsAt: string }>, timeZone: string, locale: string): string[] {
  const times = slots.map((s) => DateTime.fromISO(s.startsAt).setZone(timeZone).setLocale(lang(locale)));
  const plain = times.map((t) => t.toLocaleString(DateTime.TIME_SIMPLE));
  const count = new Map<string, number>();
  for (const p of plain) count.set(p, (count.get(p) ?? 0) + 1);
  const repeated = (i: number) => (count.get(plain[i]) ?? 0) > 1;
  const abbrs = times.map((t) => t.toFormat("ZZZZ"));
  return plain.map((p, i) => {
    if (!repeated(i)) return p;
    const twin = plain.findIndex((q, j) => j !== i && q === p);
    return twin >= 0 && abbrs[twin] === abbrs[i] ? `${p} UTC${times[i].toFormat("ZZ")}` : `${p} ${abbrs[i]}`;
  });
}
