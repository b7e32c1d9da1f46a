import { InngestTestEngine } from "@inngest/test";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { createBookingReminders } from "../../../inngest/functions/booking-reminders";
import { planBookingReminders } from "../../../server/booking/reminders.server";
import { cancelBooking, rescheduleBooking } from "../../../server/booking/change-booking.server";
import { createBooking } from "../../../server/booking/create-booking.server";
import { withGlobal, withTenant } from "../../../server/db/db.server";
import { createLocalRunner } from "../../../server/jobs/local-runner.server";
import { createOutboxRelay } from "../../../server/jobs/outbox-relay.server";
import { formatWhen } from "../../../server/notifications/format";
import { uid } from "../../helpers/factories";
import { manualClock } from "../jobs/support";
import { addCustomer, bookingTenant, dayAt, DAY, HOUR, MINUTE, openDay, setBookingConfig, type BookingTenant } from "./support";

/**
 * Reminders on the real database. The rule under test: no reminder ever goes out for a
 * time that is no longer booked, whatever happens to the runs, and none inside quiet
 * hours. Part 1 drives the function with @inngest/test (only the sleeps mocked, so a
 * reschedule can happen "during" a sleep); part 2 runs it through the outbox relay and the
 * local runner with a clock the test moves.
 */
const CHICAGO = "America/Chicago";

