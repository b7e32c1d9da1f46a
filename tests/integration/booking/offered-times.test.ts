import { describe, expect, it } from "vitest";
import { rescheduleBooking } from "../../../server/booking/change-booking.server";
import { createBooking } from "../../../server/booking/create-booking.server";
import { confirmHold, holdSlot } from "../../../server/booking/hold-slot.server";
import { writeConfig } from "../../../server/config/config-service.server";
import { withTenant } from "../../../server/db/db.server";
import { addCustomer, bookingTenant, domainError, type BookingTenant } from "./support";

/**
 * Customers (public hold, manage-link reschedule, the agent) can only take a time the slot
 * list would offer: not outside hours, not on a holiday, not against a Google busy block,
 * not off the slot grid. Members may still book any future time from the dashboard.
 * Chicago in June is UTC-5; hours 09:00-17:00 Mon-Sat; 2030-06-04 is a Tuesday.
 */
const NOW = new Date("2030-06-01T12:00:00Z");
const local = (hhmm: string, day = "2030-06-04") => new Date(`${day}T${hhmm}:00-05:00`);

async function tenant(): Promise<BookingTenant> {
  const t = await bookingTenant({ slotIntervalMinutes: 30, minNoticeMinutes: 60, horizonDays: 60 });
  const day = [{ open: "09:00", close: "17:00" }];
  await withTenant(t.id, (db) =>
    writeConfig(db, "HOURS", { weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: [] } }, null),
  );
  return t;
}
const hold = (t: BookingTenant, startsAt: Date) =>
  withTenant(t.id, (db) => holdSlot(db, { serviceId: t.serviceId, startsAt }, { now: NOW }));

describe("customers only get offered times", () => {
  it("a public hold at 03:00, on Sunday, off the grid or on a holiday is refused as not offered; 10:00 is held", async () => {
    const t = await tenant();
    for (const startsAt of [local("03:00"), local("10:00", "2030-06-09"), local("10:10")]) {
      expect((await domainError(hold(t, startsAt))).key).toBe("errors:booking.notOffered");
    }
    await withTenant(t.id, (db) =>
      db.scheduleException.create({
        data: {
          tenantId: t.id,
          staffId: null,
          kind: "CLOSED",
          startsAt: local("00:00", "2030-06-05"),
          endsAt: local("23:59", "2030-06-05"),
          reason: "holiday",
        },
      }),
    );
    expect((await domainError(hold(t, local("10:00", "2030-06-05")))).key).toBe("errors:booking.notOffered");
    expect(await hold(t, local("10:00"))).toMatchObject({ staffId: t.staffId, startsAt: local("10:00").toISOString() });
    expect(await withTenant(t.id, (db) => db.booking.count())).toBe(1);
  });

  it("a time inside hours but taken (a live hold, a Google busy block) is 'taken', not 'not offered'", async () => {
    const t = await tenant();
    await hold(t, local("10:00"));
    expect((await domainError(hold(t, local("10:00")))).key).toBe("errors:booking.slotTaken");
    await withTenant(t.id, async (db) => {
      const connection = await db.calendarConnection.create({
        data: { tenantId: t.id, staffId: null, provider: "google", status: "CONNECTED", externalCalendarId: "primary" },
      });
      await db.calendarBusyBlock.create({
        data: {
          tenantId: t.id,
          connectionId: connection.id,
          staffId: null,
          startsAt: local("13:00"),
          endsAt: local("15:00"),
          externalId: "evt-1",
        },
      });
    });
    expect((await domainError(hold(t, local("13:30")))).key).toBe("errors:booking.slotTaken");
  });

  it("the customer's reschedule follows the same rules; the owner may move or book outside them", async () => {
    const t = await tenant();
    const h = await hold(t, local("10:00"));
    const booked = await withTenant(t.id, (db) =>
      confirmHold(db, { holdId: h.holdId, name: "Ana", phone: "5125550142", locale: "en", smsConsent: false }, { now: NOW }),
    );
    const move = (startsAt: Date, actor: { kind: "CUSTOMER" } | { kind: "MEMBER"; userId: string }) =>
      withTenant(t.id, (db) => rescheduleBooking(db, { bookingId: booked.bookingId, startsAt }, actor, { now: NOW }));
    expect((await domainError(move(local("19:00"), { kind: "CUSTOMER" }))).key).toBe("errors:booking.notOffered");
    // Its own current time does not block a move to an overlapping offered time.
    expect((await move(local("10:30"), { kind: "CUSTOMER" })).startsAt).toBe(local("10:30").toISOString());
    expect((await move(local("19:00"), { kind: "MEMBER", userId: t.owner.id })).startsAt).toBe(local("19:00").toISOString());

    const customerId = await addCustomer(t.id);
    const member = { kind: "MEMBER" as const, userId: t.owner.id };
    const early = await withTenant(t.id, (db) =>
      createBooking(
        db,
        { source: "DASHBOARD", serviceId: t.serviceId, startsAt: local("07:00", "2030-06-06"), customer: { id: customerId } },
        member,
        { now: NOW },
      ),
    );
    expect(early.status).toBe("CONFIRMED");
    const agent = { kind: "AGENT" as const };
    const byAgent = withTenant(t.id, (db) =>
      createBooking(
        db,
        { source: "AGENT", serviceId: t.serviceId, startsAt: local("07:00", "2030-06-07"), customer: { id: customerId } },
        agent,
        { now: NOW },
      ),
    );
    expect((await domainError(byAgent)).key).toBe("errors:booking.notOffered");
  });
});
