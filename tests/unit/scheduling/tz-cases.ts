import { pathToFileURL } from "node:url";
import { groupSlotsByLocalDate, localDateRange } from "../../../server/scheduling/slot-calendar";
import { computeSlots, type WeeklyHours } from "../../../server/scheduling/slot-engine";

/**
 * The DST suite's key cases as plain data, so they can be computed under different process
 * TZ values. Run directly (`node --import tsx tz-cases.ts`) it prints them as JSON, with the
 * process's own offset for 2026-01-01 to prove which TZ it ran under.
 */
export const every = (ranges: Array<{ open: string; close: string }>): WeeklyHours => ({
  mon: ranges,
  tue: ranges,
  wed: ranges,
  thu: ranges,
  fri: ranges,
  sat: ranges,
  sun: ranges,
});

/** Slots for local dates fromDate..toDate in a zone, grouped and labelled as the API returns them. */
export function calendarFor(
  timeZone: string,
  fromDate: string,
  toDate: string,
  weekly: WeeklyHours,
  durationMinutes = 30,
  slotIntervalMinutes = 30,
) {
  const range = localDateRange(timeZone, fromDate, toDate);
  if (!range) throw new Error("bad dates");
  const slots = computeSlots({
    timeZone,
    from: range.from,
    to: range.to,
    now: new Date("2025-12-01T00:00:00Z"),
    rules: { slotIntervalMinutes, bufferMinutes: 0, travelMinutes: 0, minNoticeMinutes: 0, horizonDays: null },
    durationMinutes,
    staff: [{ id: "s", weekly }],
    exceptions: [],
    busy: [],
  });
  return groupSlotsByLocalDate(slots, timeZone, fromDate, toDate).map((d) => ({
    date: d.date,
    slots: d.slots.map((s) => `${s.time}=${s.startsAt}`),
  }));
}

const NIGHT = every([{ open: "00:00", close: "04:00" }]);
const DAY = every([{ open: "09:00", close: "17:00" }]);

/** The cases every TZ must agree on. */
export function keyCases() {
  return {
    chicagoSpring: calendarFor("America/Chicago", "2026-03-07", "2026-03-09", NIGHT),
    chicagoFall: calendarFor("America/Chicago", "2026-10-31", "2026-11-02", NIGHT),
    losAngelesDay: calendarFor("America/Los_Angeles", "2026-03-07", "2026-03-09", DAY, 60, 60),
    madridFall: calendarFor("Europe/Madrid", "2026-10-25", "2026-10-25", every([{ open: "01:00", close: "04:00" }])),
    aucklandBoth: [
      calendarFor("Pacific/Auckland", "2026-04-04", "2026-04-06", NIGHT, 60, 60),
      calendarFor("Pacific/Auckland", "2026-09-26", "2026-09-28", NIGHT, 60, 60),
    ],
    santiagoMidnight: calendarFor("America/Santiago", "2026-09-05", "2026-09-06", every([{ open: "00:00", close: "02:00" }]), 60, 60),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.stdout.write(JSON.stringify({ tz: process.env.TZ, processOffset: new Date(2026, 0, 1).getTimezoneOffset(), cases: keyCases() }));
}
