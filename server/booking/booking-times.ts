/**
 * Booking time arithmetic, all in UTC instants (never wall-clock): a job of
 * `durationMinutes` from `startsAt`, and the staff member blocked from `travelMinutes`
 * before it until `bufferMinutes` after it. 60 minutes are always 60 real minutes, so a
 * job across a DST change is neither stretched nor shrunk.
 */
export interface BookingTimes {
  startsAt: Date;
  endsAt: Date;
  blockedFrom: Date;
  blockedUntil: Date;
}

const MINUTE = 60_000;

export function bookingTimes(
  startsAt: Date,
  durationMinutes: number,
  rules: { travelMinutes: number; bufferMinutes: number },
): BookingTimes {
  const start = startsAt.getTime();
  const end = start + durationMinutes * MINUTE;
  return {
    startsAt: new Date(start),
    endsAt: new Date(end),
    blockedFrom: new Date(start - rules.travelMinutes * MINUTE),
    blockedUntil: new Date(end + rules.bufferMinutes * MINUTE),
  };
}

export const addMinutes = (at: Date, minutes: number): Date => new Date(at.getTime() + minutes * MINUTE);

/** Half-open intervals [a, b) and [c, d) overlap (touching ends do not). */
export const overlaps = (a: { from: Date; until: Date }, b: { from: Date; until: Date }): boolean =>
  a.from.getTime() < b.until.getTime() && b.from.getTime() < a.until.getTime();
