import { DateTime } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import { createBooking } from "../../../server/booking/create-booking.server";
import { cancelBooking } from "../../../server/booking/change-booking.server";
import { holdSlot } from "../../../server/booking/hold-slot.server";
import { writeConfig } from "../../../server/config/config-service.server";
import type { DeepPartial, TConfigNode } from "../../../server/config/schemas";
import { withTenant } from "../../../server/db/db.server";
import { getSlotCalendar, type SlotCalendarQuery } from "../../../server/scheduling/availability.server";
import { createTestTenant, uid, type TestTenant } from "../../helpers/factories";
import { addService, addStaff, caller, trpcError } from "../booking/support";

/**
 * Availability from a real database: hours, exceptions, members' own hours, bookings with
 * travel and buffer, holds, calendar busy blocks, notice and horizon, DST in New York and
 * tenant isolation. Each case is a small fixture checked against the exact slot list
 * ("YYYY-MM-DD HH:MM" in the tenant's zone), so any drift in the rules fails it.
 */

type WeeklyHours = TConfigNode<"HOURS">["weekly"];

const NY = "America/New_York";
const WEEKDAY_MORNINGS: WeeklyHours = {
  mon: [{ open: "09:00", close: "12:00" }],
  tue: [{ open: "09:00", close: "12:00" }],
  wed: [{ open: "09:00", close: "12:00" }],
  thu: [{ open: "09:00", close: "12:00" }],
  fri: [{ open: "09:00", close: "12:00" }],
  sat: [{ open: "10:00", close: "12:00" }],
  sun: [],
};
const EVERY_DAY = (open: string, close: string): WeeklyHours => ({
  mon: [{ open, close }],
  tue: [{ open, close }],
  wed: [{ open, close }],
  thu: [{ open, close }],
  fri: [{ open, close }],
  sat: [{ open, close }],
  sun: [{ open, close }],
});
/** Week of Monday 2030-06-03 (EDT all week). */
const MON = "2030-06-03";
const week = (offset: number) => DateTime.fromISO(MON).plus({ days: offset }).toISODate()!;
/** Long before every fixture: notice and horizon play no part unless a test sets them. */
const LONG_AGO = new Date("2030-01-01T00:00:00Z");

interface Fixture {
  tenant: TestTenant;
  timeZone: string;
  /** The owner's staff member, on business hours. */
  staffId: string;
  serviceId: string;
}

async function fixture(
  options: { timeZone?: string; hours?: WeeklyHours; booking?: DeepPartial<TConfigNode<"BOOKING">>; durationMinutes?: number } = {},
): Promise<Fixture> {
  const timeZone = options.timeZone ?? NY;
  const tenant = await createTestTenant({ input: { timeZone } });
  const staffId = await withTenant(tenant.id, async (db) => {
    await writeConfig(db, "HOURS", { weekly: options.hours ?? WEEKDAY_MORNINGS }, null);
    await writeConfig(
      db,
      "BOOKING",
      {
        slotIntervalMinutes: 60,
        bufferMinutes: 0,
        travelMinutes: 0,
        minNoticeMinutes: 0,
        horizonDays: 365,
        holdMinutes: 10,
        requireConfirmation: false,
        ...options.booking,
      },
      null,
    );
    const staff = await db.staff.findMany({ select: { id: true, weeklyHours: true } });
    // One member (the owner), on the business's hours.
    expect(staff).toEqual([{ id: expect.any(String), weeklyHours: null }]);
    return staff[0].id;
  });
  const serviceId = await addService(tenant.id, options.durationMinutes ?? 60);
  return { tenant, timeZone, staffId, serviceId };
}

type Query = Omit<SlotCalendarQuery, "serviceId" | "fromDate" | "toDate"> & { serviceId?: string };

async function calendar(f: Fixture, fromDate: string, toDate: string, query: Query = {}) {
  return withTenant(f.tenant.id, (db) =>
    getSlotCalendar(db, { serviceId: f.serviceId, fromDate, toDate, now: LONG_AGO, rules: "customer", ...query }),
  );
}

