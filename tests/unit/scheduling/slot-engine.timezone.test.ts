import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ZoneTimeline } from "../../../server/scheduling/local-time";
import { localDateRange } from "../../../server/scheduling/slot-calendar";
import { calendarFor, every, keyCases } from "./tz-cases";

/**
 * Time zones and DST, on fixed 2026 dates: the US changes (March 8, November 1) in
 * America/Chicago and America/Los_Angeles, Europe/Madrid's (March 29, October 25),
 * Pacific/Auckland's (April 5, September 27) and America/Santiago's midnight change.
 *
 * Independence from the process TZ: vitest runs every file in one process, and Node caches
 * zone data per process, so the key cases (tz-cases.ts) are computed in child processes
 * started with TZ=UTC, America/Los_Angeles and Pacific/Auckland (`node --import tsx`), and
 * must equal each other and this process's answer.
 */
const labels = (day: { slots: string[] }) => day.slots.map((s) => s.split("=")[0]);
const instants = (day: { slots: string[] }) => day.slots.map((s) => s.split("=")[1]);

describe("a 09:00 opening is 09:00 local on both sides of a DST change", () => {
  it.each([
    [
      "America/Chicago",
      "2026-03-06",
      "2026-03-10",
      [
        "2026-03-06T15:00:00.000Z",
        "2026-03-07T15:00:00.000Z",
        "2026-03-08T14:00:00.000Z",
        "2026-03-09T14:00:00.000Z",
        "2026-03-10T14:00:00.000Z",
      ],
    ],
    ["America/Chicago", "2026-10-31", "2026-11-02", ["2026-10-31T14:00:00.000Z", "2026-11-01T15:00:00.000Z", "2026-11-02T15:00:00.000Z"]],
    [
      "America/Los_Angeles",
      "2026-03-07",
      "2026-03-09",
      ["2026-03-07T17:00:00.000Z", "2026-03-08T16:00:00.000Z", "2026-03-09T16:00:00.000Z"],
    ],
    [
      "America/Los_Angeles",
      "2026-10-31",
      "2026-11-02",
      ["2026-10-31T16:00:00.000Z", "2026-11-01T17:00:00.000Z", "2026-11-02T17:00:00.000Z"],
    ],
    ["Europe/Madrid", "2026-03-28", "2026-03-30", ["2026-03-28T08:00:00.000Z", "2026-03-29T07:00:00.000Z", "2026-03-30T07:00:00.000Z"]],
    ["Europe/Madrid", "2026-10-24", "2026-10-26", ["2026-10-24T07:00:00.000Z", "2026-10-25T08:00:00.000Z", "2026-10-26T08:00:00.000Z"]],
    ["Pacific/Auckland", "2026-04-04", "2026-04-06", ["2026-04-03T20:00:00.000Z", "2026-04-04T21:00:00.000Z", "2026-04-05T21:00:00.000Z"]],
    ["Pacific/Auckland", "2026-09-26", "2026-09-28", ["2026-09-25T21:00:00.000Z", "2026-09-26T20:00:00.000Z", "2026-09-27T20:00:00.000Z"]],
  ])("%s %s..%s", (zone, from, to, firstStarts) => {
    const days = calendarFor(zone, from, to, every([{ open: "09:00", close: "17:00" }]), 60, 60);
    expect(days.map((d) => labels(d)[0])).toEqual(days.map(() => "09:00"));
    expect(days.map((d) => labels(d).at(-1))).toEqual(days.map(() => "16:00"));
    expect(days.map((d) => instants(d)[0])).toEqual(firstStarts);
  });
});

