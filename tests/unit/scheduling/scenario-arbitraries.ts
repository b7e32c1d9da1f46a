import fc from "fast-check";
import { WEEKDAYS } from "../../../server/config/schemas";
import type { ExceptionInput, BusyInput, SlotEngineInput, WeeklyHours } from "../../../server/scheduling/slot-engine";

/**
 * Random slot-engine inputs for the property tests: zones with and without DST (including
 * 30-minute DST and midnight changes), windows that often straddle a change, random hours
 * (night hours included, so the skipped and repeated hours get exercised), exceptions, busy
 * time, durations, grid, buffer, travel, notice and horizon. Every instant is minute-aligned.
 */
const MIN = 60_000;

/** Zones with their 2026 DST changes (UTC dates near them); windows straddle one half the time. */
const ZONE_CHANGES: Record<string, string[]> = {
  UTC: [],
  "Asia/Kathmandu": [],
  "America/Chicago": ["2026-03-08", "2026-11-01"],
  "America/Los_Angeles": ["2026-03-08", "2026-11-01"],
  "Europe/Madrid": ["2026-03-29", "2026-10-25"],
  "Pacific/Auckland": ["2026-04-04", "2026-09-26"],
  // Changes at local midnight: some days start at 01:00, others repeat 23:00-24:00.
  "America/Santiago": ["2026-04-05", "2026-09-06"],
  // A 30-minute DST.
  "Australia/Lord_Howe": ["2026-04-04", "2026-10-03"],
};
const QUIET = ["2026-06-15", "2026-01-10", "2026-12-31"];

const arbZoneAndAnchor = fc
  .constantFrom(...Object.keys(ZONE_CHANGES))
  .chain((zone) => fc.record({ timeZone: fc.constant(zone), anchor: fc.constantFrom(...ZONE_CHANGES[zone], ...QUIET) }));

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/** Up to three disjoint ranges on a day, anywhere from 00:00 to 23:59; often night hours, where DST changes happen. */
const arbDayRanges = fc.oneof(
  fc
    .uniqueArray(
      fc.oneof(
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 0, max: 95 }).map((q) => q * 15),
      ),
      { maxLength: 6 },
    )
    .map((points) => {
      const sorted = [...points].sort((a, b) => a - b);
      const ranges: Array<{ open: string; close: string }> = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) ranges.push({ open: hhmm(sorted[i]), close: hhmm(sorted[i + 1]) });
      return ranges;
    }),
  fc.constant([{ open: "00:00", close: "23:59" }]),
  fc.tuple(fc.integer({ min: 0, max: 150 }), fc.integer({ min: 151, max: 300 })).map(([o, c]) => [
    { open: hhmm(o), close: hhmm(c) },
    { open: "09:00", close: "17:00" },
  ]),
);

export const arbWeekly: fc.Arbitrary<WeeklyHours> = fc
  .tuple(...WEEKDAYS.map(() => arbDayRanges))
  .map((days) => Object.fromEntries(WEEKDAYS.map((d, i) => [d, days[i]])) as unknown as WeeklyHours);

/** A whole engine input. `maxWindowMinutes` keeps the brute-force oracle quick. */
export function arbScenario(maxWindowMinutes = 2 * 24 * 60): fc.Arbitrary<SlotEngineInput> {
  return fc
    .record({
      zoneAndAnchor: arbZoneAndAnchor,
      shift: fc.integer({ min: -36 * 60, max: 12 * 60 }),
      length: fc.integer({ min: 60, max: maxWindowMinutes }),
      nowShift: fc.oneof(fc.integer({ min: -2 * 24 * 60, max: 0 }), fc.integer({ min: -2 * 24 * 60, max: 24 * 60 })),
      staffCount: fc.integer({ min: 1, max: 3 }),
      weeklies: fc.array(arbWeekly, { minLength: 3, maxLength: 3 }),
      slotIntervalMinutes: fc.constantFrom(5, 10, 15, 20, 30, 45, 60, 90),
      bufferMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 60 })),
      travelMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 60 })),
      minNoticeMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 6 * 60 })),
      horizonDays: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null, freq: 2 }),
      durationMinutes: fc.integer({ min: 5, max: 240 }),
      exceptions: fc.array(
        fc.record({
          who: fc.integer({ min: -1, max: 2 }),
          kind: fc.constantFrom("CLOSED" as const, "OPEN" as const),
          at: fc.integer({ min: -12 * 60, max: maxWindowMinutes }),
          length: fc.integer({ min: 15, max: 10 * 60 }),
        }),
        { maxLength: 4 },
      ),
      busy: fc.array(
        fc.record({
          who: fc.integer({ min: -1, max: 2 }),
          at: fc.integer({ min: -6 * 60, max: maxWindowMinutes }),
          length: fc.integer({ min: 5, max: 5 * 60 }),
        }),
        { maxLength: 8 },
      ),
    })
    .map((r) => {
      const from = Date.parse(`${r.zoneAndAnchor.anchor}T00:00:00Z`) + r.shift * MIN;
      const ids = Array.from({ length: r.staffCount }, (_, i) => `s${i}`);
      const who = (n: number) => (n < 0 ? null : ids[n % ids.length]);
      const exceptions: ExceptionInput[] = r.exceptions.map((e) => ({
        staffId: who(e.who),
        kind: e.kind,
        startsAt: new Date(from + e.at * MIN),
        endsAt: new Date(from + (e.at + e.length) * MIN),
      }));
      const busy: BusyInput[] = r.busy.map((b) => ({
        staffId: who(b.who),
        startsAt: new Date(from + b.at * MIN),
        endsAt: new Date(from + (b.at + b.length) * MIN),
      }));
      return {
        timeZone: r.zoneAndAnchor.timeZone,
        from: new Date(from),
        to: new Date(from + r.length * MIN),
        now: new Date(from + r.nowShift * MIN),
        rules: {
          slotIntervalMinutes: r.slotIntervalMinutes,
          bufferMinutes: r.bufferMinutes,
          travelMinutes: r.travelMinutes,
          minNoticeMinutes: r.minNoticeMinutes,
          horizonDays: r.horizonDays,
        },
        durationMinutes: r.durationMinutes,
        staff: ids.map((id, i) => ({ id, weekly: r.weeklies[i] })),
        exceptions,
        busy,
      };
    });
}