/** "YYYY-MM-DD HH:MM" for every slot, in order. */
async function slots(f: Fixture, fromDate: string, toDate = fromDate, query: Query = {}): Promise<string[]> {
  const cal = await calendar(f, fromDate, toDate, query);
  return cal.days.flatMap((d) => d.slots.map((s) => `${d.date} ${s.time}`));
}

/** An instant from a local wall time in the fixture's zone (not on a DST change). */
const at = (f: Fixture, local: string) => DateTime.fromISO(local, { zone: f.timeZone }).toJSDate();

const day = (date: string, ...times: string[]) => times.map((t) => `${date} ${t}`);

let phoneSeq = 0;
const nextPhone = () => `+1512555${String(1000 + (phoneSeq++ % 9000)).padStart(4, "0")}`;

/** A booking made the way the dashboard makes one (the booking domain stores travel and buffer). */
async function book(f: Fixture, local: string, staffId = f.staffId, now = LONG_AGO) {
  return withTenant(f.tenant.id, (db) =>
    createBooking(
      db,
      {
        source: "DASHBOARD",
        serviceId: f.serviceId,
        startsAt: at(f, local),
        staffId,
        customer: { name: "Ana López", phone: nextPhone(), email: null, locale: "en" },
      },
      { kind: "MEMBER", userId: f.tenant.owner.id },
      { now },
    ),
  );
}

async function busyBlock(f: Fixture, fromLocal: string, toLocal: string, staffId: string | null = f.staffId) {
  await withTenant(f.tenant.id, async (db) => {
    const connection = await db.calendarConnection.create({
      data: { tenantId: db.tenantId, staffId, provider: "google", status: "CONNECTED", externalCalendarId: "primary" },
    });
    await db.calendarBusyBlock.create({
      data: {
        tenantId: db.tenantId,
        connectionId: connection.id,
        staffId,
        startsAt: at(f, fromLocal),
        endsAt: at(f, toLocal),
        externalId: uid("evt"),
      },
    });
  });
}

async function exception(f: Fixture, kind: "CLOSED" | "OPEN", fromLocal: string, toLocal: string, staffId: string | null = null) {
  await withTenant(f.tenant.id, (db) =>
    db.scheduleException.create({
      data: { tenantId: db.tenantId, staffId, kind, startsAt: at(f, fromLocal), endsAt: at(f, toLocal), reason: "test" },
    }),
  );
}

describe("business hours and exceptions", () => {
  it("offers the business's weekly hours, nothing on a closed day", async () => {
    const f = await fixture();
    expect(await slots(f, week(0), week(6))).toEqual([
      ...day(week(0), "09:00", "10:00", "11:00"),
      ...day(week(1), "09:00", "10:00", "11:00"),
      ...day(week(2), "09:00", "10:00", "11:00"),
      ...day(week(3), "09:00", "10:00", "11:00"),
      ...day(week(4), "09:00", "10:00", "11:00"),
      ...day(week(5), "10:00", "11:00"),
    ]);
    const cal = await calendar(f, week(0), week(6));
    expect(cal.days.map((d) => d.date)).toEqual([0, 1, 2, 3, 4, 5, 6].map(week));
    expect(cal.days[6].slots).toEqual([]);
    expect(cal).toMatchObject({ timeZone: NY, durationMinutes: 60 });
  });

  it("a holiday closes the whole day, a partial closure only its hours, an OPEN exception adds time (CLOSED wins)", async () => {
    const f = await fixture();
    await exception(f, "CLOSED", `${week(2)}T00:00`, `${week(3)}T00:00`);
    await exception(f, "CLOSED", `${week(3)}T10:00`, `${week(3)}T11:00`);
    await exception(f, "OPEN", `${week(6)}T13:00`, `${week(6)}T15:00`);
    // An OPEN exception inside a holiday does not undo it.
    await exception(f, "OPEN", `${week(2)}T13:00`, `${week(2)}T15:00`);
    expect(await slots(f, week(1), week(6))).toEqual([
      ...day(week(1), "09:00", "10:00", "11:00"),
      ...day(week(3), "09:00", "11:00"),
      ...day(week(4), "09:00", "10:00", "11:00"),
      ...day(week(5), "10:00", "11:00"),
      ...day(week(6), "13:00", "14:00"),
    ]);
  });
});