describe("times that do not exist are never offered (spring forward)", () => {
  it("America/Chicago 2026-03-08: 02:00-02:59 is skipped; 01:00-04:00 holds two real hours", () => {
    const [day] = calendarFor("America/Chicago", "2026-03-08", "2026-03-08", every([{ open: "00:00", close: "04:00" }]));
    expect(labels(day)).toEqual(["00:00", "00:30", "01:00", "01:30", "03:00", "03:30"]);
    // 01:30 CST + 30 real minutes = 03:00 CDT: the job is not stretched across the gap.
    expect(instants(day)).toEqual([
      "2026-03-08T06:00:00.000Z",
      "2026-03-08T06:30:00.000Z",
      "2026-03-08T07:00:00.000Z",
      "2026-03-08T07:30:00.000Z",
      "2026-03-08T08:00:00.000Z",
      "2026-03-08T08:30:00.000Z",
    ]);
    const [hours] = calendarFor("America/Chicago", "2026-03-08", "2026-03-08", every([{ open: "01:00", close: "04:00" }]), 60, 60);
    expect(labels(hours)).toEqual(["01:00", "03:00"]);
  });

  it("Europe/Madrid 2026-03-29 and Pacific/Auckland 2026-09-27 skip their missing hour", () => {
    expect(labels(calendarFor("Europe/Madrid", "2026-03-29", "2026-03-29", every([{ open: "01:00", close: "05:00" }]), 60, 60)[0])).toEqual(
      ["01:00", "03:00", "04:00"],
    );
    expect(
      labels(calendarFor("Pacific/Auckland", "2026-09-27", "2026-09-27", every([{ open: "00:00", close: "04:00" }]), 60, 60)[0]),
    ).toEqual(["00:00", "01:00", "03:00"]);
  });

  it("America/Santiago 2026-09-06 starts at 01:00 (midnight does not exist)", () => {
    const range = localDateRange("America/Santiago", "2026-09-06", "2026-09-06")!;
    expect(range.from.toISOString()).toBe("2026-09-06T04:00:00.000Z");
    expect(range.to.getTime() - range.from.getTime()).toBe(23 * 3_600_000);
    const [day] = calendarFor("America/Santiago", "2026-09-06", "2026-09-06", every([{ open: "00:00", close: "03:00" }]), 60, 60);
    expect(labels(day)).toEqual(["01:00", "02:00"]);
  });
});

describe("ambiguous times (fall back) are offered at both occurrences", () => {
  it("America/Chicago 2026-11-01: 01:00 and 01:30 come twice (CDT, then CST); a 01:00-03:00 range holds three real hours", () => {
    const [day] = calendarFor("America/Chicago", "2026-11-01", "2026-11-01", every([{ open: "00:00", close: "04:00" }]));
    expect(labels(day)).toEqual(["00:00", "00:30", "01:00", "01:30", "01:00", "01:30", "02:00", "02:30", "03:00", "03:30"]);
    expect(instants(day).slice(2, 7)).toEqual([
      "2026-11-01T06:00:00.000Z",
      "2026-11-01T06:30:00.000Z",
      "2026-11-01T07:00:00.000Z",
      "2026-11-01T07:30:00.000Z",
      "2026-11-01T08:00:00.000Z",
    ]);
    // A 3-hour job from 01:00 CDT fits a 01:00-03:00 local range: the clock reads inside it for three real hours.
    const [long] = calendarFor("America/Chicago", "2026-11-01", "2026-11-01", every([{ open: "01:00", close: "03:00" }]), 180, 60);
    expect(instants(long)).toEqual(["2026-11-01T06:00:00.000Z"]);
  });

  it("America/Los_Angeles 2026-11-01 offers 1:30 AM PDT and 1:30 AM PST; Europe/Madrid and Pacific/Auckland the same way", () => {
    const la = calendarFor("America/Los_Angeles", "2026-11-01", "2026-11-01", every([{ open: "01:00", close: "03:00" }]), 30, 30)[0];
    expect(labels(la)).toEqual(["01:00", "01:30", "01:00", "01:30", "02:00", "02:30"]);
    expect(instants(la)).toEqual([
      "2026-11-01T08:00:00.000Z",
      "2026-11-01T08:30:00.000Z",
      "2026-11-01T09:00:00.000Z",
      "2026-11-01T09:30:00.000Z",
      "2026-11-01T10:00:00.000Z",
      "2026-11-01T10:30:00.000Z",
    ]);
    const madrid = calendarFor("Europe/Madrid", "2026-10-25", "2026-10-25", every([{ open: "02:00", close: "03:00" }]), 30, 30)[0];
    expect(instants(madrid)).toEqual([
      "2026-10-25T00:00:00.000Z",
      "2026-10-25T00:30:00.000Z",
      "2026-10-25T01:00:00.000Z",
      "2026-10-25T01:30:00.000Z",
    ]);
    const auckland = calendarFor("Pacific/Auckland", "2026-04-05", "2026-04-05", every([{ open: "02:00", close: "03:00" }]), 30, 30)[0];
    expect(instants(auckland)).toEqual([
      "2026-04-04T13:00:00.000Z",
      "2026-04-04T13:30:00.000Z",
      "2026-04-04T14:00:00.000Z",
      "2026-04-04T14:30:00.000Z",
    ]);
  });
});

