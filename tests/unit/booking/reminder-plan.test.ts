import { describe, expect, it } from "vitest";
import { isInsideWindow, nextAllowedInstant, planReminders } from "../../../server/booking/reminder-plan";
import { bookingTimes, overlaps } from "../../../server/booking/booking-times";

/**
 * Reminder times: offsets in real minutes, quiet hours in the recipient's zone (moved
 * later, skipped once at or after the start), DST days in America/Chicago. Every instant
 * below is written in UTC with its Chicago wall time beside it, so the process's own TZ
 * never matters.
 */
const CHICAGO = "America/Chicago";
const QUIET = { start: "08:00", end: "21:00" };
const at = (iso: string) => new Date(iso);
const plan = (startsAt: string, now: string, offsets = [1440, 120], timeZone = CHICAGO) =>
  planReminders({ startsAt: at(startsAt), now: at(now), offsetsMinutes: offsets, quietHours: QUIET, timeZone });

describe("planReminders", () => {
  it("24 h and 2 h before a 14:00 appointment, both inside the window", () => {
    // 2030-06-12 14:00 CDT = 19:00Z
    const p = plan("2030-06-12T19:00:00Z", "2030-06-01T12:00:00Z");
    expect(p.reminders).toEqual([
      { offsetMinutes: 1440, sendAt: "2030-06-11T19:00:00.000Z", moved: false },
      { offsetMinutes: 120, sendAt: "2030-06-12T17:00:00.000Z", moved: false },
    ]);
    expect(p.skipped).toEqual([]);
  });

  it("moves a reminder in quiet hours to 08:00 local when that is still before the start", () => {
    // 09:00 CDT = 14:00Z: 2 h before is 07:00 CDT (quiet) -> 08:00 CDT = 13:00Z.
    const p = plan("2030-06-12T14:00:00Z", "2030-06-01T12:00:00Z");
    expect(p.reminders).toContainEqual({ offsetMinutes: 120, sendAt: "2030-06-12T13:00:00.000Z", moved: true });
  });

  it("skips a reminder whose next allowed time is at or after the start", () => {
    // 07:30 CDT = 12:30Z: 2 h before is 05:30 -> 08:00 is after the start: skipped. 24 h before 07:30 -> 08:00 the day before.
    const p = plan("2030-06-12T12:30:00Z", "2030-06-01T12:00:00Z");
    expect(p.reminders).toEqual([{ offsetMinutes: 1440, sendAt: "2030-06-11T13:00:00.000Z", moved: true }]);
    expect(p.skipped).toEqual([{ offsetMinutes: 120, reason: "quietHours" }]);
    // Exactly at the start is skipped too: 08:00 CDT appointment, 2 h before = 06:00 -> 08:00 = start.
    expect(plan("2030-06-12T13:00:00Z", "2030-06-01T12:00:00Z").skipped).toEqual([{ offsetMinutes: 120, reason: "quietHours" }]);
  });

  it("late-evening reminders move to the next morning", () => {
    // 23:30 CDT appointment (04:30Z next day): 2 h before = 21:30 (quiet: window ends 21:00) -> 08:00 next day is after the start.
    const p = plan("2030-06-13T04:30:00Z", "2030-06-01T12:00:00Z");
    expect(p.reminders).toEqual([{ offsetMinutes: 1440, sendAt: "2030-06-12T13:00:00.000Z", moved: true }]);
    expect(p.skipped).toEqual([{ offsetMinutes: 120, reason: "quietHours" }]);
  });

  it("skips reminders whose time has passed when the booking is made", () => {
    // Booked 5 hours ahead: no 24 h reminder, the 2 h one stays.
    const p = plan("2030-06-12T19:00:00Z", "2030-06-12T14:00:00Z");
    expect(p.reminders.map((r) => r.offsetMinutes)).toEqual([120]);
    expect(p.skipped).toEqual([{ offsetMinutes: 1440, reason: "past" }]);
  });

  it("sends once when two offsets land on the same moved instant", () => {
    // 09:30 CDT: 3 h before = 06:30 -> 08:00; 2 h before = 07:30 -> 08:00 (duplicate).
    const p = plan("2030-06-12T14:30:00Z", "2030-06-01T12:00:00Z", [180, 120]);
    expect(p.reminders).toEqual([{ offsetMinutes: 180, sendAt: "2030-06-12T13:00:00.000Z", moved: true }]);
    expect(p.skipped).toEqual([{ offsetMinutes: 120, reason: "duplicate" }]);
  });

  it("DST spring forward (2031-03-09, Chicago): 24 real hours, and 08:00 means 08:00 CDT", () => {
    // 09:00 CDT on the DST day = 14:00Z. 24 h earlier = 2031-03-08 14:00Z = 08:00 CST (inside, not moved).
    // 2 h earlier = 12:00Z = 07:00 CDT (quiet) -> 08:00 CDT = 13:00Z.
    const p = plan("2031-03-09T14:00:00Z", "2031-03-01T12:00:00Z");
    expect(p.reminders).toEqual([
      { offsetMinutes: 1440, sendAt: "2031-03-08T14:00:00.000Z", moved: false },
      { offsetMinutes: 120, sendAt: "2031-03-09T13:00:00.000Z", moved: true },
    ]);
  });

  it("DST fall back (2030-11-03, Chicago): the window opens at 08:00 CST after the change", () => {
    // 09:00 CST = 15:00Z. 2 h earlier = 13:00Z = 07:00 CST (quiet) -> 08:00 CST = 14:00Z.
    const p = plan("2030-11-03T15:00:00Z", "2030-10-20T12:00:00Z", [120]);
    expect(p.reminders).toEqual([{ offsetMinutes: 120, sendAt: "2030-11-03T14:00:00.000Z", moved: true }]);
  });

  it("uses the recipient's zone: the same instant is quiet in Chicago and fine in Madrid", () => {
    const sevenAmChicago = at("2030-06-12T12:00:00Z"); // 14:00 in Madrid
    expect(isInsideWindow(sevenAmChicago, QUIET, CHICAGO)).toBe(false);
    expect(isInsideWindow(sevenAmChicago, QUIET, "Europe/Madrid")).toBe(true);
    expect(nextAllowedInstant(sevenAmChicago, QUIET, CHICAGO).toISOString()).toBe("2030-06-12T13:00:00.000Z");
  });

  it("window edges: 08:00 is inside, 21:00 is outside; a window may wrap midnight", () => {
    expect(isInsideWindow(at("2030-06-12T13:00:00Z"), QUIET, CHICAGO)).toBe(true); // 08:00
    expect(isInsideWindow(at("2030-06-13T02:00:00Z"), QUIET, CHICAGO)).toBe(false); // 21:00
    expect(isInsideWindow(at("2030-06-13T01:59:00Z"), QUIET, CHICAGO)).toBe(true); // 20:59
    const night = { start: "22:00", end: "06:00" };
    expect(isInsideWindow(at("2030-06-13T04:00:00Z"), night, CHICAGO)).toBe(true); // 23:00
    expect(isInsideWindow(at("2030-06-12T17:00:00Z"), night, CHICAGO)).toBe(false); // 12:00
    expect(nextAllowedInstant(at("2030-06-12T17:00:00Z"), night, CHICAGO).toISOString()).toBe("2030-06-13T03:00:00.000Z"); // 22:00
  });
});

