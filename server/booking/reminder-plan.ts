import { DateTime } from "luxon";

/**
 * When each reminder of a booking goes out. Pure (no clock, no database) so DST and quiet
 * hours are tested directly.
 *
 * - Offsets are real minutes before the start (1440 = 24 real hours, even across a DST
 *   change, when the wall-clock time the day before differs by an hour).
 * - Quiet hours: texts go out only inside [start, end) of the recipient's local day (the
 *   BOOKING node's quietHours, 08:00-21:00 by default; a window may wrap midnight). A
 *   reminder that falls outside is moved LATER, to the next opening of the window; if
 *   that is at or after the appointment's start it is skipped (a reminder after the job
 *   began is useless, and moving it earlier would remind people the evening before a
 *   2-hours-before reminder was promised).
 * - A reminder whose time has already passed when the plan is made is skipped (a booking
 *   made 5 hours ahead gets the 2 h reminder, not a late 24 h one).
 * - Two offsets that land on the same instant after moving send once (the larger offset).
 */
export interface ReminderPlanInput {
  startsAt: Date;
  offsetsMinutes: readonly number[];
  quietHours: { start: string; end: string };
  /** IANA zone of the recipient (the business's zone when the customer's is unknown). */
  timeZone: string;
  now: Date;
}

export interface PlannedReminder {
  offsetMinutes: number;
  /** ISO instant (UTC). */
  sendAt: string;
  /** True when quiet hours moved it from startsAt - offset. */
  moved: boolean;
}

export interface SkippedReminder {
  offsetMinutes: number;
  reason: "past" | "quietHours" | "duplicate";
}

export function planReminders(input: ReminderPlanInput): { reminders: PlannedReminder[]; skipped: SkippedReminder[] } {
  const reminders: PlannedReminder[] = [];
  const skipped: SkippedReminder[] = [];
  const offsets = [...new Set(input.offsetsMinutes)].sort((a, b) => b - a);
  const start = input.startsAt.getTime();
  for (const offsetMinutes of offsets) {
    const ideal = new Date(start - offsetMinutes * 60_000);
    if (ideal.getTime() < input.now.getTime()) {
      skipped.push({ offsetMinutes, reason: "past" });
      continue;
    }
    const sendAt = nextAllowedInstant(ideal, input.quietHours, input.timeZone);
    if (sendAt.getTime() >= start) {
      skipped.push({ offsetMinutes, reason: "quietHours" });
      continue;
    }
    if (reminders.some((r) => Date.parse(r.sendAt) === sendAt.getTime())) {
      skipped.push({ offsetMinutes, reason: "duplicate" });
      continue;
    }
    reminders.push({ offsetMinutes, sendAt: sendAt.toISOString(), moved: sendAt.getTime() !== ideal.getTime() });
  }
  return { reminders, skipped };
}

const hm = (s: string) => {
  const [h, m] = s.split(":").map(Number);
  return { hour: h, minute: m, second: 0, millisecond: 0 };
};

/** Whether `at` is inside the allowed window [start, end) in `timeZone`. */
export function isInsideWindow(at: Date, window: { start: string; end: string }, timeZone: string): boolean {
  if (window.start === window.end) return true;
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  const minutes = local.hour * 60 + local.minute;
  const s = hm(window.start);
  const e = hm(window.end);
  const from = s.hour * 60 + s.minute;
  const until = e.hour * 60 + e.minute;
  return from < until ? minutes >= from && minutes < until : minutes >= from || minutes < until;
}

/** `at` itself when inside the window, else the next opening of the window (DST-safe, via luxon). */
export function nextAllowedInstant(at: Date, window: { start: string; end: string }, timeZone: string): Date {
  if (isInsideWindow(at, window, timeZone)) return at;
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  const openingToday = local.set(hm(window.start));
  const opening = local < openingToday ? openingToday : local.plus({ days: 1 }).set(hm(window.start));
  return opening.toJSDate();
}
