import { describe, expect, it } from "vitest";
import {
  avatarColor,
  badgeCount,
  callDuration,
  dayKey,
  daysAgo,
  formatDayLabel,
  formatListTime,
  groupByDay,
  initials,
} from "../../../app/components/inbox/format";

const CHICAGO = "America/Chicago";
const labels = { today: "Today", yesterday: "Yesterday" };

describe("inbox time formatting (in the tenant's time zone, whatever the server's)", () => {
  // 2030-03-10 is the US spring-forward day: 02:00 -> 03:00 in Chicago.
  const now = "2030-03-11T15:00:00Z"; // 10:00 in Chicago (CDT)

  it("finds the calendar day in the time zone, not in UTC", () => {
    // 03:30 UTC on the 11th is still the 10th in Chicago, already the 11th in Auckland (16:30).
    expect(dayKey("2030-03-11T03:30:00Z", CHICAGO)).toBe("2030-03-10");
    expect(dayKey("2030-03-11T03:30:00Z", "Pacific/Auckland")).toBe("2030-03-11");
    expect(daysAgo("2030-03-11T03:30:00Z", now, CHICAGO)).toBe(1);
    // Across the DST change (a 23-hour day) it is still exactly one day.
    expect(daysAgo("2030-03-10T06:30:00Z", "2030-03-11T05:30:00Z", CHICAGO)).toBe(1);
  });

  it("shows the clock today, 'Yesterday', the weekday within a week, then the date", () => {
    const opts = { now, timeZone: CHICAGO, yesterday: "Yesterday" };
    expect(formatListTime("2030-03-11T14:05:00Z", { ...opts, locale: "en" })).toBe("9:05 AM");
    expect(formatListTime("2030-03-11T14:05:00Z", { ...opts, locale: "es", yesterday: "Ayer" })).toMatch(/^9:05\s?a\.\s?m\.$/);
    expect(formatListTime("2030-03-11T03:30:00Z", { ...opts, locale: "en" })).toBe("Yesterday");
    expect(formatListTime("2030-03-07T18:00:00Z", { ...opts, locale: "en" })).toBe("Thu");
    expect(formatListTime("2030-03-07T18:00:00Z", { ...opts, locale: "es" })).toBe("jue");
    expect(formatListTime("2030-02-01T18:00:00Z", { ...opts, locale: "en" })).toBe("Feb 1");
    expect(formatListTime("2029-12-24T18:00:00Z", { ...opts, locale: "en" })).toBe("Dec 24, 2029");
  });

  it("labels days in a thread", () => {
    const opts = { now, timeZone: CHICAGO, ...labels };
    expect(formatDayLabel("2030-03-11T14:00:00Z", { ...opts, locale: "en" })).toBe("Today");
    expect(formatDayLabel("2030-03-10T14:00:00Z", { ...opts, locale: "en" })).toBe("Yesterday");
    expect(formatDayLabel("2030-03-05T14:00:00Z", { ...opts, locale: "en" })).toBe("Tuesday, March 5");
    expect(formatDayLabel("2030-03-05T14:00:00Z", { ...opts, locale: "es" })).toBe("Martes, 5 de marzo");
    expect(formatDayLabel("2029-11-02T14:00:00Z", { ...opts, locale: "en" })).toBe("Friday, November 2, 2029");
  });

  it("groups messages by the tenant's day, keeping order", () => {
    const messages = [
      { id: "a", createdAt: "2030-03-10T23:00:00Z" }, // 18:00 on the 10th in Chicago
      { id: "b", createdAt: "2030-03-11T04:59:00Z" }, // 23:59 on the 10th
      { id: "c", createdAt: "2030-03-11T05:01:00Z" }, // 00:01 on the 11th
    ];
    expect(groupByDay(messages, CHICAGO).map((g) => [g.day, g.items.map((m) => m.id)])).toEqual([
      ["2030-03-10", ["a", "b"]],
      ["2030-03-11", ["c"]],
    ]);
    expect(groupByDay(messages, "UTC").map((g) => g.items.length)).toEqual([1, 2]);
    expect(groupByDay([], CHICAGO)).toEqual([]);
  });
});

describe("inbox labels", () => {
  it("makes initials from names, not from phone numbers", () => {
    expect(initials("José Martínez")).toBe("JM");
    expect(initials("Ana Lucía Torres")).toBe("AT");
    expect(initials("brian o'connor")).toBe("BO");
    expect(initials("Cher")).toBe("C");
    expect(initials("+1 512 555 0199")).toBe("");
    expect(initials("  ")).toBe("");
  });

  it("keeps a customer's avatar color stable", () => {
    expect(avatarColor("customer-1")).toBe(avatarColor("customer-1"));
    expect(avatarColor("x")).toMatch(/^bg-\w+-100 text-\w+-\d00$/);
  });

  it("reads call durations and caps badges", () => {
    expect(callDuration({ durationSeconds: 75 })).toEqual({ minutes: 1, seconds: 15 });
    expect(callDuration({ durationSeconds: "75" })).toBeNull();
    expect(callDuration({})).toBeNull();
    expect(badgeCount(7)).toBe("7");
    expect(badgeCount(100)).toBe("99+");
  });
});