describe("members' own hours", () => {
  it("each member's own hours and day off; time off closes only that member; staffId narrows the list", async () => {
    const f = await fixture();
    const bea = await addStaff(f.tenant.id, "Bea");
    await withTenant(f.tenant.id, (db) =>
      db.staff.update({
        where: { id: bea },
        data: { weeklyHours: { ...WEEKDAY_MORNINGS, mon: [{ open: "13:00", close: "15:00" }], tue: [], sat: [] } },
      }),
    );
    // Owner's time off on Wednesday morning: Bea still works.
    await exception(f, "CLOSED", `${week(2)}T09:00`, `${week(2)}T12:00`, f.staffId);

    const cal = await calendar(f, week(0), week(2));
    const who = cal.days.flatMap((d) =>
      d.slots.map((s) => `${d.date} ${s.time} ${s.staffIds.map((id) => (id === bea ? "bea" : "owner")).join("+")}`),
    );
    expect(who).toEqual([
      `${week(0)} 09:00 owner`,
      `${week(0)} 10:00 owner`,
      `${week(0)} 11:00 owner`,
      `${week(0)} 13:00 bea`,
      `${week(0)} 14:00 bea`,
      `${week(1)} 09:00 owner`,
      `${week(1)} 10:00 owner`,
      `${week(1)} 11:00 owner`,
      `${week(2)} 09:00 bea`,
      `${week(2)} 10:00 bea`,
      `${week(2)} 11:00 bea`,
    ]);
    expect(await slots(f, week(0), week(5), { staffId: bea })).toEqual([
      ...day(week(0), "13:00", "14:00"),
      ...day(week(2), "09:00", "10:00", "11:00"),
      ...day(week(3), "09:00", "10:00", "11:00"),
      ...day(week(4), "09:00", "10:00", "11:00"),
    ]);
  });

  it("a service limited to some members offers only their time; an inactive member offers none", async () => {
    const f = await fixture();
    const bea = await addStaff(f.tenant.id, "Bea");
    await withTenant(f.tenant.id, (db) => db.staff.update({ where: { id: bea }, data: { weeklyHours: EVERY_DAY("14:00", "16:00") } }));
    const beaOnly = await addService(f.tenant.id, 60, { staffIds: [bea] });
    expect(await slots(f, week(0), week(0), { serviceId: beaOnly })).toEqual(day(week(0), "14:00", "15:00"));
    await withTenant(f.tenant.id, (db) => db.staff.update({ where: { id: bea }, data: { active: false } }));
    expect(await slots(f, week(0), week(0), { serviceId: beaOnly })).toEqual([]);
  });
});

describe("bookings, buffers and travel", () => {
  it("a booking blocks its job plus travel before and buffer after; a cancelled one blocks nothing", async () => {
    // 09:00-17:00, 30-minute grid, 60-minute jobs, 30 min travel before, 30 min buffer after.
    const f = await fixture({
      hours: EVERY_DAY("09:00", "17:00"),
      booking: { slotIntervalMinutes: 30, travelMinutes: 30, bufferMinutes: 30 },
    });
    const all = day(
      week(0),
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
      "16:00",
    );
    expect(await slots(f, week(0))).toEqual(all);

    const booking = await book(f, `${week(0)}T12:00`);
    expect(booking.status).toBe("CONFIRMED");
    // Blocked 11:30-13:30. A new job at s needs [s - 30, s + 90) clear: s <= 10:00 or s >= 14:00.
    expect(await slots(f, week(0))).toEqual(day(week(0), "09:00", "09:30", "10:00", "14:00", "14:30", "15:00", "15:30", "16:00"));
    // Jobs themselves stay inside hours; travel before the first and buffer after the last may fall outside.
    expect((await slots(f, week(0)))[0]).toBe(`${week(0)} 09:00`);

    await withTenant(f.tenant.id, (db) => cancelBooking(db, booking.id, { kind: "MEMBER", userId: f.tenant.owner.id }, {}));
    expect(await slots(f, week(0))).toEqual(all);
  });

  it("with two members a booking takes only its member's time", async () => {
    const f = await fixture({ hours: EVERY_DAY("09:00", "12:00") });
    const bea = await addStaff(f.tenant.id, "Bea");
    await book(f, `${week(0)}T10:00`);
    const cal = await calendar(f, week(0), week(0));
    expect(cal.days[0].slots.map((s) => [s.time, s.staffIds])).toEqual([
      ["09:00", [f.staffId, bea]],
      ["10:00", [bea]],
      ["11:00", [f.staffId, bea]],
    ]);
    await book(f, `${week(0)}T10:00`, bea);
    expect(await slots(f, week(0))).toEqual(day(week(0), "09:00", "11:00"));
  });
});

