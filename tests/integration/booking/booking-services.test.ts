import { describe, expect, it } from "vitest";
import {
  cancelBooking,
  completeBooking,
  confirmBooking,
  markNoShow,
  rescheduleBooking,
  startBooking,
} from "../../../server/booking/change-booking.server";
import { createBooking, type CreateBookingInput } from "../../../server/booking/create-booking.server";
import { getBooking, listBookings } from "../../../server/booking/get-booking.server";
import { confirmHold, holdSlot, type ConfirmHoldInput } from "../../../server/booking/hold-slot.server";
import { withTenant, type TenantDb } from "../../../server/db/db.server";
import {
  addCustomer,
  addService,
  addStaff,
  bookingEvents,
  bookingTenant,
  dayAt,
  domainError,
  HOUR,
  MINUTE,
  outboxFor,
  outcome,
  type BookingTenant,
} from "./support";

/** The booking services on a real database: intervals, holds, the machine, the audit trail and the outbox. */
const NOW = new Date("2030-06-01T12:00:00Z");
const member = (t: BookingTenant) => ({ kind: "MEMBER" as const, userId: t.owner.id });

async function book(t: BookingTenant, startsAt: Date, extra: Partial<CreateBookingInput> = {}, now = NOW) {
  const customerId = extra.customer ? undefined : await addCustomer(t.id);
  return withTenant(t.id, (db) =>
    createBooking(
      db,
      { source: "DASHBOARD", serviceId: t.serviceId, startsAt, staffId: t.staffId, customer: { id: customerId! }, ...extra },
      member(t),
      { now },
    ),
  );
}

const tryBook = (t: BookingTenant, startsAt: Date, serviceId = t.serviceId, staffId: string | null = t.staffId) =>
  outcome(
    (async () => {
      const customerId = await addCustomer(t.id);
      return withTenant(t.id, (db) =>
        createBooking(db, { source: "DASHBOARD", serviceId, startsAt, staffId, customer: { id: customerId } }, member(t), { now: NOW }),
      );
    })(),
  );

const hold = (t: BookingTenant, startsAt: Date, now = NOW, staffId: string | null = t.staffId, serviceId = t.serviceId) =>
  withTenant(t.id, (db) => holdSlot(db, { serviceId, startsAt, staffId }, { now }));

const confirm = (t: BookingTenant, input: Partial<ConfirmHoldInput> & { holdId: string }, now = NOW) =>
  withTenant(t.id, (db) =>
    confirmHold(db, { name: "Ana Díaz", phone: "(512) 555-0142", locale: "es", smsConsent: false, ...input }, { now }),
  );

