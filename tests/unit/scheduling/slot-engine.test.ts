import { describe, expect, it } from "vitest";
import { groupSlotsByLocalDate, localDateRange } from "../../../server/scheduling/slot-calendar";
import {
  busyMinutesOnLocalDay,
  computeSlots,
  isSlotAvailable,
  pickStaff,
  type BusyInput,
  type SlotEngineInput,
  type WeeklyHours,
} from "../../../server/scheduling/slot-engine";
import { mergeSpans, subtractSpans } from "../../../server/scheduling/spans";

/** Example tests: each rule on a small, readable case (America/Chicago, January: UTC-6). */
const NINE_TO_FIVE: WeeklyHours = {
  mon: [{ open: "09:00", close: "17:00" }],
  tue: [{ open: "09:00", close: "17:00" }],
  wed: [{ open: "09:00", close: "17:00" }],
  thu: [{ open: "09:00", close: "17:00" }],
  fri: [{ open: "09:00", close: "17:00" }],
  sat: [],
  sun: [],
};
const at = (local: string) => new Date(`${local}-06:00`);
const MONDAY = "2026-01-12";

function input(overrides: Partial<SlotEngineInput> = {}): SlotEngineInput {
  return {
    timeZone: "America/Chicago",
    from: at(`${MONDAY}T00:00:00`),
    to: at("2026-01-13T00:00:00"),
    now: at("2026-01-01T00:00:00"),
    rules: { slotIntervalMinutes: 60, bufferMinutes: 0, travelMinutes: 0, minNoticeMinutes: 0, horizonDays: null },
    durationMinutes: 60,
    staff: [{ id: "ana", weekly: NINE_TO_FIVE }],
    exceptions: [],
    busy: [],
    ...overrides,
  };
}
const rules = (r: Partial<SlotEngineInput["rules"]>) => ({ ...input().rules, ...r });
/** Local "HH:MM" starts (Chicago winter). */
const times = (i: SlotEngineInput) => computeSlots(i).map((s) => new Date(s.startsAt.getTime() - 6 * 3600_000).toISOString().slice(11, 16));
const busy = (staffId: string | null, from: string, until: string): BusyInput => ({
  staffId,
  startsAt: at(`${MONDAY}T${from}:00`),
  endsAt: at(`${MONDAY}T${until}:00`),
});