// Chicago numbers: the recipient's zone is the business's and Illinois adds no stricter
// window, so these tests see the BOOKING node's 08:00-21:00 alone (a Texas number below).
const chicagoPhone = () => `+1312555${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;

async function confirmedBooking(
  t: BookingTenant,
  startsAt: Date,
  customer: { smsConsent?: boolean; email?: string | null; phone?: string } = { smsConsent: true },
) {
  const customerId = await addCustomer(t.id, { phone: chicagoPhone(), ...customer });
  const b = await withTenant(t.id, (db) =>
    createBooking(
      db,
      { source: "DASHBOARD", serviceId: t.serviceId, startsAt, staffId: t.staffId, customer: { id: customerId } },
      { kind: "MEMBER", userId: t.owner.id },
    ),
  );
  return { ...b, customerId };
}

/** The newest booking/* outbox event of a booking, as the relay would deliver it. */
async function lastEvent(tenantId: string, bookingId: string) {
  const rows = await withTenant(tenantId, (db) =>
    db.outboxEvent.findMany({ where: { name: { startsWith: "booking/" } }, orderBy: [{ createdAt: "desc" }] }),
  );
  const row = rows.find((r) => (r.data as { bookingId?: string }).bookingId === bookingId);
  if (!row) throw new Error("no booking event");
  return { id: row.id, name: row.name, data: row.data as Record<string, unknown> };
}

/** Reminder messages with their key: texts keep it as their idempotency key, emails as their provider id. */
async function reminderMessages(tenantId: string) {
  const rows = await withTenant(tenantId, (db) =>
    db.message.findMany({
      where: { OR: [{ idempotencyKey: { startsWith: "reminder:" } }, { providerMessageId: { startsWith: "reminder:" } }] },
      orderBy: [{ createdAt: "asc" }, { providerMessageId: "asc" }],
      select: {
        providerMessageId: true,
        idempotencyKey: true,
        channel: true,
        direction: true,
        status: true,
        provider: true,
        body: true,
        subject: true,
      },
    }),
  );
  return rows.map((m) => ({ ...m, key: m.idempotencyKey ?? m.providerMessageId }));
}

const sleepsMocked = (extra: Record<string, () => unknown> = {}) => [
  { id: "wait-1440", handler: extra["wait-1440"] ?? (() => undefined) },
  { id: "wait-120", handler: extra["wait-120"] ?? (() => undefined) },
];

describe("reminders with @inngest/test (sleeps mocked, everything else real)", () => {
  const fn = createBookingReminders();

  it("sends the 24 h and 2 h reminders into the customer's conversation, once, even when the run is replayed", async () => {
    const t = await bookingTenant();
    const b = await confirmedBooking(t, dayAt(new Date(), 3, 18));
    const event = await lastEvent(t.id, b.id);
    const { result } = await new InngestTestEngine({ function: fn, events: [event], steps: sleepsMocked() }).execute();
    expect(result).toEqual({ superseded: 0, planned: 2, sent: 2 });
    const messages = await reminderMessages(t.id);
    expect(messages.map((m) => [m.key, m.channel, m.direction, m.status, m.provider])).toEqual([
      [`reminder:${b.id}:1:1440`, "SMS", "OUTBOUND", "SENT", "local"],
      [`reminder:${b.id}:1:120`, "SMS", "OUTBOUND", "SENT", "local"],
    ]);
    expect(messages[0].body).toContain(formatWhen(new Date(b.startsAt), "en", CHICAGO));
    expect(messages[0].body).toMatch(new RegExp(`/s/${t.slug}/booking/manage/`));
    // A retry of the whole run (at-least-once delivery) stores nothing twice.
    await new InngestTestEngine({ function: fn, events: [event], steps: sleepsMocked() }).execute();
    expect(await reminderMessages(t.id)).toHaveLength(2);
  });

  it("a reschedule during the sleep: the old run sends nothing, the new run reminds of the new time", async () => {
    const t = await bookingTenant();
    const b = await confirmedBooking(t, dayAt(new Date(), 3, 18));
    const created = await lastEvent(t.id, b.id);
    // A customer may only move to a time the business offers: an open day after the old one.
    const newStart = await openDay(t, 1, 19, 0, dayAt(new Date(), 4, 0));
    const old = await new InngestTestEngine({
      function: fn,
      events: [created],
      steps: sleepsMocked({
        "wait-1440": () =>
          withTenant(t.id, (db) => rescheduleBooking(db, { bookingId: b.id, startsAt: newStart }, { kind: "CUSTOMER" })).then(
            () => undefined,
          ),
      }),
    }).execute();
    expect(old.result).toEqual({ superseded: 0, planned: 2, sent: 0, stopped: "stale" });
    expect(await reminderMessages(t.id)).toEqual([]);

    const rescheduled = await lastEvent(t.id, b.id);
    expect(rescheduled).toMatchObject({ name: "booking/rescheduled", data: { version: 2, startsAt: newStart.toISOString() } });
    const fresh = await new InngestTestEngine({ function: fn, events: [rescheduled], steps: sleepsMocked() }).execute();
    expect(fresh.result).toMatchObject({ planned: 2, sent: 2 });
    const messages = await reminderMessages(t.id);
    expect(messages.map((m) => m.key)).toEqual([`reminder:${b.id}:2:1440`, `reminder:${b.id}:2:120`]);
    expect(messages.every((m) => m.body.includes(formatWhen(newStart, "en", CHICAGO)))).toBe(true);
  });

  it("a cancellation during the sleep: nothing is sent", async () => {
    const t = await bookingTenant();
    const b = await confirmedBooking(t, dayAt(new Date(), 3, 18));
    const created = await lastEvent(t.id, b.id);
    const { result } = await new InngestTestEngine({
      function: fn,
      events: [created],
      steps: sleepsMocked({
        "wait-120": () => withTenant(t.id, (db) => cancelBooking(db, b.id, { kind: "CUSTOMER" })).then(() => undefined),
      }),
    }).execute();
    expect(result).toEqual({ superseded: 0, planned: 2, sent: 1, stopped: "stale" });
    expect((await reminderMessages(t.id)).map((m) => m.key)).toEqual([`reminder:${b.id}:1:1440`]);
  });

  it("channels: SMS only with consent; email whenever there is an address; nothing for neither; nothing when reminders are off", async () => {
    const t = await bookingTenant();
    const emailOnly = await confirmedBooking(t, dayAt(new Date(), 3, 15), { smsConsent: false, email: "pat@example.com" });
    const both = await confirmedBooking(t, dayAt(new Date(), 3, 18), { smsConsent: true, email: "sam@example.com" });
    const neither = await confirmedBooking(t, dayAt(new Date(), 3, 21), { smsConsent: false });
    const run = async (id: string) =>
      (await new InngestTestEngine({ function: fn, events: [await lastEvent(t.id, id)], steps: sleepsMocked() }).execute()).result;
    expect(await run(emailOnly.id)).toMatchObject({ sent: 2 });
    expect(await run(both.id)).toMatchObject({ sent: 2 });
    expect(await run(neither.id)).toMatchObject({ sent: 0, stopped: "noChannel" });
    const messages = await reminderMessages(t.id);
    const of = (id: string) => messages.filter((m) => m.key.startsWith(`reminder:${id}:`)).map((m) => `${m.channel}:${m.status}`);
    expect(of(emailOnly.id)).toEqual(["EMAIL:SENT", "EMAIL:SENT"]);
    expect(of(both.id).sort()).toEqual(["EMAIL:SENT", "EMAIL:SENT", "SMS:SENT", "SMS:SENT"]);
    expect(of(neither.id)).toEqual([]);
    const mailbox = await withTenant(t.id, (db) =>
      db.emailMessage.findMany({ where: { kind: "booking.reminder" }, select: { toAddress: true } }),
    );
    expect(mailbox.map((m) => m.toAddress).sort()).toEqual(["pat@example.com", "pat@example.com", "sam@example.com", "sam@example.com"]);

    await setBookingConfig(t.id, { reminders: { enabled: false } });
    const off = await confirmedBooking(t, dayAt(new Date(), 4, 18));
    expect(await run(off.id)).toEqual({ superseded: 0, planned: 0, sent: 0 });
  });
});

describe("reminders through the outbox relay and the local runner (controllable clock)", () => {
  /** An isolated copy of the function (unique id: on the PostgreSQL server every test file shares job_runs). */
  function harness(tenantId: string) {
    const fn = createBookingReminders(uid("booking-reminders-test"));
    const clock = manualClock();
    const relay = createOutboxRelay({ functions: [fn], mode: "local", tenantId, now: clock.now });
    const runner = createLocalRunner({ functions: [fn], now: clock.now, pollIntervalMs: 20 });
    const runs = () =>
      withGlobal((g) => g.jobRun.findMany({ where: { functionId: fn.id() }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }));
    return {
      clock,
      runs,
      async pump() {
        await relay.tick();
        await runner.tick();
      },
    };
  }

  it("a reschedule cancels the sleeping run; even revived, the old run never reminds of the old time", async () => {
    const t = await bookingTenant();
    const h = harness(t.id);
    const s1 = dayAt(new Date(), 3, 18);
    const b = await confirmedBooking(t, s1);
    await h.pump();
    let [run1] = await h.runs();
    expect(run1).toMatchObject({ status: "SLEEPING", runAt: new Date(s1.getTime() - DAY) });

    const s2 = dayAt(new Date(), 5, 19);
    await withTenant(t.id, (db) => rescheduleBooking(db, { bookingId: b.id, startsAt: s2 }, { kind: "MEMBER", userId: t.owner.id }));
    await h.pump();
    const [rerun1, run2] = await h.runs();
    run1 = rerun1;
    expect(run1).toMatchObject({ status: "CANCELLED", lastError: "superseded by booking version 2" });
    expect(run2).toMatchObject({ status: "SLEEPING", runAt: new Date(s2.getTime() - DAY) });

    // The old reminder times come and go: nothing.
    h.clock.set(new Date(s1.getTime() - DAY));
    await h.pump();
    expect(await reminderMessages(t.id)).toEqual([]);

    // Suppose the cancellation had not happened (Inngest without cancelOn, a race): the version check still holds.
    await withGlobal((g) => g.jobRun.update({ where: { id: run1.id }, data: { status: "SLEEPING", finishedAt: null } }));
    h.clock.set(new Date(s1.getTime() - 2 * HOUR));
    await h.pump();
    [run1] = await h.runs();
    expect(run1).toMatchObject({ status: "COMPLETED", output: { superseded: 0, planned: 2, sent: 0, stopped: "stale" } });
    expect(await reminderMessages(t.id)).toEqual([]);

    // The new time's reminders, each at its time.
    h.clock.set(new Date(s2.getTime() - DAY - MINUTE));
    await h.pump();
    expect(await reminderMessages(t.id)).toEqual([]);
    h.clock.set(new Date(s2.getTime() - DAY));
    await h.pump();
    expect((await reminderMessages(t.id)).map((m) => m.key)).toEqual([`reminder:${b.id}:2:1440`]);
    h.clock.set(new Date(s2.getTime() - 2 * HOUR));
    await h.pump();
    expect((await reminderMessages(t.id)).map((m) => m.key)).toEqual([`reminder:${b.id}:2:1440`, `reminder:${b.id}:2:120`]);
    expect((await h.runs())[1]).toMatchObject({ status: "COMPLETED", output: { planned: 2, sent: 2 } });
  });

  it("a cancellation cancels the sleeping run; nothing is ever sent", async () => {
    const t = await bookingTenant();
    const h = harness(t.id);
    const s = dayAt(new Date(), 3, 18);
    const b = await confirmedBooking(t, s);
    await h.pump();
    await withTenant(t.id, (db) => cancelBooking(db, b.id, { kind: "MEMBER", userId: t.owner.id }));
    await h.pump();
    const [reminders, cancelledRun] = await h.runs();
    expect(reminders).toMatchObject({ status: "CANCELLED" });
    expect(cancelledRun).toMatchObject({
      status: "COMPLETED",
      eventName: "booking/cancelled",
      output: { superseded: 1, planned: 0, sent: 0 },
    });
    for (const at of [s.getTime() - DAY, s.getTime() - 2 * HOUR, s.getTime() + HOUR]) {
      h.clock.set(new Date(at));
      await h.pump();
    }
    expect(await reminderMessages(t.id)).toEqual([]);
  });

  it("quiet hours (08:00-21:00, the business's zone): early and late reminders move into the window or are skipped", async () => {
    const t = await bookingTenant();
    const h = harness(t.id);
    const day = DateTime.now().setZone(CHICAGO).plus({ days: 3 }).startOf("day");
    // 07:30: the 24 h reminder (07:30 the day before) moves to 08:00 the day before; the 2 h one (05:30) would land after the start: skipped.
    const early = await confirmedBooking(t, day.set({ hour: 7, minute: 30 }).toJSDate());
    await h.pump();
    const [run] = await h.runs();
    const eightDayBefore = day.minus({ days: 1 }).set({ hour: 8 }).toJSDate();
    expect(run).toMatchObject({ status: "SLEEPING", runAt: eightDayBefore });
    h.clock.set(new Date(eightDayBefore.getTime() - MINUTE));
    await h.pump();
    expect(await reminderMessages(t.id)).toEqual([]);
    h.clock.set(eightDayBefore);
    await h.pump();
    expect((await reminderMessages(t.id)).map((m) => m.key)).toEqual([`reminder:${early.id}:1:1440`]);
    expect((await h.runs())[0]).toMatchObject({ status: "COMPLETED", output: { planned: 1, sent: 1 } });

    // 21:30: the 24 h reminder (21:30 the day before) moves to 08:00 the same day; the 2 h one (19:30) is fine.
    const late = await confirmedBooking(t, day.set({ hour: 21, minute: 30 }).toJSDate());
    await h.pump();
    const lateRun = (await h.runs())[1];
    expect(lateRun).toMatchObject({ status: "SLEEPING", runAt: day.set({ hour: 8 }).toJSDate() });
    h.clock.set(day.set({ hour: 8 }).toJSDate());
    await h.pump();
    expect((await h.runs())[1]).toMatchObject({ status: "SLEEPING", runAt: day.set({ hour: 19, minute: 30 }).toJSDate() });
    h.clock.set(day.set({ hour: 19, minute: 30 }).toJSDate());
    await h.pump();
    const sent = (await reminderMessages(t.id)).map((m) => m.key);
    expect(sent).toEqual(expect.arrayContaining([`reminder:${late.id}:1:1440`, `reminder:${late.id}:1:120`]));
    // Every reminder went out inside the window, in the business's zone.
    const runIds = (await h.runs()).map((r) => r.id);
    const steps = await withGlobal((g) => g.jobStep.findMany({ where: { runId: { in: runIds }, op: "Sleep" }, select: { output: true } }));
    expect(steps).toHaveLength(3);
    for (const s of steps) {
      const local = DateTime.fromISO((s.output as { wakeAt: string }).wakeAt).setZone(CHICAGO);
      expect(local.hour * 60 + local.minute).toBeGreaterThanOrEqual(8 * 60);
      expect(local.hour * 60 + local.minute).toBeLessThan(21 * 60);
    }
  });

  it("the recipient's own window counts too: a Texas number's 24 h reminder moves from 08:00 to 09:00 (noon on a Sunday)", async () => {
    const t = await bookingTenant();
    const day = DateTime.now().setZone(CHICAGO).plus({ days: 3 }).startOf("day");
    const b = await confirmedBooking(t, day.set({ hour: 7, minute: 30 }).toJSDate(), { smsConsent: true, phone: "+15125550177" });
    const plan = await planBookingReminders(t.id, { bookingId: b.id, version: b.version, startsAt: new Date(b.startsAt).toISOString() });
    const dayBefore = day.minus({ days: 1 });
    const opening = dayBefore.weekday === 7 ? 12 : 9;
    expect(plan.reminders).toEqual([
      { offsetMinutes: 1440, sendAt: dayBefore.set({ hour: opening }).toJSDate().toISOString(), moved: true },
    ]);
  });
});