describe("intervals and the exclusion constraint", () => {
  it("overlapping-but-not-equal intervals conflict; touching ones do not", async () => {
    const t = await bookingTenant();
    const serviceId = await addService(t.id, 60);
    const ten = dayAt(NOW, 3, 10);
    expect(await tryBook(t, ten, serviceId)).toBe("ok"); // 10:00-11:00
    expect(await tryBook(t, new Date(ten.getTime() + 30 * MINUTE), serviceId)).toBe("Conflict:errors:booking.slotTaken"); // 10:30-11:30
    expect(await tryBook(t, new Date(ten.getTime() - 30 * MINUTE), serviceId)).toBe("Conflict:errors:booking.slotTaken"); // 09:30-10:30
    expect(await tryBook(t, new Date(ten.getTime() + 59 * MINUTE), serviceId)).toBe("Conflict:errors:booking.slotTaken"); // 10:59-11:59
    expect(await tryBook(t, new Date(ten.getTime() + HOUR), serviceId)).toBe("ok"); // 11:00-12:00 touches
    expect(await tryBook(t, new Date(ten.getTime() - HOUR), serviceId)).toBe("ok"); // 09:00-10:00 touches
    // Another staff member is not blocked at all.
    const other = await addStaff(t.id);
    expect(await tryBook(t, new Date(ten.getTime() + 30 * MINUTE), serviceId, other)).toBe("ok");
  });

  it("travel before and buffer after extend the blocked range", async () => {
    const t = await bookingTenant({ travelMinutes: 30, bufferMinutes: 15 });
    const serviceId = await addService(t.id, 60);
    const ten = dayAt(NOW, 3, 10);
    const customerId = await addCustomer(t.id);
    const b = await withTenant(t.id, (db) =>
      createBooking(db, { source: "DASHBOARD", serviceId, startsAt: ten, staffId: t.staffId, customer: { id: customerId } }, member(t), {
        now: NOW,
      }),
    );
    expect({ from: b.blockedFrom, until: b.blockedUntil, ends: b.endsAt }).toEqual({
      from: new Date(ten.getTime() - 30 * MINUTE).toISOString(),
      until: new Date(ten.getTime() + 75 * MINUTE).toISOString(),
      ends: new Date(ten.getTime() + HOUR).toISOString(),
    });
    // 11:00 would need travel from 10:30, inside the 10:00 job's buffer (until 11:15).
    expect(await tryBook(t, new Date(ten.getTime() + HOUR), serviceId)).toBe("Conflict:errors:booking.slotTaken");
    // 11:45: its travel starts 11:15, exactly when the buffer ends (touching).
    expect(await tryBook(t, new Date(ten.getTime() + 105 * MINUTE), serviceId)).toBe("ok");
    // Before: a job ending 09:15 has its buffer until 09:30, where the 10:00 travel begins.
    expect(await tryBook(t, new Date(ten.getTime() - 105 * MINUTE), serviceId)).toBe("ok"); // 08:15-09:15 (+15) touches 09:30
    expect(await tryBook(t, new Date(ten.getTime() - 100 * MINUTE), serviceId)).toBe("Conflict:errors:booking.slotTaken");
  });
});