describe("holds", () => {
  it("a live hold hides its slot; once expired the slot is offered again (before any sweep)", async () => {
    const f = await fixture({ booking: { holdMinutes: 10 } });
    const heldAt = new Date("2030-05-01T12:00:00Z");
    const hold = await withTenant(f.tenant.id, (db) =>
      holdSlot(db, { serviceId: f.serviceId, startsAt: at(f, `${week(0)}T10:00`) }, { now: heldAt }),
    );
    expect(hold.staffId).toBe(f.staffId);

    const minutesLater = (m: number) => new Date(heldAt.getTime() + m * 60_000);
    expect(await slots(f, week(0), week(0), { now: minutesLater(9) })).toEqual(day(week(0), "09:00", "11:00"));
    expect(await slots(f, week(0), week(0), { now: minutesLater(10) })).toEqual(day(week(0), "09:00", "10:00", "11:00"));
    // The expired row is still in the table: only the clock freed it.
    expect(await withTenant(f.tenant.id, (db) => db.booking.count({ where: { id: hold.holdId } }))).toBe(1);
  });
});

describe("calendar busy blocks (Google)", () => {
  it("a member's busy block hides the slots it overlaps, with travel and buffer counted", async () => {
    const f = await fixture({
      hours: EVERY_DAY("09:00", "13:00"),
      booking: { slotIntervalMinutes: 30, travelMinutes: 15, bufferMinutes: 15 },
    });
    await busyBlock(f, `${week(0)}T11:00`, `${week(0)}T11:30`);
    // A 60-min job at s blocks [s - 15, s + 75): clear of 11:00-11:30 when s <= 09:45 or s >= 11:45.
    expect(await slots(f, week(0))).toEqual(day(week(0), "09:00", "09:30", "12:00"));
  });

  it("a business-wide busy block (no member) hides everyone's slots; another member's block hides only theirs", async () => {
    const f = await fixture({ hours: EVERY_DAY("09:00", "12:00") });
    const bea = await addStaff(f.tenant.id, "Bea");
    await busyBlock(f, `${week(0)}T09:00`, `${week(0)}T10:00`, null);
    await busyBlock(f, `${week(0)}T10:00`, `${week(0)}T11:00`, bea);
    const cal = await calendar(f, week(0), week(0));
    expect(cal.days[0].slots.map((s) => [s.time, s.staffIds])).toEqual([
      ["10:00", [f.staffId]],
      ["11:00", [f.staffId, bea]],
    ]);
  });
});

