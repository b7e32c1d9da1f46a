/**
 * Inbox formatting: times in the tenant's time zone, day groups, avatars. Pure (no React,
 * no server imports) so the list, the thread and the unit tests share it.
 */
export type TUiLocale = "en" | "es";

export const intlLocale = (locale: string) => (locale === "es" ? "es-US" : "en-US");

/** The calendar day ("2030-01-31") of an instant in a time zone. */
export function dayKey(at: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(at));
}

/** Whole days from `at`'s calendar day to `now`'s, in the time zone (0 = same day, 1 = yesterday). */
export function daysAgo(at: Date | string, now: Date | string, timeZone: string): number {
  const utcMidnight = (key: string) => Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, Number(key.slice(8, 10)));
  return Math.round((utcMidnight(dayKey(now, timeZone)) - utcMidnight(dayKey(at, timeZone))) / 86_400_000);
}

/** "3:42 PM" / "15:42" style clock time in the time zone. */
export function formatClock(at: Date | string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone, hour: "numeric", minute: "2-digit" }).format(new Date(at));
}

/**
 * The time shown beside a thread in the list: the clock time today, "Yesterday", the
 * weekday within a week, else the date (with the year when it is not this year's).
 */
export function formatListTime(
  at: Date | string,
  options: { now: Date | string; timeZone: string; locale: string; yesterday: string },
): string {
  const { now, timeZone, locale } = options;
  const days = daysAgo(at, now, timeZone);
  if (days <= 0) return formatClock(at, timeZone, locale);
  if (days === 1) return options.yesterday;
  if (days < 7) return new Intl.DateTimeFormat(intlLocale(locale), { timeZone, weekday: "short" }).format(new Date(at));
  const sameYear = dayKey(at, timeZone).slice(0, 4) === dayKey(now, timeZone).slice(0, 4);
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone,
    month: "short",
    day: "numeric",
    ...(sameYear ? {} : { year: "numeric" }),
  }).format(new Date(at));
}

/** The heading of a day in a thread: "Today", "Yesterday", else "Monday, November 3" (with the year when not this year's). */
export function formatDayLabel(
  at: Date | string,
  options: { now: Date | string; timeZone: string; locale: string; today: string; yesterday: string },
): string {
  const { now, timeZone, locale } = options;
  const days = daysAgo(at, now, timeZone);
  if (days === 0) return options.today;
  if (days === 1) return options.yesterday;
  const sameYear = dayKey(at, timeZone).slice(0, 4) === dayKey(now, timeZone).slice(0, 4);
  const text = new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone,
    weekday: "long",
    month: "long",
    day: "numeric",
    ...(sameYear ? {} : { year: "numeric" }),
  }).format(new Date(at));
  return text.charAt(0).toLocaleUpperCase(intlLocale(locale)) + text.slice(1);
}

/** Messages (oldest first) grouped by their calendar day in the time zone, in order. */
export function groupByDay<T extends { createdAt: Date | string }>(
  messages: T[],
  timeZone: string,
): Array<{ day: string; first: Date; items: T[] }> {
  const groups: Array<{ day: string; first: Date; items: T[] }> = [];
  for (const m of messages) {
    const day = dayKey(m.createdAt, timeZone);
    const last = groups.at(-1);
    if (last?.day === day) last.items.push(m);
    else groups.push({ day, first: new Date(m.createdAt), items: [m] });
  }
  return groups;
}

/** Up to two initials for an avatar ("José Martínez" -> "JM"); "" for a name that is only a phone number. */
export function initials(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((w) => /^\p{L}/u.test(w));
  if (!words.length) return "";
  const first = [...words[0]][0];
  const last = words.length > 1 ? [...words[words.length - 1]][0] : "";
  return (first + last).toLocaleUpperCase();
}

const AVATAR_COLORS = [
  "bg-sky-100 text-sky-800",
  "bg-emerald-100 text-emerald-800",
  "bg-amber-100 text-amber-900",
  "bg-rose-100 text-rose-800",
  "bg-violet-100 text-violet-800",
  "bg-teal-100 text-teal-800",
  "bg-orange-100 text-orange-900",
  "bg-indigo-100 text-indigo-800",
] as const;

/** A stable avatar color for a customer (same id, same color everywhere). */
export function avatarColor(seed: string): string {
  let h = 0;
  for (const ch of seed) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return AVATAR_COLORS[h % AVATAR_COLORS.length];
}

/** Minutes and seconds of a call or voicemail, from its metadata's durationSeconds (null when absent). */
export function callDuration(metadata: Record<string, unknown>): { minutes: number; seconds: number } | null {
  const total = metadata.durationSeconds;
  if (typeof total !== "number" || !Number.isFinite(total) || total < 0) return null;
  return { minutes: Math.floor(total / 60), seconds: Math.round(total % 60) };
}

/** "99+" beyond 99, for badges. */
export function badgeCount(n: number): string {
  return n > 99 ? "99+" : String(n);
}
