import { describe, expect, it } from "vitest";
import { clockTimesIn, clockTimesInResult, unverifiedTimes } from "../../../server/ai/agent/time-guard";

describe("time guard", () => {
  it("reads clock times in English and Spanish forms, AM/PM or not", () => {
    expect(clockTimesIn("at 9:30 AM or 3:00 PM")).toEqual([[570], [900]]);
    expect(clockTimesIn("a las 3:00 p.m. o 12:15 a.m.")).toEqual([[900], [15]]);
    expect(clockTimesIn("14:00 works")).toEqual([[840]]);
    expect(clockTimesIn("around 9:00")).toEqual([[540, 1260]]);
    expect(clockTimesIn("no times here, 2/3 of 100")).toEqual([]);
  });

  it("ignores ISO instants in tool results (UTC, not read by anyone)", () => {
    const verified = clockTimesInResult({ slots: [{ startsAt: "2026-11-28T15:00:00.000Z", label: "Saturday, November 28, 9:00 AM" }] });
    expect([...verified]).toEqual([540]);
  });

  it("lets offered times through and flags invented ones", () => {
    const verified = new Set([540, 600]);
    expect(unverifiedTimes("Booked for Saturday at 9:00 AM. Or 10:00?", verified)).toEqual([]);
    expect(unverifiedTimes("I can do 11:00 AM tomorrow.", verified)).toEqual(["11:00"]);
    expect(unverifiedTimes("Tengo espacio a las 3:00 p.m.", verified)).toEqual(["15:00"]);
  });
});