describe("notice and horizon", () => {
  it("customers: starts at least minNotice after now and at most horizonDays ahead; members: only not in the past", async () => {
    const f = await fixture({ booking: { minNoticeMinutes: 120, horizonDays: 2 } });
    const now = at(f, `${week(0)}T08:30`);
    // Monday: notice puts the first start at 10:30, so 11:00. Horizon: up to Wednesday 08:30, before opening.
    expect(await slots(f, week(0), week(3), { now })).toEqual([...day(week(0), "11:00"), ...day(week(1), "09:00", "10:00", "11:00")]);
    // A start exactly at now + notice is offered.
    expect(await slots(f, week(0), week(0), { now: at(f, `${week(0)}T08:00`) })).toEqual(day(week(0), "10:00", "11:00"));
    // The dashboard's rules: no notice, no horizon, but never the past.
    expect(await slots(f, week(0), week(3), { now: at(f, `${week(0)}T09:30`), rules: "member" })).toEqual([
      ...day(week(0), "10:00", "11:00"),
      ...day(week(1), "09:00", "10:00", "11:00"),
      ...day(week(2), "09:00", "10:00", "11:00"),
      ...day(week(3), "09:00", "10:00", "11:00"),
    ]);
  });
});

describe("the booking horizon reaches the booking page", () => {
  it("a 365-day horizon: the calendar says its last local date and offers times ten months out, nothing after", async () => {
    const f = await fixture({ booking: { horizonDays: 365 } });
    const now = at(f, `${week(0)}T08:30`);
    const lastDate = DateTime.fromISO(week(0)).plus({ days: 365 }).toISODate()!;
    const cal = await calendar(f, week(0), week(6), { now });
    expect(cal.lastDate).toBe(lastDate);
    // 300 days out (well past the eight weeks the date strip used to stop at) is bookable.
    const monday300 = DateTime.fromISO(week(0)).plus({ days: 301 }).toISODate()!;
    expect(DateTime.fromISO(monday300).weekday).toBe(1);
    expect(await slots(f, monday300, monday300, { now })).toEqual(day(monday300, "09:00", "10:00", "11:00"));
    expect(await slots(f, DateTime.fromISO(lastDate).plus({ days: 1 }).toISODate()!, undefined, { now })).toEqual([]);
    // The dashboard's calendar has no horizon.
    expect((await calendar(f, week(0), week(0), { now, rules: "member" })).lastDate).toBeNull();
  });
});

