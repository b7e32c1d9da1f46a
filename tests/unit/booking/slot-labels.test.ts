import { describe, expect, it } from "vitest";
import { zoneLabel } from "~/components/booking/booking-shell";
import { slotTimeLabels } from "~/components/booking/slot-labels";
import { hasLaterWindow, WINDOW_DAYS } from "~/components/booking/slot-window";
import { calendarFor, every } from "../scheduling/tz-cases";

/** Intl puts a narrow no-break space before AM/PM on newer ICU: compare with plain spaces. */
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");

describe("zone abbreviation per date", () => {
  it("America/Los_Angeles reads PDT on a July date and PST on a December date, whatever today is", () => {
    for (const locale of ["en", "es"]) {
      expect(zoneLabel("America/Los_Angeles", locale, "2026-07-15")).toEqual({ zone: "America/Los Angeles", abbr: "PDT" });
      expect(zoneLabel("America/Los_Angeles", locale, "2026-12-15")).toEqual({ zone: "America/Los Angeles", abbr: "PST" });
    }
  });
});

describe("slot labels on a fall-back day", () => {
  // The engine's own answer for 01:00-03:00 on Sunday 2026-11-01 (first Sunday of November) in Los Angeles.
  const [day] = calendarFor("America/Los_Angeles", "2026-11-01", "2026-11-01", every([{ open: "01:00", close: "03:00" }]), 30, 30);
  const slots = day.slots.map((s) => ({ startsAt: s.split("=")[1] }));

  it("offers 1:30 AM twice, labelled PDT then PST; times that happen once stay plain", () => {
    expect(slotTimeLabels(slots, "America/Los_Angeles", "en").map(plain)).toEqual([
      "1:00 AM PDT",
      "1:30 AM PDT",
      "1:00 AM PST",
      "1:30 AM PST",
      "2:00 AM",
      "2:30 AM",
    ]);
  });

  it("labels them in Spanish too", () => {
    const labels = slotTimeLabels(slots, "America/Los_Angeles", "es").map(plain);
    expect(labels[1]).toMatch(/^1:30 a\.\s?m\. PDT$/);
    expect(labels[3]).toMatch(/^1:30 a\.\s?m\. PST$/);
    expect(labels[4]).not.toMatch(/P[DS]T/);
  });

  it("an ordinary day has no abbreviation on any button", () => {
    const [july] = calendarFor("America/Los_Angeles", "2026-07-05", "2026-07-05", every([{ open: "09:00", close: "11:00" }]), 30, 30);
    expect(
      slotTimeLabels(
        july.slots.map((s) => ({ startsAt: s.split("=")[1] })),
        "America/Los_Angeles",
        "en",
      ).map(plain),
    ).toEqual(["9:00 AM", "9:30 AM", "10:00 AM", "10:30 AM"]);
  });
});

describe("date strip paging", () => {
  it("pages to the booking horizon's last date: 365 days is 27 windows of two weeks, not 4", () => {
    const start = "2026-12-02";
    const lastDate = "2027-12-02"; // 365 days later
    let windows = 1;
    let from = start;
    while (hasLaterWindow(from, lastDate)) {
      windows++;
      from = new Date(Date.parse(`${from}T00:00:00Z`) + WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10);
      expect(windows).toBeLessThan(100);
    }
    expect(windows).toBe(27);
    expect(from <= lastDate).toBe(true);
    // A 60-day horizon stops after five windows (the last one holds day 60).
    windows = 1;
    from = start;
    while (hasLaterWindow(from, "2027-01-31")) {
      windows++;
      from = new Date(Date.parse(`${from}T00:00:00Z`) + WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10);
    }
    expect(windows).toBe(5);
  });
});
