/**
 * Bench fixture and figures for slot browsing from the database: one business with 10
 * members on realistic hours, holidays and time off, a few hundred bookings and holds, and
 * Google busy blocks, then a 30-day calendar read (the booking widget's month view).
 */
import { DateTime } from "luxon";
import { writeConfig } from "../../server/config/config-service.server";
import { withTenant, type TenantDb } from "../../server/db/db.server";
import { getPack } from "../../server/packs";
import { getSlotCalendar, loadAvailabilityInput } from "../../server/scheduling/availability.server";
import { localDateRange } from "../../server/scheduling/slot-calendar";
import { computeSlots } from "../../server/scheduling/slot-engine";
import { createTenant } from "../../server/tenants/create-tenant.server";
import { createCaller } from "../../server/trpc/router.server";
import type { SessionUser } from "../../server/users/session-user";

export type BenchFn = (name: string, runs: number, fn: (i: number) => Promise<unknown>) => Promise<void>;

const TIME_ZONE = "America/Chicago";
const DAYS = 30;
const STAFF = 10;

/** A small deterministic generator, so every run benches the same data. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const range = (open: string, close: string) => [{ open, close }];
const BUSINESS_HOURS = {
  mon: [
    { open: "08:00", close: "12:00" },
    { open: "13:00", close: "18:00" },
  ],
  tue: [
    { open: "08:00", close: "12:00" },
    { open: "13:00", close: "18:00" },
  ],
  wed: [
    { open: "08:00", close: "12:00" },
    { open: "13:00", close: "18:00" },
  ],
  thu: [
    { open: "08:00", close: "12:00" },
    { open: "13:00", close: "18:00" },
  ],
  fri: [
    { open: "08:00", close: "12:00" },
    { open: "13:00", close: "18:00" },
  ],
  sat: range("09:00", "14:00"),
  sun: [],
};
/** Own hours for some members (null: the business's). */
const STAFF_HOURS: Array<object | null> = [
  null,
  null,
  null,
  {
    ...BUSINESS_HOURS,
    mon: range("07:00", "15:00"),
    tue: range("07:00", "15:00"),
    wed: range("07:00", "15:00"),
    thu: range("07:00", "15:00"),
    fri: range("07:00", "15:00"),
  },
  { ...BUSINESS_HOURS, wed: [] },
  {
    mon: [],
    tue: range("10:00", "16:00"),
    wed: range("10:00", "16:00"),
    thu: range("10:00", "16:00"),
    fri: range("10:00", "16:00"),
    sat: range("09:00", "16:00"),
    sun: [],
  },
  null,
  { ...BUSINESS_HOURS, fri: range("08:00", "12:00"), sat: [] },
  null,
  { ...BUSINESS_HOURS, sun: range("10:00", "14:00") },
];
/** Local job starts used for seeded bookings: 90-minute jobs with 20 min travel and 15 min buffer never overlap. */
const BOOKING_STARTS = ["08:00", "10:30", "13:30", "16:00"];

export interface SlotsFixture {
  tenantId: string;
  slug: string;
  serviceId: string;
  fromDate: string;
  toDate: string;
  counts: { staff: number; bookings: number; holds: number; exceptions: number; busyBlocks: number };
}