describe("computeSlots", () => {
  it("offers grid starts whose whole job fits inside the hours", () => {
    expect(times(input())).toEqual(["09:00", "10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00"]);
    expect(times(input({ durationMinutes: 90, rules: rules({ slotIntervalMinutes: 30 }) }))).toEqual([
      "09:00",
      "09:30",
      "10:00",
      "10:30",
      "11:00",
      "11:30",
      "12:00",
      "12:30",
      "13:00",
      "13:30",
      "14:00",
      "14:30",
      "15:00",
      "15:30",
    ]);
    const [first] = computeSlots(input());
    expect(first.endsAt.getTime() - first.startsAt.getTime()).toBe(60 * 60_000);
    expect(first.staffIds).toEqual(["ana"]);
  });

  it("aligns the grid to local midnight, not to the opening time", () => {
    const week = { ...NINE_TO_FIVE, mon: [{ open: "09:15", close: "12:00" }] };
    expect(times(input({ staff: [{ id: "ana", weekly: week }], durationMinutes: 30, rules: rules({ slotIntervalMinutes: 30 }) }))).toEqual([
      "09:30",
      "10:00",
      "10:30",
      "11:00",
      "11:30",
    ]);
  });

  it("never lets a job span a gap between two ranges of the same day, but joins ranges that touch", () => {
    const split = {
      ...NINE_TO_FIVE,
      mon: [
        { open: "09:00", close: "11:00" },
        { open: "12:00", close: "14:00" },
      ],
    };
    expect(times(input({ staff: [{ id: "ana", weekly: split }], durationMinutes: 90, rules: rules({ slotIntervalMinutes: 30 }) }))).toEqual(
      ["09:00", "09:30", "12:00", "12:30"],
    );
    const touching = {
      ...NINE_TO_FIVE,
      mon: [
        { open: "09:00", close: "11:00" },
        { open: "11:00", close: "12:00" },
      ],
    };
    expect(times(input({ staff: [{ id: "ana", weekly: touching }], durationMinutes: 180 }))).toEqual(["09:00"]);
  });

  it("keeps travel before and buffer after clear of busy time, touching allowed", () => {
    const base = input({ busy: [busy("ana", "12:00", "13:00")], rules: rules({ slotIntervalMinutes: 30 }) });
    expect(times(base)).toEqual([
      "09:00",
      "09:30",
      "10:00",
      "10:30",
      "11:00",
      "13:00",
      "13:30",
      "14:00",
      "14:30",
      "15:00",
      "15:30",
      "16:00",
    ]);
    // 15 min buffer: 11:00-12:00 + buffer runs into 12:00; travel 30: 13:00 - 30 runs back into it.
    const withGaps = { ...base, rules: rules({ slotIntervalMinutes: 30, bufferMinutes: 15, travelMinutes: 30 }) };
    expect(times(withGaps)).toEqual(["09:00", "09:30", "10:00", "10:30", "13:30", "14:00", "14:30", "15:00", "15:30", "16:00"]);
  });

  it("lets travel and buffer fall outside the open hours (first job at opening, last job ending at closing)", () => {
    const slots = times(input({ rules: rules({ bufferMinutes: 30, travelMinutes: 45 }) }));
    expect(slots[0]).toBe("09:00");
    expect(slots[slots.length - 1]).toBe("16:00");
  });

  it("applies business-wide busy time to everyone and a member's busy time to them only", () => {
    const staff = [
      { id: "ana", weekly: NINE_TO_FIVE },
      { id: "bo", weekly: NINE_TO_FIVE },
    ];
    const slots = computeSlots(input({ staff, busy: [busy(null, "09:00", "10:00"), busy("bo", "10:00", "11:00")] }));
    expect(slots[0].startsAt).toEqual(at(`${MONDAY}T10:00:00`));
    expect(slots[0].staffIds).toEqual(["ana"]);
    expect(slots[1].staffIds).toEqual(["ana", "bo"]);
  });

  it("adds OPEN exceptions, removes CLOSED ones, and CLOSED wins over OPEN", () => {
    const sunday = { from: at("2026-01-11T00:00:00"), to: at("2026-01-12T00:00:00") };
    const open = { staffId: null, kind: "OPEN" as const, startsAt: at("2026-01-11T10:00:00"), endsAt: at("2026-01-11T13:00:00") };
    expect(times(input({ ...sunday, exceptions: [open] }))).toEqual(["10:00", "11:00", "12:00"]);
    const closedForAna = {
      staffId: "ana",
      kind: "CLOSED" as const,
      startsAt: at("2026-01-11T11:00:00"),
      endsAt: at("2026-01-11T12:00:00"),
    };
    expect(times(input({ ...sunday, exceptions: [open, closedForAna] }))).toEqual(["10:00", "12:00"]);
    const holiday = { staffId: null, kind: "CLOSED" as const, startsAt: at(`${MONDAY}T00:00:00`), endsAt: at("2026-01-13T00:00:00") };
    const anaOpens = { staffId: "ana", kind: "OPEN" as const, startsAt: at(`${MONDAY}T09:00:00`), endsAt: at(`${MONDAY}T12:00:00`) };
    expect(times(input({ exceptions: [holiday, anaOpens] }))).toEqual([]);
  });

  it("extends a day with an OPEN exception that continues the hours (one stretch)", () => {
    const late = { staffId: "ana", kind: "OPEN" as const, startsAt: at(`${MONDAY}T17:00:00`), endsAt: at(`${MONDAY}T19:00:00`) };
    expect(times(input({ exceptions: [late], durationMinutes: 180 }))).toEqual([
      "09:00",
      "10:00",
      "11:00",
      "12:00",
      "13:00",
      "14:00",
      "15:00",
      "16:00",
    ]);
  });

  it("lets an OPEN exception carry a job past midnight into the next day's hours, even when the window ends that day", () => {
    const week = { ...NINE_TO_FIVE, tue: [{ open: "00:00", close: "02:00" }] };
    const evening = { staffId: null, kind: "OPEN" as const, startsAt: at(`${MONDAY}T22:00:00`), endsAt: at("2026-01-13T00:00:00") };
    const i = input({ staff: [{ id: "ana", weekly: week }], exceptions: [evening], durationMinutes: 120, from: at(`${MONDAY}T20:00:00`) });
    expect(times(i)).toEqual(["22:00", "23:00"]);
    expect(isSlotAvailable(i, at(`${MONDAY}T23:00:00`))).toBe(true);
  });

  it("respects minimum notice and the horizon at their exact edges", () => {
    const now = at(`${MONDAY}T08:00:00`);
    expect(times(input({ now, rules: rules({ minNoticeMinutes: 120 }) }))[0]).toBe("10:00");
    expect(times(input({ now: at(`${MONDAY}T08:00:01`), rules: rules({ minNoticeMinutes: 120 }) }))[0]).toBe("11:00");
    // horizonDays 0: nothing after now itself; 1 day from Sunday 12:00 reaches Monday 12:00 inclusive.
    expect(times(input({ now, rules: rules({ horizonDays: 0 }) }))).toEqual([]);
    expect(times(input({ now: at("2026-01-11T12:00:00"), rules: rules({ horizonDays: 1 }) }))).toEqual([
      "09:00",
      "10:00",
      "11:00",
      "12:00",
    ]);
  });

  it("never offers the current instant or the past, even with no notice", () => {
    expect(times(input({ now: at(`${MONDAY}T10:00:00`) }))[0]).toBe("11:00");
    expect(times(input({ now: at(`${MONDAY}T09:59:59`) }))[0]).toBe("10:00");
  });

  it("returns nothing for no staff, an empty window or a closed week", () => {
    expect(computeSlots(input({ staff: [] }))).toEqual([]);
    expect(computeSlots(input({ to: input().from }))).toEqual([]);
    expect(computeSlots(input({ staff: [{ id: "ana", weekly: { ...NINE_TO_FIVE, mon: [] } }] }))).toEqual([]);
  });

  it("rejects inputs that are programming errors", () => {
    expect(() => computeSlots(input({ durationMinutes: 0 }))).toThrow();
    expect(() => computeSlots(input({ rules: rules({ slotIntervalMinutes: 0 }) }))).toThrow();
    expect(() => computeSlots(input({ timeZone: "Mars/Olympus" }))).toThrow(/time zone/);
  });

  // How fast this runs is a benchmark's business (npm run bench: "slots: engine only"), not a test's.
  it("computes 31 days for 10 members with hundreds of busy intervals, never offering a member inside travel + busy + buffer", () => {
    const r = { open: "08:00", close: "18:00" };
    const week: WeeklyHours = { mon: [r], tue: [r], wed: [r], thu: [r], fri: [r], sat: [{ open: "08:00", close: "16:00" }], sun: [] };
    const from = at("2026-10-19T00:00:00");
    const staff = Array.from({ length: 10 }, (_, i) => ({ id: `s${i}`, weekly: week }));
    const many: BusyInput[] = Array.from({ length: 400 }, (_, i) => {
      const s = from.getTime() + ((i * 7919) % (31 * 96)) * 15 * 60_000;
      return { staffId: `s${i % 10}`, startsAt: new Date(s), endsAt: new Date(s + 90 * 60_000) };
    });
    const big = input({
      from,
      to: new Date(from.getTime() + 31 * 86_400_000),
      staff,
      busy: many,
      durationMinutes: 90,
      rules: rules({ slotIntervalMinutes: 15, bufferMinutes: 15, travelMinutes: 30 }),
    });
    const slots = computeSlots(big);
    expect(slots.length).toBeGreaterThan(500);
    const minute = 60_000;
    for (const slot of slots) {
      for (const id of slot.staffIds) {
        const clash = many.find(
          (b) =>
            b.staffId === id &&
            slot.startsAt.getTime() - 30 * minute < b.endsAt.getTime() &&
            slot.endsAt.getTime() + 15 * minute > b.startsAt.getTime(),
        );
        expect(clash, `${id} offered at ${slot.startsAt.toISOString()}`).toBeUndefined();
      }
    }
  });
});