describe("holds", () => {
  it("a hold blocks the slot until it expires, then never blocks anyone", async () => {
    const t = await bookingTenant({ holdMinutes: 5 });
    const startsAt = dayAt(NOW, 3, 15);
    const first = await hold(t, startsAt);
    expect(first.expiresAt).toBe(new Date(NOW.getTime() + 5 * MINUTE).toISOString());
    expect(await outcome(hold(t, startsAt, new Date(NOW.getTime() + 4 * MINUTE)))).toBe("Conflict:errors:booking.slotTaken");
    expect(await tryBook(t, startsAt)).toBe("Conflict:errors:booking.slotTaken");
    // At the expiry instant the hold is gone: the next customer gets the slot (and the old row is deleted).
    const later = new Date(NOW.getTime() + 5 * MINUTE);
    const second = await hold(t, startsAt, later);
    expect(await withTenant(t.id, (db) => db.booking.findUnique({ where: { id: first.holdId } }))).toBeNull();
    // The first customer comes back too late.
    expect(await outcome(confirm(t, { holdId: first.holdId }, later))).toBe("Conflict:errors:booking.holdExpired");
    expect((await confirm(t, { holdId: second.holdId }, later)).status).toBe("CONFIRMED");
  });

  it("an expired hold that nobody took can still be confirmed; one whose time has passed cannot", async () => {
    const t = await bookingTenant({ holdMinutes: 5, minNoticeMinutes: 60 });
    const startsAt = dayAt(NOW, 3, 15);
    const h = await hold(t, startsAt);
    expect((await confirm(t, { holdId: h.holdId }, new Date(NOW.getTime() + 30 * MINUTE))).status).toBe("CONFIRMED");
    const soon = new Date(NOW.getTime() + 2 * HOUR);
    const h2 = await hold(t, soon);
    // Twenty minutes later the hold expired and the start is now inside the minimum notice.
    expect(await outcome(confirm(t, { holdId: h2.holdId }, new Date(NOW.getTime() + 65 * MINUTE)))).toBe(
      "Conflict:errors:booking.holdExpired",
    );
  });

  it("holdSlot picks the first free staff member who can do the service, and follows service.staffIds", async () => {
    const t = await bookingTenant();
    const second = await addStaff(t.id);
    const startsAt = dayAt(NOW, 3, 15);
    expect((await hold(t, startsAt, NOW, null)).staffId).toBe(t.staffId);
    expect((await hold(t, startsAt, NOW, null)).staffId).toBe(second);
    expect(await outcome(hold(t, startsAt, NOW, null))).toBe("Conflict:errors:booking.slotTaken");
    const onlySecond = await addService(t.id, 30, { staffIds: [second] });
    expect(await outcome(hold(t, dayAt(NOW, 4, 15), NOW, t.staffId, onlySecond))).toBe("Invalid:errors:booking.noStaff");
    expect((await hold(t, dayAt(NOW, 4, 15), NOW, null, onlySecond)).staffId).toBe(second);
  });

  it("customer time rules: not in the past, not inside the notice, not beyond the horizon; inactive services refused", async () => {
    const t = await bookingTenant({ minNoticeMinutes: 120, horizonDays: 30 });
    expect(await outcome(hold(t, new Date(NOW.getTime() - MINUTE)))).toBe("Invalid:errors:booking.inPast");
    expect(await outcome(hold(t, new Date(NOW.getTime() + 119 * MINUTE)))).toBe("Invalid:errors:booking.tooSoon");
    expect(await outcome(hold(t, new Date(NOW.getTime() + 120 * MINUTE)))).toBe("ok");
    expect(await outcome(hold(t, new Date(NOW.getTime() + 31 * 24 * HOUR)))).toBe("Invalid:errors:booking.tooFarAhead");
    await withTenant(t.id, (db) => db.service.update({ where: { id: t.serviceId }, data: { active: false } }));
    expect(await outcome(hold(t, dayAt(NOW, 3, 15)))).toBe("Invalid:errors:booking.serviceUnavailable");
  });

  it("prices in integer cents from the catalogue's quote, options and deposit included", async () => {
    const t = await bookingTenant();
    const serviceId = await addService(t.id, 60, {
      priceCents: 10_000,
      depositRule: { type: "percent", percent: 25 },
      optionGroups: [
        {
          key: "size",
          name: { en: "Size", es: "Tamaño" },
          kind: "SINGLE",
          defaultChoiceKey: "small",
          choices: [
            { key: "small", name: { en: "Small", es: "Pequeño" }, priceDeltaCents: 0, durationDeltaMinutes: 0 },
            { key: "suv", name: { en: "SUV", es: "SUV" }, priceDeltaCents: 2_550, durationDeltaMinutes: 30 },
          ],
        },
      ],
    });
    const h = await withTenant(t.id, (db) =>
      holdSlot(db, { serviceId, startsAt: dayAt(NOW, 3, 15), options: { size: ["suv"] } }, { now: NOW }),
    );
    expect(h).toMatchObject({ priceCents: 12_550, depositCents: 3_138, durationMinutes: 90 });
    expect(Date.parse(h.endsAt) - Date.parse(h.startsAt)).toBe(90 * MINUTE);
    expect(
      await outcome(
        withTenant(t.id, (db) => holdSlot(db, { serviceId, startsAt: dayAt(NOW, 4, 15), options: { size: ["truck"] } }, { now: NOW })),
      ),
    ).toBe("Invalid:errors:booking.invalidOptions");
  });
});