/** Seeds the business for the slot figures (about a second on PGlite). */
export async function seedSlotsFixture(owner: SessionUser): Promise<SlotsFixture> {
  const pack = getPack("auto-detailing");
  const tenant = await createTenant(
    {
      businessName: "Bench Slots Detailing",
      packKey: pack.key,
      timeZone: TIME_ZONE,
      locale: "en",
      hours: pack.config.HOURS.weekly,
      services: pack.services.map((s) => ({
        packServiceKey: s.key,
        name: s.name.en,
        durationMinutes: s.durationMinutes,
        priceCents: s.priceCents,
      })),
    },
    owner,
  );
  const today = DateTime.now().setZone(TIME_ZONE).startOf("day");
  const first = today.plus({ days: 1 });
  const fromDate = first.toISODate()!;
  const toDate = first.plus({ days: DAYS - 1 }).toISODate()!;
  const random = seededRandom(20_261_127);
  const counts = await withTenant(tenant.id, async (db) => {
    await writeConfig(db, "HOURS", { weekly: BUSINESS_HOURS }, null);
    await writeConfig(
      db,
      "BOOKING",
      { slotIntervalMinutes: 30, bufferMinutes: 15, travelMinutes: 20, minNoticeMinutes: 120, horizonDays: 90 },
      null,
    );
    const service = await db.service.create({
      data: {
        tenantId: db.tenantId,
        name: { en: "Full detail", es: "Detallado completo" },
        description: { en: "", es: "" },
        durationMinutes: 90,
        priceCents: 18_000,
      },
      select: { id: true },
    });
    const staffIds = await seedStaff(db);
    const exceptions = await seedExceptions(db, staffIds, first, random);
    const { bookings, holds } = await seedBookings(db, staffIds, service.id, first, random);
    const busyBlocks = await seedBusyBlocks(db, staffIds, first, random);
    return { serviceId: service.id, staff: staffIds.length, bookings, holds, exceptions, busyBlocks };
  });
  const { serviceId, ...rest } = counts;
  return { tenantId: tenant.id, slug: tenant.slug, serviceId, fromDate, toDate, counts: rest };
}

async function seedStaff(db: TenantDb): Promise<string[]> {
  const ownerStaff = await db.staff.findMany({ select: { id: true } });
  const ids = ownerStaff.map((s) => s.id);
  for (let i = ids.length; i < STAFF; i++) {
    const row = await db.staff.create({
      data: { tenantId: db.tenantId, name: `Tech ${i + 1}`, sortOrder: i, ...(STAFF_HOURS[i] ? { weeklyHours: STAFF_HOURS[i]! } : {}) },
      select: { id: true },
    });
    ids.push(row.id);
  }
  return ids;
}

const local = (day: DateTime, hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return day.set({ hour: h, minute: m }).toJSDate();
};

async function seedExceptions(db: TenantDb, staffIds: string[], first: DateTime, random: () => number): Promise<number> {
  const rows: Array<{ tenantId: string; staffId: string | null; kind: "CLOSED" | "OPEN"; startsAt: Date; endsAt: Date; reason: string }> =
    [];
  // A business holiday and a half-day closure.
  const holiday = first.plus({ days: 10 });
  rows.push({
    tenantId: db.tenantId,
    staffId: null,
    kind: "CLOSED",
    startsAt: holiday.toJSDate(),
    endsAt: holiday.plus({ days: 1 }).toJSDate(),
    reason: "Holiday",
  });
  const halfDay = first.plus({ days: 17 });
  rows.push({
    tenantId: db.tenantId,
    staffId: null,
    kind: "CLOSED",
    startsAt: local(halfDay, "12:00"),
    endsAt: halfDay.plus({ days: 1 }).toJSDate(),
    reason: "Team training",
  });
  // Time off: a dozen member-days; a couple of extra Sunday openings.
  for (let i = 0; i < 12; i++) {
    const day = first.plus({ days: Math.floor(random() * DAYS) });
    rows.push({
      tenantId: db.tenantId,
      staffId: staffIds[Math.floor(random() * staffIds.length)],
      kind: "CLOSED",
      startsAt: day.toJSDate(),
      endsAt: day.plus({ days: 1 }).toJSDate(),
      reason: "Time off",
    });
  }
  for (let i = 0; i < 2; i++) {
    const sunday = first.plus({ days: 7 * i + ((7 - first.weekday) % 7) });
    rows.push({
      tenantId: db.tenantId,
      staffId: staffIds[i],
      kind: "OPEN",
      startsAt: local(sunday, "09:00"),
      endsAt: local(sunday, "13:00"),
      reason: "Extra shift",
    });
  }
  await db.scheduleException.createMany({ data: rows });
  return rows.length;
}