describe("isSlotAvailable", () => {
  it("answers for anyone or for one member, and only for offered grid starts", () => {
    const staff = [
      { id: "ana", weekly: NINE_TO_FIVE },
      { id: "bo", weekly: NINE_TO_FIVE },
    ];
    const i = input({ staff, busy: [busy("ana", "10:00", "11:00")] });
    expect(isSlotAvailable(i, at(`${MONDAY}T10:00:00`))).toBe(true);
    expect(isSlotAvailable(i, at(`${MONDAY}T10:00:00`), "ana")).toBe(false);
    expect(isSlotAvailable(i, at(`${MONDAY}T10:00:00`), "bo")).toBe(true);
    expect(isSlotAvailable(i, at(`${MONDAY}T10:30:00`))).toBe(false);
    expect(isSlotAvailable(i, at(`${MONDAY}T16:00:00`), "nobody")).toBe(false);
    expect(isSlotAvailable(i, at("2026-01-13T10:00:00"))).toBe(false);
  });
});

describe("pickStaff", () => {
  const slot = { startsAt: at(`${MONDAY}T10:00:00`), endsAt: at(`${MONDAY}T11:00:00`), staffIds: ["ana", "bo", "cy"] };

  it("takes the first free member in sort order by default", () => {
    expect(pickStaff(slot)).toBe("ana");
    expect(pickStaff({ ...slot, staffIds: [] })).toBeNull();
  });

  it("takes the least busy member on that local day, ties to sort order", () => {
    expect(
      pickStaff(slot, {
        kind: "least-busy",
        busyMinutes: new Map([
          ["ana", 120],
          ["bo", 30],
          ["cy", 30],
        ]),
      }),
    ).toBe("bo");
    expect(
      pickStaff(slot, {
        kind: "least-busy",
        busyMinutes: new Map([
          ["ana", 0],
          ["bo", 0],
        ]),
      }),
    ).toBe("ana");
  });

  it("measures load per local day from members' own busy time", () => {
    const staff = [
      { id: "ana", weekly: NINE_TO_FIVE },
      { id: "bo", weekly: NINE_TO_FIVE },
    ];
    const load = busyMinutesOnLocalDay(
      {
        timeZone: "America/Chicago",
        staff,
        busy: [
          busy("ana", "09:00", "11:00"),
          busy("ana", "10:00", "12:00"),
          busy(null, "13:00", "14:00"),
          { staffId: "bo", startsAt: at("2026-01-11T23:00:00"), endsAt: at(`${MONDAY}T00:30:00`) },
        ],
      },
      at(`${MONDAY}T15:00:00`),
    );
    expect(load).toEqual(
      new Map([
        ["ana", 180],
        ["bo", 30],
      ]),
    );
  });
});