describe("booking times", () => {
  it("blocks travel before and buffer after, in real minutes", () => {
    const t = bookingTimes(at("2030-06-12T15:00:00Z"), 90, { travelMinutes: 20, bufferMinutes: 15 });
    expect(t).toEqual({
      startsAt: at("2030-06-12T15:00:00Z"),
      endsAt: at("2030-06-12T16:30:00Z"),
      blockedFrom: at("2030-06-12T14:40:00Z"),
      blockedUntil: at("2030-06-12T16:45:00Z"),
    });
    // Across the DST change a 60-minute job still lasts 60 minutes.
    const dst = bookingTimes(at("2031-03-09T07:30:00Z"), 60, { travelMinutes: 0, bufferMinutes: 0 });
    expect(dst.endsAt.getTime() - dst.startsAt.getTime()).toBe(3_600_000);
  });

  it("half-open intervals: touching ends do not overlap", () => {
    const a = { from: at("2030-06-12T15:00:00Z"), until: at("2030-06-12T16:00:00Z") };
    expect(overlaps(a, { from: at("2030-06-12T16:00:00Z"), until: at("2030-06-12T17:00:00Z") })).toBe(false);
    expect(overlaps(a, { from: at("2030-06-12T15:59:00Z"), until: at("2030-06-12T17:00:00Z") })).toBe(true);
  });
});
