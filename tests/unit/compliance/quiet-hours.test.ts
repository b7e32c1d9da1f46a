import { describe, expect, it } from "vitest";
import { quietHoursBlock } from "../../../server/telephony/compliance/quiet-hours";
import { normaliseState, stateForPhone, usAreaCode, zoneForPhone } from "../../../server/telephony/compliance/us-area-codes";

const MIAMI = "+13055550123"; // FL, America/New_York
const AUSTIN = "+15125550123"; // TX, America/Chicago
const DENVER = "+13035550123"; // CO, no stricter state rule
const EL_PASO = "+19155550123"; // TX, but Mountain time
const LONDON = "+442071234567";
const tenantTimeZone = "America/Los_Angeles";
const utc = (iso: string) => new Date(iso);

describe("us area codes", () => {
  it("maps +1 numbers to a state and zone, and leaves others alone", () => {
    expect(usAreaCode(MIAMI)).toBe("305");
    expect(stateForPhone(MIAMI)).toBe("FL");
    expect(zoneForPhone(MIAMI)).toBe("America/New_York");
    expect(stateForPhone(AUSTIN)).toBe("TX");
    expect(zoneForPhone(EL_PASO)).toBe("America/Denver");
    expect(stateForPhone(LONDON)).toBeNull();
    expect(zoneForPhone(LONDON)).toBeNull();
    expect(stateForPhone("+18005550123")).toBeNull(); // toll-free: no place
    expect(usAreaCode("(512) 555-0123")).toBe("512");
  });
  it("reads states written as codes or names", () => {
    expect(normaliseState("fl")).toBe("FL");
    expect(normaliseState(" Florida ")).toBe("FL");
    expect(normaliseState("New  York")).toBe("NY");
    expect(normaliseState("Ontario")).toBeNull();
    expect(normaliseState(null)).toBeNull();
  });
});