describe("span arithmetic", () => {
  it("merges overlapping and touching spans and subtracts", () => {
    expect(
      mergeSpans([
        [5, 7],
        [1, 3],
        [3, 4],
        [6, 9],
        [10, 10],
      ]),
    ).toEqual([
      [1, 4],
      [5, 9],
    ]);
    expect(
      subtractSpans(
        [
          [0, 10],
          [20, 30],
        ],
        [
          [2, 3],
          [5, 22],
          [29, 40],
        ],
      ),
    ).toEqual([
      [0, 2],
      [3, 5],
      [22, 29],
    ]);
    expect(subtractSpans([[0, 10]], [])).toEqual([[0, 10]]);
  });
});

describe("slot calendar", () => {
  it("turns local dates into instants and groups slots by local date with HH:MM labels, closed days included", () => {
    const range = localDateRange("America/Chicago", "2026-01-11", "2026-01-13")!;
    expect(range.from).toEqual(at("2026-01-11T00:00:00"));
    expect(range.to).toEqual(at("2026-01-14T00:00:00"));
    expect(range.days).toBe(3);
    const slots = computeSlots(input({ from: range.from, to: range.to }));
    const days = groupSlotsByLocalDate(slots, "America/Chicago", "2026-01-11", "2026-01-13");
    expect(days.map((d) => [d.date, d.slots.length])).toEqual([
      ["2026-01-11", 0],
      ["2026-01-12", 8],
      ["2026-01-13", 8],
    ]);
    expect(days[1].slots[0]).toEqual({
      time: "09:00",
      startsAt: "2026-01-12T15:00:00.000Z",
      endsAt: "2026-01-12T16:00:00.000Z",
      staffIds: ["ana"],
    });
  });

  it("refuses dates that are not real or out of order", () => {
    expect(localDateRange("America/Chicago", "2026-02-30", "2026-03-01")).toBeNull();
    expect(localDateRange("America/Chicago", "2026-03-02", "2026-03-01")).toBeNull();
    expect(localDateRange("America/Chicago", "2026-3-1", "2026-03-01")).toBeNull();
  });
});