describe("confirming a hold: customer and consent", () => {
  it("attaches the customer by E.164 phone, records SMS consent only when given, and emits booking/created", async () => {
    const t = await bookingTenant();
    const h1 = await hold(t, dayAt(NOW, 3, 15));
    const c1 = await confirm(t, { holdId: h1.holdId, smsConsent: false, email: "Ana@Example.com", notes: "  gate code 42 " });
    expect(c1).toMatchObject({ status: "CONFIRMED", version: 2 });
    const customer = await withTenant(t.id, (db) => db.customer.findFirstOrThrow({ where: { phone: "+15125550142" } }));
    expect(customer).toMatchObject({ name: "Ana Díaz", email: "ana@example.com", locale: "es", smsConsent: false, smsConsentAt: null });
    expect(await withTenant(t.id, (db) => db.consentEvent.count())).toBe(0);
    const booking = await withTenant(t.id, (db) => getBooking(db, c1.bookingId));
    expect(booking).toMatchObject({ customer: { id: customer.id }, notes: "gate code 42", holdExpiresAt: null, source: "PUBLIC" });

    // The same person again (typed differently), this time ticking the box: same customer, consent recorded with source and time.
    const h2 = await hold(t, dayAt(NOW, 4, 15));
    const later = new Date(NOW.getTime() + MINUTE);
    await confirm(t, { holdId: h2.holdId, phone: "+1 512-555-0142", name: "Somebody Else", smsConsent: true }, later);
    const again = await withTenant(t.id, (db) => db.customer.findMany({ where: { phone: "+15125550142" } }));
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({
      id: customer.id,
      name: "Ana Díaz",
      smsConsent: true,
      smsConsentSource: "booking.public",
      smsConsentAt: later,
    });
    const ledger = await withTenant(t.id, (db) => db.consentEvent.findMany());
    expect(ledger).toEqual([
      expect.objectContaining({
        customerId: customer.id,
        phone: "+15125550142",
        channel: "SMS",
        action: "OPT_IN",
        source: "booking.public",
        createdAt: later,
      }),
    ]);

    // A later booking without the box ticked never revokes it.
    const h3 = await hold(t, dayAt(NOW, 5, 15));
    await confirm(t, { holdId: h3.holdId, smsConsent: false });
    expect((await withTenant(t.id, (db) => db.customer.findUniqueOrThrow({ where: { id: customer.id } }))).smsConsent).toBe(true);

    expect(await outboxFor(t.id, c1.bookingId)).toEqual([
      {
        name: "booking/created",
        data: expect.objectContaining({
          bookingId: c1.bookingId,
          version: 2,
          status: "CONFIRMED",
          source: "PUBLIC",
          customerId: customer.id,
          startsAt: c1.startsAt,
        }),
      },
    ]);
  });

  it("rejects an invalid phone with a field error, and a second confirmation of the same hold", async () => {
    const t = await bookingTenant();
    const h = await hold(t, dayAt(NOW, 3, 15));
    const bad = await domainError(confirm(t, { holdId: h.holdId, phone: "12" }));
    expect(bad).toMatchObject({ kind: "Invalid", key: "errors:invalidInput", fields: { phone: "errors:validation.phoneE164" } });
    await confirm(t, { holdId: h.holdId });
    expect(await outcome(confirm(t, { holdId: h.holdId }))).toBe("Conflict:errors:booking.illegalTransition");
  });

  it("requireConfirmation: the booking waits as REQUESTED until the owner confirms it", async () => {
    const t = await bookingTenant({ requireConfirmation: true });
    const h = await hold(t, dayAt(NOW, 3, 15));
    const c = await confirm(t, { holdId: h.holdId });
    expect(c.status).toBe("REQUESTED");
    const approved = await withTenant(t.id, (db) => confirmBooking(db, c.bookingId, member(t), { now: NOW }));
    expect(approved).toMatchObject({ status: "CONFIRMED", version: 3 });
    expect((await outboxFor(t.id, c.bookingId)).map((e) => [e.name, e.data.version])).toEqual([
      ["booking/created", 2],
      ["booking/confirmed", 3],
    ]);
  });
});