describe("time zones and daylight saving (America/New_York)", () => {
  const NIGHT_SUNDAY: WeeklyHours = { ...WEEKDAY_MORNINGS, sun: [{ open: "00:00", close: "05:00" }], sat: [] };
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  /** [time label, UTC instant] of each slot of one local date. */
  async function dayInstants(f: Fixture, date: string) {
    const cal = await calendar(f, date, date);
    expect(cal.days.map((d) => d.date)).toEqual([date]);
    return cal.days[0].slots.map((s) => [s.time, s.startsAt]);
  }

  it("spring forward (2030-03-10): no slot at the missing 02:00-02:59, real hours counted", async () => {
    const f = await fixture({ hours: NIGHT_SUNDAY, booking: { slotIntervalMinutes: 30 }, durationMinutes: 30 });
    expect(await dayInstants(f, "2030-03-10")).toEqual([
      ["00:00", "2030-03-10T05:00:00.000Z"],
      ["00:30", "2030-03-10T05:30:00.000Z"],
      ["01:00", "2030-03-10T06:00:00.000Z"],
      ["01:30", "2030-03-10T06:30:00.000Z"],
      ["03:00", "2030-03-10T07:00:00.000Z"],
      ["03:30", "2030-03-10T07:30:00.000Z"],
      ["04:00", "2030-03-10T08:00:00.000Z"],
      ["04:30", "2030-03-10T08:30:00.000Z"],
    ]);
  });

  it("fall back (2030-11-03): the repeated 01:00 hour is offered twice, once in EDT and once in EST", async () => {
    const f = await fixture({ hours: NIGHT_SUNDAY, booking: { slotIntervalMinutes: 30 }, durationMinutes: 30 });
    const slotsOfDay = await dayInstants(f, "2030-11-03");
    expect(slotsOfDay).toEqual([
      ["00:00", "2030-11-03T04:00:00.000Z"],
      ["00:30", "2030-11-03T04:30:00.000Z"],
      ["01:00", "2030-11-03T05:00:00.000Z"],
      ["01:30", "2030-11-03T05:30:00.000Z"],
      ["01:00", "2030-11-03T06:00:00.000Z"],
      ["01:30", "2030-11-03T06:30:00.000Z"],
      ["02:00", "2030-11-03T07:00:00.000Z"],
      ["02:30", "2030-11-03T07:30:00.000Z"],
      ["03:00", "2030-11-03T08:00:00.000Z"],
      ["03:30", "2030-11-03T08:30:00.000Z"],
      ["04:00", "2030-11-03T09:00:00.000Z"],
      ["04:30", "2030-11-03T09:30:00.000Z"],
    ]);
    expect(new Set(slotsOfDay.map(([, at]) => at)).size).toBe(slotsOfDay.length);
  });

  it("a week across the change keeps local hours (09:00 is 14:00Z before, 13:00Z after), whatever the process zone", async () => {
    const f = await fixture({ hours: { ...EVERY_DAY("09:00", "11:00"), sun: [{ open: "00:00", close: "05:00" }] } });
    const expected = [
      ["2030-03-08 09:00", "2030-03-08T14:00:00.000Z"],
      ["2030-03-08 10:00", "2030-03-08T15:00:00.000Z"],
      ["2030-03-09 09:00", "2030-03-09T14:00:00.000Z"],
      ["2030-03-09 10:00", "2030-03-09T15:00:00.000Z"],
      ["2030-03-10 00:00", "2030-03-10T05:00:00.000Z"],
      ["2030-03-10 01:00", "2030-03-10T06:00:00.000Z"],
      ["2030-03-10 03:00", "2030-03-10T07:00:00.000Z"],
      ["2030-03-10 04:00", "2030-03-10T08:00:00.000Z"],
      ["2030-03-11 09:00", "2030-03-11T13:00:00.000Z"],
      ["2030-03-11 10:00", "2030-03-11T14:00:00.000Z"],
      ["2030-03-12 09:00", "2030-03-12T13:00:00.000Z"],
      ["2030-03-12 10:00", "2030-03-12T14:00:00.000Z"],
    ];
    for (const tz of ["UTC", "Pacific/Auckland", "America/Los_Angeles"]) {
      process.env.TZ = tz;
      const cal = await calendar(f, "2030-03-08", "2030-03-12");
      const got = cal.days.flatMap((d) => d.slots.map((s) => [`${d.date} ${s.time}`, s.startsAt]));
      expect(got, `process TZ ${tz}`).toEqual(expected);
      // Every label is the start's wall time in the tenant's zone.
      for (const d of cal.days) {
        for (const s of d.slots)
          expect(DateTime.fromISO(s.startsAt, { zone: NY }).toFormat("yyyy-MM-dd HH:mm")).toBe(`${d.date} ${s.time}`);
      }
    }
  });

  it("a booking across the fall-back hour blocks by real time: a 2-hour job from 00:00 ends at 01:00 EST", async () => {
    const f = await fixture({ hours: { ...WEEKDAY_MORNINGS, sun: [{ open: "00:00", close: "05:00" }] }, durationMinutes: 60 });
    const twoHours = await addService(f.tenant.id, 120);
    // 00:00 EDT (04:00Z) + 2 h = 06:00Z = 01:00 EST (the second 01:00).
    await withTenant(f.tenant.id, (db) =>
      createBooking(
        db,
        {
          source: "DASHBOARD",
          serviceId: twoHours,
          startsAt: new Date("2030-11-03T04:00:00Z"),
          staffId: f.staffId,
          customer: { name: "Ana", phone: nextPhone(), email: null, locale: "en" },
        },
        { kind: "MEMBER", userId: f.tenant.owner.id },
        { now: LONG_AGO },
      ),
    );
    // 01:00 EDT (05:00Z) is taken; the second 01:00 (EST, 06:00Z) starts as the job ends, so it is free.
    expect(await dayInstants(f, "2030-11-03")).toEqual([
      ["01:00", "2030-11-03T06:00:00.000Z"],
      ["02:00", "2030-11-03T07:00:00.000Z"],
      ["03:00", "2030-11-03T08:00:00.000Z"],
      ["04:00", "2030-11-03T09:00:00.000Z"],
    ]);
  });
});

