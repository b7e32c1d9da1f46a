import { DAY_MS, parseLocalDate, wallDateString, wallTimeLabel, ZoneTimeline } from "./local-time";
import type { Slot } from "./slot-engine";

/**
 * Slots as people read them: grouped by local date in the tenant's zone, with "09:30"
 * labels next to the ISO instants. Pure, like the engine.
 */
export interface CalendarSlot {
  /** Local time of day, 24-hour "HH:MM", in the tenant's zone. */
  time: string;
  startsAt: string;
  endsAt: string;
  staffIds: string[];
}

export interface CalendarDay {
  /** Local date "YYYY-MM-DD" in the tenant's zone. */
  date: string;
  slots: CalendarSlot[];
}

/** The most local days one request may ask for. */
export const MAX_CALENDAR_DAYS = 31;

/** [from, to) instants covering the local dates fromDate..toDate (inclusive), or null when the dates are not real or out of order. */
export function localDateRange(timeZone: string, fromDate: string, toDate: string): { from: Date; to: Date; days: number } | null {
  const a = parseLocalDate(fromDate);
  const b = parseLocalDate(toDate);
  if (a === null || b === null || b < a) return null;
  const afterLast = b + DAY_MS;
  const timeline = new ZoneTimeline(timeZone, a - DAY_MS, afterLast + DAY_MS);
  return {
    from: new Date(timeline.firstInstantFrom(a)),
    to: new Date(timeline.firstInstantFrom(afterLast)),
    days: Math.round((afterLast - a) / DAY_MS),
  };
}

/** The local date "YYYY-MM-DD" of an instant in a zone. */
export function localDateOf(at: Date, timeZone: string): string {
  const t = at.getTime();
  return wallDateString(new ZoneTimeline(timeZone, t, t).wallOf(t));
}

/** Every local date fromDate..toDate, each with its slots (empty on closed days), in order. */
export function groupSlotsByLocalDate(slots: readonly Slot[], timeZone: string, fromDate: string, toDate: string): CalendarDay[] {
  const a = parseLocalDate(fromDate);
  const b = parseLocalDate(toDate);
  if (a === null || b === null || b < a) return [];
  const days = new Map<string, CalendarSlot[]>();
  for (let wall = a; wall <= b; wall += DAY_MS) days.set(wallDateString(wall), []);
  if (slots.length > 0) {
    const timeline = new ZoneTimeline(timeZone, slots[0].startsAt.getTime(), slots[slots.length - 1].startsAt.getTime());
    for (const slot of slots) {
      const wall = timeline.wallOf(slot.startsAt.getTime());
      days.get(wallDateString(wall))?.push({
        time: wallTimeLabel(wall),
        startsAt: slot.startsAt.toISOString(),
        endsAt: slot.endsAt.toISOString(),
        staffIds: slot.staffIds,
      });
    }
  }
  return [...days].map(([date, daySlots]) => ({ date, slots: daySlots }));
}