describe("ZoneTimeline", () => {
  it("names no instant for a skipped time and the first for a repeated one", () => {
    const tl = new ZoneTimeline("America/Chicago", Date.parse("2026-03-01T00:00:00Z"), Date.parse("2026-11-30T00:00:00Z"));
    expect(tl.instantsAt(Date.UTC(2026, 2, 8, 2, 30))).toEqual([]);
    expect(tl.instantsAt(Date.UTC(2026, 10, 1, 1, 30)).map((t) => new Date(t).toISOString())).toEqual([
      "2026-11-01T06:30:00.000Z",
      "2026-11-01T07:30:00.000Z",
    ]);
    expect(tl.instantsAt(Date.UTC(2026, 10, 1, 9, 0)).map((t) => new Date(t).toISOString())).toEqual(["2026-11-01T15:00:00.000Z"]);
    expect(tl.firstInstantAt(Date.UTC(2026, 2, 8, 2, 30))).toBeNull();
    expect(new Date(tl.firstInstantAt(Date.UTC(2026, 10, 1, 1, 30))!).toISOString()).toBe("2026-11-01T06:30:00.000Z");
    expect(new Date(tl.firstInstantFrom(Date.UTC(2026, 2, 8, 2, 30))).toISOString()).toBe("2026-03-08T08:00:00.000Z");
    const lengths = (y: number, m: number, d: number) =>
      tl.wallSpanToInstants(Date.UTC(y, m, d), Date.UTC(y, m, d + 1)).reduce((sum, [s, e]) => sum + e - s, 0) / 3_600_000;
    expect([lengths(2026, 2, 8), lengths(2026, 6, 1), lengths(2026, 10, 1)]).toEqual([23, 24, 25]);
  });
});

describe("independent of the process TZ", () => {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "tz-cases.ts");
  const run = promisify(execFile);

  it("computes identical key cases under TZ=UTC, America/Los_Angeles and Pacific/Auckland", async () => {
    const zones = ["UTC", "America/Los_Angeles", "Pacific/Auckland"];
    const outputs = await Promise.all(
      zones.map(async (tz) => {
        const { stdout } = await run(process.execPath, ["--import", "tsx", script], {
          env: { ...process.env, TZ: tz },
          cwd: process.cwd(),
          timeout: 60_000,
        });
        return JSON.parse(stdout) as { tz: string; processOffset: number; cases: unknown };
      }),
    );
    // The children really ran in different zones...
    expect(outputs.map((o) => o.processOffset)).toEqual([0, 480, -780]);
    // ...and agree with each other and with this process.
    const here = JSON.parse(JSON.stringify(keyCases())) as unknown;
    for (const o of outputs) expect(o.cases).toEqual(here);
  }, 90_000);
});
