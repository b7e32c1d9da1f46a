import { describe, expect, it } from "vitest";
import { createBooking } from "../../../server/booking/create-booking.server";
import { holdSlot } from "../../../server/booking/hold-slot.server";
import { rescheduleBooking } from "../../../server/booking/change-booking.server";
import { withTenant } from "../../../server/db/db.server";
import { addCustomer, addService, addStaff, bookingTenant, dayAt, outcome } from "./support";

/**
 * The race Cal.com lost: many customers (and members) asking for the same staff member
 * at the same time, each in its own transaction. On PGlite transactions are serialized;
 * on the PostgreSQL server they really run at once and the exclusion constraint
 * bookings_no_double_booking is the only thing that can stop a double booking.
 */
const NOW = new Date("2030-06-01T12:00:00Z");
const N = 50;

const tally = (results: string[]) => results.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r]: (acc[r] ?? 0) + 1 }), {});

async function liveBookings(tenantId: string) {
  return withTenant(tenantId, (db) =>
    db.booking.findMany({
      where: { status: { in: ["HELD", "REQUESTED", "CONFIRMED", "IN_PROGRESS"] } },
      select: { id: true, staffId: true, status: true },
    }),
  );
}

describe("concurrency: one staff member, one slot, 50 requests at once", () => {
  it("holdSlot x50 for the same staff member and time: exactly one hold, 49 clean Conflicts", async () => {
    const t = await bookingTenant();
    const startsAt = dayAt(NOW, 3, 15);
    const results = await Promise.all(
      Array.from({ length: N }, () =>
        outcome(withTenant(t.id, (db) => holdSlot(db, { serviceId: t.serviceId, startsAt, staffId: t.staffId }, { now: NOW }))),
      ),
    );
    expect(tally(results)).toEqual({ ok: 1, "Conflict:errors:booking.slotTaken": N - 1 });
    expect(await liveBookings(t.id)).toHaveLength(1);
  });

  it("createBooking x50 from the dashboard for the same staff member and time: exactly one booking", async () => {
    const t = await bookingTenant();
    const customerId = await addCustomer(t.id);
    const startsAt = dayAt(NOW, 3, 15);
    const results = await Promise.all(
      Array.from({ length: N }, () =>
        outcome(
          withTenant(t.id, (db) =>
            createBooking(
              db,
              { source: "DASHBOARD", serviceId: t.serviceId, startsAt, staffId: t.staffId, customer: { id: customerId } },
              { kind: "MEMBER", userId: t.owner.id },
              { now: NOW },
            ),
          ),
        ),
      ),
    );
    expect(tally(results)).toEqual({ ok: 1, "Conflict:errors:booking.slotTaken": N - 1 });
    const live = await liveBookings(t.id);
    expect(live).toHaveLength(1);
    // Only the winner wrote its audit row and its outbox event (the losers rolled back).
    const events = await withTenant(t.id, (db) => db.bookingEvent.count());
    const outbox = await withTenant(t.id, (db) => db.outboxEvent.count({ where: { name: "booking/created" } }));
    expect({ events, outbox }).toEqual({ events: 1, outbox: 1 });
  });

  it("holds and dashboard bookings mixed, at overlapping-but-different times: still one winner", async () => {
    const t = await bookingTenant();
    const serviceId = await addService(t.id, 120);
    const customerId = await addCustomer(t.id);
    const base = dayAt(NOW, 3, 15);
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) => {
        // Dashboard starts spread over 15:00-15:49, customer holds on the slot grid (15:00 or
        // 15:30: customers only get offered times): every pair overlaps (the job lasts 2 hours).
        const startsAt = i % 2 ? new Date(base.getTime() + (i % 4 === 1 ? 0 : 30) * 60_000) : new Date(base.getTime() + i * 60_000);
        return outcome(
          withTenant(t.id, (db): Promise<unknown> =>
            i % 2
              ? holdSlot(db, { serviceId, startsAt, staffId: t.staffId }, { now: NOW })
              : createBooking(
                  db,
                  { source: "DASHBOARD", serviceId, startsAt, staffId: t.staffId, customer: { id: customerId } },
                  { kind: "MEMBER", userId: t.owner.id },
                  { now: NOW },
                ),
          ),
        );
      }),
    );
    expect(tally(results)).toEqual({ ok: 1, "Conflict:errors:booking.slotTaken": N - 1 });
    expect(await liveBookings(t.id)).toHaveLength(1);
  });

  it("any staff member: with two people free, 50 holds give exactly two (one each), the rest Conflict", async () => {
    const t = await bookingTenant();
    const second = await addStaff(t.id);
    const startsAt = dayAt(NOW, 3, 15);
    const results = await Promise.all(
      Array.from({ length: N }, () => outcome(withTenant(t.id, (db) => holdSlot(db, { serviceId: t.serviceId, startsAt }, { now: NOW })))),
    );
    expect(tally(results)).toEqual({ ok: 2, "Conflict:errors:booking.slotTaken": N - 2 });
    const live = await liveBookings(t.id);
    expect(live.map((b) => b.staffId).sort()).toEqual([t.staffId, second].sort());
  });

  it("50 different bookings rescheduled onto the same time at once: exactly one moves", async () => {
    const t = await bookingTenant();
    const customerId = await addCustomer(t.id);
    const bookings = await withTenant(t.id, async (db) => {
      const made = [];
      for (let i = 0; i < N; i++) {
        made.push(
          await createBooking(
            db,
            {
              source: "DASHBOARD",
              serviceId: t.serviceId,
              startsAt: dayAt(NOW, 5 + i, 15),
              staffId: t.staffId,
              customer: { id: customerId },
            },
            { kind: "MEMBER", userId: t.owner.id },
            { now: NOW },
          ),
        );
      }
      return made;
    });
    const target = dayAt(NOW, 3, 15);
    const results = await Promise.all(
      bookings.map((b) =>
        outcome(
          withTenant(t.id, (db) =>
            rescheduleBooking(
              db,
              { bookingId: b.id, startsAt: target, staffId: t.staffId },
              { kind: "MEMBER", userId: t.owner.id },
              { now: NOW, expectedVersion: b.version },
            ),
          ),
        ),
      ),
    );
    expect(tally(results)).toEqual({ ok: 1, "Conflict:errors:booking.slotTaken": N - 1 });
    const atTarget = await withTenant(t.id, (db) => db.booking.findMany({ where: { startsAt: target }, select: { version: true } }));
    expect(atTarget).toEqual([{ version: 2 }]);
  });
});