describe("tenant isolation through the public procedure", () => {
  it("tenant A's bookings never change tenant B's slots; an unknown slug is NOT_FOUND", async () => {
    const a = await fixture({ hours: EVERY_DAY("09:00", "12:00") });
    const b = await fixture({ hours: EVERY_DAY("09:00", "12:00") });
    const today = DateTime.now().setZone(NY);
    const d1 = today.plus({ days: 7 }).toISODate()!;
    const d2 = today.plus({ days: 8 }).toISODate()!;
    await book(a, `${d1}T10:00`, a.staffId, new Date());
    await busyBlock(a, `${d2}T09:00`, `${d2}T10:00`);

    const publicSlots = async (f: Fixture) => {
      const res = await caller(null).scheduling.slots({ tenantSlug: f.tenant.slug, serviceId: f.serviceId, fromDate: d1, toDate: d2 });
      expect(res.timeZone).toBe(NY);
      // The public answer never says who is free.
      for (const d of res.days) for (const s of d.slots) expect(Object.keys(s).sort()).toEqual(["endsAt", "startsAt", "time"]);
      return res.days.flatMap((d) => d.slots.map((s) => `${d.date} ${s.time}`));
    };
    expect(await publicSlots(a)).toEqual([...day(d1, "09:00", "11:00"), ...day(d2, "10:00", "11:00")]);
    expect(await publicSlots(b)).toEqual([...day(d1, "09:00", "10:00", "11:00"), ...day(d2, "09:00", "10:00", "11:00")]);

    // Tenant A's service asked for under tenant B's slug is simply not there.
    expect(
      (await trpcError(caller(null).scheduling.slots({ tenantSlug: b.tenant.slug, serviceId: a.serviceId, fromDate: d1, toDate: d2 })))
        .code,
    ).toBe("NOT_FOUND");
    expect(
      (
        await trpcError(
          caller(null).scheduling.slots({ tenantSlug: `no-such-${uid("x")}`, serviceId: a.serviceId, fromDate: d1, toDate: d2 }),
        )
      ).code,
    ).toBe("NOT_FOUND");
  });

  it("staffSlots (dashboard): members see who is free, without notice; another tenant's owner is refused", async () => {
    const a = await fixture({ hours: EVERY_DAY("09:00", "12:00"), booking: { minNoticeMinutes: 60 * 24 * 14 } });
    const b = await fixture({ hours: EVERY_DAY("09:00", "12:00") });
    const d1 = DateTime.now().setZone(NY).plus({ days: 7 }).toISODate()!;
    await book(a, `${d1}T11:00`, a.staffId, new Date());
    const mine = await caller(a.tenant.owner, a.tenant.id).scheduling.staffSlots({ serviceId: a.serviceId, fromDate: d1, toDate: d1 });
    expect(mine.days[0].slots.map((s) => [s.time, s.staffIds])).toEqual([
      ["09:00", [a.staffId]],
      ["10:00", [a.staffId]],
    ]);
    // Customers see nothing: two weeks' notice.
    expect(
      (await caller(null).scheduling.slots({ tenantSlug: a.tenant.slug, serviceId: a.serviceId, fromDate: d1, toDate: d1 })).days[0].slots,
    ).toEqual([]);
    const err = await trpcError(
      caller(b.tenant.owner, a.tenant.id).scheduling.staffSlots({ serviceId: a.serviceId, fromDate: d1, toDate: d1 }),
    );
    expect(err.code).toBe("FORBIDDEN");
  });

  it("more than 31 local days in one call is BAD_REQUEST", async () => {
    const f = await fixture();
    const err = await trpcError(
      caller(null).scheduling.slots({ tenantSlug: f.tenant.slug, serviceId: f.serviceId, fromDate: "2030-06-01", toDate: "2030-07-02" }),
    );
    expect(err.code).toBe("BAD_REQUEST");
  });
});