describe("the state machine, enforced by the services", () => {
  it("refuses illegal moves with Conflict errors:booking.illegalTransition and keeps the row unchanged", async () => {
    const t = await bookingTenant();
    const b = await book(t, dayAt(NOW, 3, 15));
    const run = (fn: (db: TenantDb) => Promise<unknown>) => outcome(withTenant(t.id, fn));
    expect(await run((db) => completeBooking(db, b.id, member(t), { now: NOW }))).toBe("Conflict:errors:booking.illegalTransition");
    expect(await run((db) => confirmBooking(db, b.id, member(t), { now: NOW }))).toBe("Conflict:errors:booking.illegalTransition");
    // A no-show before the start time makes no sense.
    expect(await run((db) => markNoShow(db, b.id, member(t), { now: NOW }))).toBe("Invalid:errors:booking.notStarted");
    const during = new Date(Date.parse(b.startsAt) + MINUTE);
    expect(await run((db) => startBooking(db, b.id, member(t), { now: during }))).toBe("ok");
    expect(await run((db) => rescheduleBooking(db, { bookingId: b.id, startsAt: dayAt(NOW, 4, 15) }, member(t), { now: NOW }))).toBe(
      "Conflict:errors:booking.illegalTransition",
    );
    expect(await run((db) => cancelBooking(db, b.id, member(t), { now: during }))).toBe("Conflict:errors:booking.illegalTransition");
    expect(await run((db) => completeBooking(db, b.id, member(t), { now: during }))).toBe("ok");
    for (const fn of [startBooking, completeBooking, cancelBooking, markNoShow, confirmBooking]) {
      expect(await run((db) => fn(db, b.id, member(t), { now: during }))).toBe("Conflict:errors:booking.illegalTransition");
    }
    expect((await withTenant(t.id, (db) => getBooking(db, b.id))).status).toBe("COMPLETED");
  });

  it("a stale version is Conflict errors:conflict; a cancelled booking frees its time", async () => {
    const t = await bookingTenant();
    const b = await book(t, dayAt(NOW, 3, 15));
    expect(await outcome(withTenant(t.id, (db) => cancelBooking(db, b.id, member(t), { now: NOW, expectedVersion: b.version + 1 })))).toBe(
      "Conflict:errors:conflict",
    );
    await withTenant(t.id, (db) => cancelBooking(db, b.id, member(t), { now: NOW, expectedVersion: b.version, reason: "customer called" }));
    expect(await tryBook(t, dayAt(NOW, 3, 15))).toBe("ok");
  });

  it("no-show only once the appointment has started", async () => {
    const t = await bookingTenant();
    const b = await book(t, dayAt(NOW, 3, 15));
    const late = new Date(Date.parse(b.startsAt) + 20 * MINUTE);
    const ns = await withTenant(t.id, (db) => markNoShow(db, b.id, member(t), { now: late }));
    expect(ns).toMatchObject({ status: "NO_SHOW", version: 2, allowedEvents: [] });
    expect(await tryBook(t, dayAt(NOW, 3, 15))).toBe("ok"); // a no-show no longer blocks the staff member
  });
});