async function seedBookings(db: TenantDb, staffIds: string[], serviceId: string, first: DateTime, random: () => number) {
  const rows = [];
  let holds = 0;
  const now = Date.now();
  for (let d = 0; d < DAYS; d++) {
    const day = first.plus({ days: d });
    for (const staffId of staffIds) {
      for (const start of BOOKING_STARTS) {
        if (random() > 0.36) continue;
        const startsAt = local(day, start);
        const endsAt = new Date(startsAt.getTime() + 90 * 60_000);
        const roll = random();
        // Mostly confirmed; some requests, some cancelled (not blocking), a few holds (live or expired).
        const status = roll < 0.75 ? "CONFIRMED" : roll < 0.87 ? "REQUESTED" : roll < 0.95 ? "CANCELLED" : "HELD";
        if (status === "HELD") holds++;
        rows.push({
          tenantId: db.tenantId,
          serviceId,
          staffId,
          status,
          source: status === "HELD" ? "PUBLIC" : "DASHBOARD",
          startsAt,
          endsAt,
          blockedFrom: new Date(startsAt.getTime() - 20 * 60_000),
          blockedUntil: new Date(endsAt.getTime() + 15 * 60_000),
          durationMinutes: 90,
          priceCents: 18_000,
          holdExpiresAt: status === "HELD" ? new Date(now + (random() < 0.5 ? 10 : -10) * 60_000) : null,
        } as const);
      }
    }
  }
  await db.booking.createMany({ data: rows });
  return { bookings: rows.length - holds, holds };
}

async function seedBusyBlocks(db: TenantDb, staffIds: string[], first: DateTime, random: () => number): Promise<number> {
  const rows = [];
  // Half the members connected Google Calendar; their personal events land anywhere in the day.
  for (const staffId of staffIds.slice(0, 5)) {
    const connection = await db.calendarConnection.create({
      data: { tenantId: db.tenantId, staffId, provider: "google", status: "CONNECTED", externalCalendarId: "primary" },
    });
    for (let i = 0; i < 30; i++) {
      const startsAt = first.plus({ days: Math.floor(random() * DAYS), minutes: 7 * 60 + Math.floor(random() * 22) * 30 }).toJSDate();
      const endsAt = new Date(startsAt.getTime() + (30 + Math.floor(random() * 4) * 30) * 60_000);
      rows.push({ tenantId: db.tenantId, connectionId: connection.id, staffId, startsAt, endsAt, externalId: `evt-${staffId}-${i}` });
    }
  }
  await db.calendarBusyBlock.createMany({ data: rows });
  return rows.length;
}

/** The slot figures: the domain call, the public tRPC procedure, and the engine alone (inputs preloaded). */
export async function benchSlots(bench: BenchFn, owner: SessionUser): Promise<{ fixture: SlotsFixture; slotsOffered: number }> {
  const f = await seedSlotsFixture(owner);
  const query = { serviceId: f.serviceId, fromDate: f.fromDate, toDate: f.toDate, rules: "customer" as const };
  const calendar = await withTenant(f.tenantId, (db) => getSlotCalendar(db, query));
  const slotsOffered = calendar.days.reduce((n, d) => n + d.slots.length, 0);
  const c = f.counts;
  console.log(
    `\nslots fixture: ${c.staff} staff, ${c.bookings} bookings, ${c.holds} holds, ${c.exceptions} exceptions, ${c.busyBlocks} busy blocks; ${DAYS} days ${f.fromDate}..${f.toDate} offer ${slotsOffered} slots`,
  );
  if (slotsOffered === 0) throw new Error("slots bench: the fixture offers no slots; the figures would mean nothing");

  await bench(`slots: getSlotCalendar ${DAYS} days x ${STAFF} staff from the database`, 150, () =>
    withTenant(f.tenantId, (db) => getSlotCalendar(db, query)),
  );
  const publicCaller = createCaller({
    requestId: "bench-slots",
    request: new Request("http://localhost/"),
    user: null,
    locale: "en",
    tenantIdHint: null,
    ip: "127.0.0.1",
  });
  await bench(`slots: tRPC scheduling.slots (public, by slug) ${DAYS} days x ${STAFF} staff`, 100, () =>
    publicCaller.scheduling.slots({ tenantSlug: f.slug, serviceId: f.serviceId, fromDate: f.fromDate, toDate: f.toDate }),
  );
  const window = localDateRange(TIME_ZONE, f.fromDate, f.toDate)!;
  const loaded = await withTenant(f.tenantId, (db) =>
    loadAvailabilityInput(db, { serviceId: f.serviceId, from: window.from, to: window.to, rules: "customer" }),
  );
  await bench(`slots: engine only (computeSlots, inputs preloaded) ${DAYS} days`, 300, async () => computeSlots(loaded.input));
  return { fixture: f, slotsOffered };
}
