import { describe, expect, it } from "vitest";
import { decideRoute, isOpenAt, localDayBounds } from "../../../server/telephony/calls/routing";

const NOBODY = { known: false, vip: false, bookingToday: false };

describe("decideRoute: the decision table", () => {
  it.each([
    // mode, open, targets, caller, ai -> first, afterRing, reason
    ["AI_FIRST", true, 2, NOBODY, true, "AI", "VOICEMAIL", "aiFirst"],
    ["AI_FIRST", false, 2, NOBODY, true, "AI", "VOICEMAIL", "aiFirst"],
    ["AI_FIRST", true, 2, NOBODY, false, "RING", "VOICEMAIL", "aiFirstAiOff"],
    ["AI_FIRST", true, 0, NOBODY, true, "AI", "AI", "noTargets"],
    ["HUMAN_FIRST", true, 2, NOBODY, true, "RING", "AI", "humanFirst"],
    ["HUMAN_FIRST", false, 1, NOBODY, true, "RING", "AI", "humanFirst"],
    ["HUMAN_FIRST", true, 2, NOBODY, false, "RING", "VOICEMAIL", "humanFirst"],
    ["HUMAN_FIRST", true, 0, NOBODY, false, "VOICEMAIL", "VOICEMAIL", "noTargets"],
    ["HUMAN_FIRST", true, 0, NOBODY, true, "AI", "AI", "noTargets"],
    ["HYBRID", true, 2, NOBODY, true, "RING", "AI", "hybridOpen"],
    ["HYBRID", true, 2, { known: true, vip: false, bookingToday: false }, true, "RING", "AI", "hybridOpen"],
    ["HYBRID", false, 2, NOBODY, true, "AI", "AI", "hybridClosed"],
    ["HYBRID", false, 2, { known: true, vip: false, bookingToday: false }, true, "AI", "AI", "hybridClosed"],
    ["HYBRID", false, 2, NOBODY, false, "VOICEMAIL", "VOICEMAIL", "hybridClosed"],
    ["HYBRID", false, 2, { known: true, vip: true, bookingToday: false }, true, "RING", "AI", "hybridVip"],
    ["HYBRID", false, 2, { known: true, vip: false, bookingToday: true }, true, "RING", "AI", "hybridBookingToday"],
    ["HYBRID", false, 2, { known: true, vip: true, bookingToday: true }, false, "RING", "VOICEMAIL", "hybridBookingToday"],
    ["HYBRID", false, 0, { known: true, vip: true, bookingToday: true }, false, "VOICEMAIL", "VOICEMAIL", "noTargets"],
  ] as const)(
    "%s open=%s targets=%i caller=%j ai=%s -> %s then %s (%s)",
    (mode, isOpen, ringTargetCount, caller, aiEnabled, first, afterRing, reason) => {
      expect(decideRoute({ mode, isOpen, ringTargetCount, caller, aiEnabled })).toEqual({ first, afterRing, reason });
    },
  );
  // Its speed is measured by npm run bench ("call routing decision alone"), not asserted here.
});

describe("isOpenAt and localDayBounds", () => {
  const weekly = {
    mon: [{ open: "09:00", close: "17:00" }],
    tue: [],
    wed: [],
    thu: [],
    fri: [],
    sat: [
      { open: "10:00", close: "12:00" },
      { open: "13:00", close: "15:00" },
    ],
    sun: [],
  };
  const zone = "America/Chicago";

  it("reads the weekly hours in the business's zone", () => {
    // Monday 2030-01-07: 08:59 and 17:00 Chicago are closed, 09:00 and 16:59 open.
    expect(isOpenAt(weekly, [], new Date("2030-01-07T14:59:00Z"), zone)).toBe(false);
    expect(isOpenAt(weekly, [], new Date("2030-01-07T15:00:00Z"), zone)).toBe(true);
    expect(isOpenAt(weekly, [], new Date("2030-01-07T22:59:00Z"), zone)).toBe(true);
    expect(isOpenAt(weekly, [], new Date("2030-01-07T23:00:00Z"), zone)).toBe(false);
    // Saturday lunch break.
    expect(isOpenAt(weekly, [], new Date("2030-01-12T18:30:00Z"), zone)).toBe(false);
    expect(isOpenAt(weekly, [], new Date("2030-01-12T19:30:00Z"), zone)).toBe(true);
  });

  it("a business-wide closure wins over the hours, an extra opening opens a closed day", () => {
    const monNoon = new Date("2030-01-07T18:00:00Z");
    expect(
      isOpenAt(
        weekly,
        [{ kind: "CLOSED", startsAt: new Date("2030-01-07T06:00:00Z"), endsAt: new Date("2030-01-08T06:00:00Z") }],
        monNoon,
        zone,
      ),
    ).toBe(false);
    const tueNoon = new Date("2030-01-08T18:00:00Z");
    expect(isOpenAt(weekly, [], tueNoon, zone)).toBe(false);
    expect(
      isOpenAt(
        weekly,
        [{ kind: "OPEN", startsAt: new Date("2030-01-08T15:00:00Z"), endsAt: new Date("2030-01-08T20:00:00Z") }],
        tueNoon,
        zone,
      ),
    ).toBe(true);
    // An exception that is over no longer counts.
    expect(
      isOpenAt(
        weekly,
        [{ kind: "CLOSED", startsAt: new Date("2030-01-07T06:00:00Z"), endsAt: new Date("2030-01-07T18:00:00Z") }],
        monNoon,
        zone,
      ),
    ).toBe(true);
  });

  it("the local day around an instant, including a DST change day", () => {
    expect(localDayBounds(new Date("2030-01-08T03:00:00Z"), zone)).toEqual({
      start: new Date("2030-01-07T06:00:00Z"),
      end: new Date("2030-01-08T06:00:00Z"),
    });
    // 2030-03-10 is 23 hours long in Chicago.
    const { start, end } = localDayBounds(new Date("2030-03-10T18:00:00Z"), zone);
    expect(start.toISOString()).toBe("2030-03-10T06:00:00.000Z");
    expect(end.toISOString()).toBe("2030-03-11T05:00:00.000Z");
  });
});
