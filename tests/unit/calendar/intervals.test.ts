import { describe, expect, it } from "vitest";
import { googleEventIdFor } from "../../../server/calendar/event-id";
import { busyBlockId, chunkWindow, mergeIntervals, subtractIntervals } from "../../../server/calendar/intervals";

const at = (hhmm: string) => new Date(`2030-03-05T${hhmm}:00.000Z`);
const iv = (a: string, b: string) => ({ start: at(a), end: at(b) });
const show = (list: Array<{ start: Date; end: Date }>) =>
  list.map((i) => `${i.start.toISOString().slice(11, 16)}-${i.end.toISOString().slice(11, 16)}`);

describe("busy interval arithmetic", () => {
  it("merges overlapping and touching intervals, drops empty ones, sorts", () => {
    expect(
      show(mergeIntervals([iv("12:00", "13:00"), iv("09:00", "10:00"), iv("09:30", "11:00"), iv("11:00", "11:30"), iv("14:00", "14:00")])),
    ).toEqual(["09:00-11:30", "12:00-13:00"]);
  });

  it("subtracts our own events: inside, at the edges, spanning, and not overlapping", () => {
    expect(show(subtractIntervals([iv("09:00", "12:00")], [iv("10:00", "11:00")]))).toEqual(["09:00-10:00", "11:00-12:00"]);
    expect(show(subtractIntervals([iv("09:00", "12:00")], [iv("09:00", "10:00"), iv("11:30", "13:00")]))).toEqual(["10:00-11:30"]);
    expect(show(subtractIntervals([iv("09:00", "10:00")], [iv("08:00", "11:00")]))).toEqual([]);
    expect(show(subtractIntervals([iv("09:00", "10:00"), iv("15:00", "16:00")], [iv("12:00", "13:00")]))).toEqual([
      "09:00-10:00",
      "15:00-16:00",
    ]);
  });

  it("cuts a long window into pieces Google accepts", () => {
    const from = new Date("2030-01-01T00:00:00Z");
    const pieces = chunkWindow(from, new Date("2030-04-15T00:00:00Z"), 60);
    expect(pieces).toHaveLength(2);
    expect(pieces[0].end).toEqual(pieces[1].start);
    expect(pieces[1].end).toEqual(new Date("2030-04-15T00:00:00Z"));
  });

  it("gives busy blocks stable ids", () => {
    expect(busyBlockId(iv("09:00", "10:00"))).toBe("fb:2030-03-05T09:00:00.000Z/2030-03-05T10:00:00.000Z");
  });
});

describe("Google event ids", () => {
  it("are deterministic, base32hex and 5..1024 long", () => {
    const id = googleEventIdFor("3F2504E0-4F89-11D3-9A0C-0305E82C3301");
    expect(id).toBe("sp3f2504e04f8911d39a0c0305e82c3301");
    expect(googleEventIdFor("3f2504e0-4f89-11d3-9a0c-0305e82c3301")).toBe(id);
    const other = googleEventIdFor("not-a-uuid-xyz");
    expect(other).toMatch(/^[0-9a-v]{5,1024}$/);
    expect(other).not.toBe(googleEventIdFor("not-a-uuid-xyw"));
  });
});