describe("audit trail and outbox", () => {
  it("every change writes one booking_events row and one outbox event with the new version", async () => {
    const t = await bookingTenant();
    const h = await hold(t, dayAt(NOW, 3, 15));
    const c = await confirm(t, { holdId: h.holdId });
    const moved = await withTenant(t.id, (db) =>
      rescheduleBooking(db, { bookingId: c.bookingId, startsAt: dayAt(NOW, 4, 16) }, member(t), { now: NOW, reason: "rain" }),
    );
    expect(moved).toMatchObject({ version: 3, status: "CONFIRMED", startsAt: dayAt(NOW, 4, 16).toISOString() });
    const cancelled = await withTenant(t.id, (db) => cancelBooking(db, c.bookingId, member(t), { now: NOW, reason: "  sick  " }));
    expect(cancelled).toMatchObject({ version: 4, status: "CANCELLED", cancelReason: "sick" });

    const events = await bookingEvents(t.id, c.bookingId);
    expect(
      events.map((e) => [e.fromStatus, e.toStatus, e.actorKind, e.actorUserId, e.reason, (e.data as { version: number }).version]),
    ).toEqual([
      [null, "HELD", "CUSTOMER", null, null, 1],
      ["HELD", "CONFIRMED", "CUSTOMER", null, null, 2],
      ["CONFIRMED", "CONFIRMED", "MEMBER", t.owner.id, "rain", 3],
      ["CONFIRMED", "CANCELLED", "MEMBER", t.owner.id, "sick", 4],
    ]);
    expect(events[2].data).toMatchObject({
      event: "RESCHEDULE",
      previousStartsAt: dayAt(NOW, 3, 15).toISOString(),
      startsAt: dayAt(NOW, 4, 16).toISOString(),
    });

    expect(
      (await outboxFor(t.id, c.bookingId)).map((e) => ({
        name: e.name,
        version: e.data.version,
        startsAt: e.data.startsAt,
        extra: e.data.previousStartsAt ?? e.data.by ?? e.data.status,
      })),
    ).toEqual([
      { name: "booking/created", version: 2, startsAt: dayAt(NOW, 3, 15).toISOString(), extra: "CONFIRMED" },
      { name: "booking/rescheduled", version: 3, startsAt: dayAt(NOW, 4, 16).toISOString(), extra: dayAt(NOW, 3, 15).toISOString() },
      { name: "booking/cancelled", version: 4, startsAt: dayAt(NOW, 4, 16).toISOString(), extra: "MEMBER" },
    ]);
  });

  it("start, complete and no-show emit booking/status-changed; the agent's cancellation counts as SYSTEM", async () => {
    const t = await bookingTenant();
    const b = await book(t, dayAt(NOW, 3, 15));
    const during = new Date(Date.parse(b.startsAt) + MINUTE);
    await withTenant(t.id, (db) => startBooking(db, b.id, member(t), { now: during }));
    await withTenant(t.id, (db) => completeBooking(db, b.id, member(t), { now: during }));
    const b2 = await book(t, dayAt(NOW, 5, 15));
    await withTenant(t.id, (db) => cancelBooking(db, b2.id, { kind: "AGENT" }, { now: NOW }));
    expect((await outboxFor(t.id, b.id)).map((e) => [e.name, e.data.version, e.data.from ?? null, e.data.to ?? null])).toEqual([
      ["booking/created", 1, null, null],
      ["booking/status-changed", 2, "CONFIRMED", "IN_PROGRESS"],
      ["booking/status-changed", 3, "IN_PROGRESS", "COMPLETED"],
    ]);
    expect((await outboxFor(t.id, b2.id)).map((e) => [e.name, e.data.by ?? null])).toEqual([
      ["booking/created", null],
      ["booking/cancelled", "SYSTEM"],
    ]);
    expect((await bookingEvents(t.id, b2.id)).map((e) => e.actorKind)).toEqual(["MEMBER", "AGENT"]);
  });

  it("holds emit no outbox event (nothing to tell anyone until the customer confirms)", async () => {
    const t = await bookingTenant();
    const h = await hold(t, dayAt(NOW, 3, 15));
    await withTenant(t.id, (db) => cancelBooking(db, h.holdId, { kind: "CUSTOMER" }, { now: NOW }));
    expect(await outboxFor(t.id, h.holdId)).toEqual([]);
    expect((await bookingEvents(t.id, h.holdId)).map((e) => e.toStatus)).toEqual(["HELD", "CANCELLED"]);
  });
});