describe("quietHoursBlock", () => {
  it("blocks a Florida number at 20:30 local (Florida ends at 8 p.m.) until 08:00 the next morning", () => {
    // 2026-07-15 20:30 EDT = 00:30 UTC on the 16th
    const r = quietHoursBlock({ phone: MIAMI, tenantTimeZone, now: utc("2026-07-16T00:30:00Z") });
    expect(r).toMatchObject({ blocked: true, timeZone: "America/New_York", window: { start: "08:00", end: "20:00" } });
    expect(r.nextAllowedAt.toISOString()).toBe("2026-07-16T12:00:00.000Z");
  });

  it("allows a Texas number at 20:30 local on a weekday (Texas ends at 9 p.m.)", () => {
    // Wednesday 2026-07-15 20:30 CDT = 01:30 UTC on the 16th
    const r = quietHoursBlock({ phone: AUSTIN, tenantTimeZone, now: utc("2026-07-16T01:30:00Z") });
    expect(r).toMatchObject({ blocked: false, timeZone: "America/Chicago", window: { start: "09:00", end: "21:00" } });
    expect(r.nextAllowedAt.toISOString()).toBe("2026-07-16T01:30:00.000Z");
  });

  it("Texas: 08:30 on a weekday waits for 09:00, a Sunday morning waits for noon", () => {
    const weekday = quietHoursBlock({ phone: AUSTIN, tenantTimeZone, now: utc("2026-07-15T13:30:00Z") }); // Wed 08:30 CDT
    expect(weekday.blocked).toBe(true);
    expect(weekday.nextAllowedAt.toISOString()).toBe("2026-07-15T14:00:00.000Z");
    const sunday = quietHoursBlock({ phone: AUSTIN, tenantTimeZone, now: utc("2026-07-19T15:00:00Z") }); // Sun 10:00 CDT
    expect(sunday).toMatchObject({ blocked: true, window: { start: "12:00", end: "21:00" } });
    expect(sunday.nextAllowedAt.toISOString()).toBe("2026-07-19T17:00:00.000Z");
  });

  it("federal window elsewhere: 08:00 inclusive, 21:00 exclusive", () => {
    expect(quietHoursBlock({ phone: DENVER, tenantTimeZone, now: utc("2026-07-15T14:00:00Z") }).blocked).toBe(false); // 08:00 MDT
    expect(quietHoursBlock({ phone: DENVER, tenantTimeZone, now: utc("2026-07-15T13:59:00Z") }).blocked).toBe(true); // 07:59
    expect(quietHoursBlock({ phone: DENVER, tenantTimeZone, now: utc("2026-07-16T02:59:00Z") }).blocked).toBe(false); // 20:59
    const late = quietHoursBlock({ phone: DENVER, tenantTimeZone, now: utc("2026-07-16T03:00:00Z") }); // 21:00
    expect(late).toMatchObject({ blocked: true, timeZone: "America/Denver", window: { start: "08:00", end: "21:00" } });
    expect(late.nextAllowedAt.toISOString()).toBe("2026-07-16T14:00:00.000Z");
  });

  it("the address's state wins the zone, and both states' rules apply", () => {
    // A Colorado number whose owner lives in Florida: Eastern time, Florida's 8 p.m.
    const r = quietHoursBlock({ phone: DENVER, addressState: "Florida", tenantTimeZone, now: utc("2026-07-16T00:30:00Z") });
    expect(r).toMatchObject({ blocked: true, timeZone: "America/New_York", window: { start: "08:00", end: "20:00" } });
    // A Florida number of someone in Colorado: Mountain time, still Florida's 8 p.m. (18:30 MDT is fine; 20:15 MDT is not).
    expect(quietHoursBlock({ phone: MIAMI, addressState: "CO", tenantTimeZone, now: utc("2026-07-16T00:30:00Z") }).blocked).toBe(false);
    expect(quietHoursBlock({ phone: MIAMI, addressState: "CO", tenantTimeZone, now: utc("2026-07-16T02:15:00Z") })).toMatchObject({
      blocked: true,
      timeZone: "America/Denver",
    });
  });

  it("falls back to the business's zone for numbers the table does not place", () => {
    const r = quietHoursBlock({ phone: LONDON, tenantTimeZone: "America/New_York", now: utc("2026-07-16T02:00:00Z") }); // 22:00 EDT
    expect(r).toMatchObject({ blocked: true, timeZone: "America/New_York" });
    expect(quietHoursBlock({ phone: LONDON, tenantTimeZone: "Not/AZone", now: utc("2026-07-16T12:00:00Z") }).timeZone).toBe("UTC");
  });

  it("DST spring forward: the next opening is 08:00 local on the new offset", () => {
    // Sunday 2026-03-08, US clocks jump at 02:00. 07:30 CDT = 12:30 UTC; 08:00 CDT = 13:00 UTC.
    const r = quietHoursBlock({ phone: DENVER, tenantTimeZone, now: utc("2026-03-08T06:30:00Z") }); // 23:30 MST on the 7th
    expect(r.blocked).toBe(true);
    expect(r.nextAllowedAt.toISOString()).toBe("2026-03-08T14:00:00.000Z"); // 08:00 MDT (UTC-6), not 15:00
    const chicago = quietHoursBlock({ phone: "+13125550123", tenantTimeZone, now: utc("2026-03-08T12:30:00Z") }); // 07:30 CDT
    expect(chicago.blocked).toBe(true);
    expect(chicago.nextAllowedAt.toISOString()).toBe("2026-03-08T13:00:00.000Z");
  });

  it("DST fall back: 07:30 after the change is still too early; 08:00 is on the new offset", () => {
    // Sunday 2026-11-01, clocks go back at 02:00 EDT -> 01:00 EST. 07:30 EST = 12:30 UTC.
    const r = quietHoursBlock({ phone: "+12125550123", tenantTimeZone, now: utc("2026-11-01T12:30:00Z") });
    expect(r).toMatchObject({ blocked: true, timeZone: "America/New_York" });
    expect(r.nextAllowedAt.toISOString()).toBe("2026-11-01T13:00:00.000Z");
    expect(quietHoursBlock({ phone: "+12125550123", tenantTimeZone, now: utc("2026-11-01T13:00:00Z") }).blocked).toBe(false);
  });

  it("states with no automated texts on Sunday open again on Monday", () => {
    // Alabama (Central): Sunday 2026-07-19 11:00 CDT -> Monday 08:00 CDT.
    const r = quietHoursBlock({ phone: "+12055550123", tenantTimeZone, now: utc("2026-07-19T16:00:00Z") });
    expect(r).toMatchObject({ blocked: true, window: { start: "00:00", end: "00:00" } });
    expect(r.nextAllowedAt.toISOString()).toBe("2026-07-20T13:00:00.000Z");
  });
});