describe("rescheduling, cutoff, agent and listing", () => {
  it("keeps the same staff member when free, else moves to a free one; an explicit busy one is Conflict", async () => {
    const t = await bookingTenant();
    const second = await addStaff(t.id);
    const b = await book(t, dayAt(NOW, 3, 15));
    const blocker = await book(t, dayAt(NOW, 4, 15));
    const same = await withTenant(t.id, (db) =>
      rescheduleBooking(db, { bookingId: b.id, startsAt: dayAt(NOW, 3, 17) }, member(t), { now: NOW }),
    );
    expect(same.staff.id).toBe(t.staffId);
    const moved = await withTenant(t.id, (db) =>
      rescheduleBooking(db, { bookingId: b.id, startsAt: dayAt(NOW, 4, 15) }, member(t), { now: NOW }),
    );
    expect(moved.staff.id).toBe(second);
    expect(
      await outcome(
        withTenant(t.id, (db) =>
          rescheduleBooking(db, { bookingId: blocker.id, startsAt: dayAt(NOW, 4, 15), staffId: second }, member(t), { now: NOW }),
        ),
      ),
    ).toBe("Conflict:errors:booking.slotTaken");
  });

  it("customers change online only before changeCutoffHours; members any time", async () => {
    const t = await bookingTenant({ changeCutoffHours: 12, minNoticeMinutes: 0 });
    const b = await book(t, dayAt(NOW, 3, 15));
    const start = Date.parse(b.startsAt);
    const justBefore = new Date(start - 12 * HOUR);
    const tooLate = new Date(start - 12 * HOUR + MINUTE);
    const err = await domainError(withTenant(t.id, (db) => cancelBooking(db, b.id, { kind: "CUSTOMER" }, { now: tooLate })));
    expect(err).toMatchObject({ kind: "Forbidden", key: "errors:booking.pastCutoff", params: { hours: 12 } });
    expect(
      await outcome(
        withTenant(t.id, (db) =>
          rescheduleBooking(db, { bookingId: b.id, startsAt: dayAt(NOW, 5, 15) }, { kind: "CUSTOMER" }, { now: tooLate }),
        ),
      ),
    ).toBe("Forbidden:errors:booking.pastCutoff");
    expect(
      await outcome(
        withTenant(t.id, (db) =>
          rescheduleBooking(db, { bookingId: b.id, startsAt: dayAt(NOW, 5, 15) }, { kind: "CUSTOMER" }, { now: justBefore }),
        ),
      ),
    ).toBe("ok");
    const b2 = await book(t, dayAt(NOW, 3, 18));
    expect(
      await outcome(withTenant(t.id, (db) => cancelBooking(db, b2.id, member(t), { now: new Date(Date.parse(b2.startsAt) - HOUR) }))),
    ).toBe("ok");
  });

  it("the agent books with customer rules and requireConfirmation; new customers with verbal consent", async () => {
    const t = await bookingTenant({ requireConfirmation: true, minNoticeMinutes: 120 });
    const input = {
      source: "AGENT" as const,
      serviceId: t.serviceId,
      customer: { name: "Luis", phone: "512-555-0199", locale: "es" as const, smsConsent: true },
    };
    expect(
      await outcome(
        withTenant(t.id, (db) =>
          createBooking(db, { ...input, startsAt: new Date(NOW.getTime() + HOUR) }, { kind: "AGENT" }, { now: NOW }),
        ),
      ),
    ).toBe("Invalid:errors:booking.tooSoon");
    const b = await withTenant(t.id, (db) => createBooking(db, { ...input, startsAt: dayAt(NOW, 3, 15) }, { kind: "AGENT" }, { now: NOW }));
    expect(b).toMatchObject({ status: "REQUESTED", source: "AGENT", customer: { name: "Luis", phone: "+15125550199" } });
    const ledger = await withTenant(t.id, (db) => db.consentEvent.findMany());
    expect(ledger).toEqual([expect.objectContaining({ source: "booking.agent", action: "OPT_IN" })]);
  });

  it("listBookings: overlapping a range, by staff, live holds only when asked, expired holds never", async () => {
    const t = await bookingTenant({ holdMinutes: 5 });
    const second = await addStaff(t.id);
    const a = await book(t, dayAt(NOW, 3, 15));
    const b = await book(t, dayAt(NOW, 3, 15), { staffId: second });
    const h = await hold(t, dayAt(NOW, 3, 18));
    await book(t, dayAt(NOW, 9, 15));
    const range = { from: dayAt(NOW, 3, 0), to: dayAt(NOW, 4, 0) };
    const list = (extra: object = {}, now = NOW) => withTenant(t.id, (db) => listBookings(db, { ...range, ...extra }, { now }));
    expect((await list()).map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    expect((await list({ staffId: second })).map((x) => x.id)).toEqual([b.id]);
    expect((await list({ includeHolds: true })).map((x) => x.id)).toContain(h.holdId);
    expect((await list({ includeHolds: true }, new Date(NOW.getTime() + 5 * MINUTE))).map((x) => x.id)).not.toContain(h.holdId);
    expect(await outcome(list({ to: dayAt(NOW, 70, 0) }))).toBe("Invalid:errors:booking.rangeTooLong");
  });
});
