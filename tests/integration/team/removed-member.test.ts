import { getTRPCErrorShape, type TRPCError } from "@trpc/server";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { getConfig } from "../../../server/config/config-service.server";
import { withTenant } from "../../../server/db/db.server";
import { appRouter } from "../../../server/trpc/router.server";
import { createMember } from "../../helpers/factories";
import { addCustomer, addService, addStaff, bookingTenant, caller, HOUR, openDay, trpcError, type BookingTenant } from "../booking/support";

/**
 * A member removed from the team is never offered or given work again: public slots, the
 * dashboard's slots and staff choices, holds, bookings and reassignment all leave them out,
 * a hold they had is released, and the bookings they already had stay on the owner's
 * schedule. Times are open days ahead (openDay), so the test passes on any weekday.
 */

const messageIn = (error: TRPCError, locale: "en" | "es") =>
  (
    getTRPCErrorShape({
      config: appRouter._def._config,
      error,
      type: "mutation",
      path: undefined,
      input: undefined,
      ctx: { locale } as never,
    }) as { message: string }
  ).message;

interface Fixture {
  t: BookingTenant;
  membershipId: string;
  /** Bea: a member with her own hours (the business's), the only one who does `beaService`. */
  bea: string;
  beaService: string;
  range: { fromDate: string; toDate: string };
}

async function fixture(): Promise<Fixture> {
  const t = await bookingTenant({ minNoticeMinutes: 0 });
  const { membershipId } = await createMember(t.id, "STAFF");
  const hours = await getConfig(t.id, "HOURS");
  const bea = await withTenant(t.id, async (db) => {
    const row = await db.staff.create({
      data: { tenantId: t.id, membershipId, name: "Bea", weeklyHours: hours.weekly, sortOrder: 5 },
      select: { id: true },
    });
    return row.id;
  });
  const beaService = await addService(t.id, 60, { staffIds: [bea] });
  const { timeZone } = await withTenant(t.id, (db) => db.tenant.findUniqueOrThrow({ where: { id: t.id }, select: { timeZone: true } }));
  const localDate = (at: Date) => DateTime.fromJSDate(at, { zone: timeZone }).toISODate()!;
  const range = { fromDate: localDate(await openDay(t, 1, 16)), toDate: localDate(await openDay(t, 6, 16)) };
  return { t, membershipId, bea, beaService, range };
}

const slotCount = (days: { slots: unknown[] }[]) => days.reduce((n, d) => n + d.slots.length, 0);

describe("a removed member", () => {
  it("is no longer offered in slots or staff choices, nor assignable to holds, bookings or a reassignment; a hold of theirs is released; their bookings stay on the owner's schedule", async () => {
    const f = await fixture();
    const { t } = f;
    const owner = caller(t.owner, t.id);
    const publicSlots = async () =>
      slotCount((await caller(null).scheduling.slots({ tenantSlug: t.slug, serviceId: f.beaService, ...f.range })).days);
    const beaSlots = async () =>
      slotCount((await owner.scheduling.staffSlots({ serviceId: t.serviceId, staffId: f.bea, ...f.range })).days);

    // Before: Bea is offered everywhere.
    expect(await publicSlots()).toBeGreaterThan(0);
    expect(await beaSlots()).toBeGreaterThan(0);
    expect((await owner.services.staffChoices()).map((s) => s.name)).toContain("Bea");
    const customerId = await addCustomer(t.id);
    const beaBookingAt = await openDay(t, 2, 16);
    const beaBooking = await owner.booking.create({
      serviceId: t.serviceId,
      startsAt: beaBookingAt.toISOString(),
      staffId: f.bea,
      customer: { id: customerId },
    });
    expect(beaBooking.staff).toEqual({ id: f.bea, name: "Bea" });
    const liveHold = await caller(null).booking.public.hold({
      slug: t.slug,
      serviceId: f.beaService,
      startsAt: (await openDay(t, 3, 16)).toISOString(),
    });
    expect(liveHold.staffId).toBe(f.bea);
    const ownersBooking = await owner.booking.create({
      serviceId: t.serviceId,
      startsAt: (await openDay(t, 4, 16)).toISOString(),
      staffId: t.staffId,
      customer: { id: customerId },
    });

    await owner.team.remove({ membershipId: f.membershipId });

    // Slots: the service only Bea did has no times left; the dashboard finds no time for her.
    expect(await publicSlots()).toBe(0);
    expect(await beaSlots()).toBe(0);
    expect((await owner.services.staffChoices()).map((s) => s.name)).not.toContain("Bea");

    // Naming her is refused, translated, on every path that assigns work.
    const at = (await openDay(t, 5, 16)).toISOString();
    const refusals = [
      await trpcError(caller(null).booking.public.hold({ slug: t.slug, serviceId: t.serviceId, startsAt: at, staffId: f.bea })),
      await trpcError(owner.booking.create({ serviceId: t.serviceId, startsAt: at, staffId: f.bea, customer: { id: customerId } })),
      await trpcError(owner.booking.reschedule({ id: ownersBooking.id, startsAt: at, staffId: f.bea, version: ownersBooking.version })),
    ];
    for (const error of refusals) {
      expect(error).toMatchObject({ code: "BAD_REQUEST", message: "errors:booking.noStaff" });
      expect(messageIn(error, "en")).toBe("Nobody is available to do this service.");
      expect(messageIn(error, "es")).toBe("No hay nadie disponible para este servicio.");
    }
    // Asked for "anyone", her service has nobody.
    const anyone = await trpcError(caller(null).booking.public.hold({ slug: t.slug, serviceId: f.beaService, startsAt: at }));
    expect(anyone).toMatchObject({ code: "BAD_REQUEST", message: "errors:booking.noStaff" });

    // The hold she had is released: the customer is told to pick another time.
    const confirm = await trpcError(
      caller(null).booking.public.confirm({
        slug: t.slug,
        holdId: liveHold.holdId,
        name: "Ana",
        phone: "5125550142",
        email: "",
        locale: "es",
        smsConsent: false,
        notes: null,
      }),
    );
    expect(confirm).toMatchObject({ code: "CONFLICT", message: "errors:booking.holdExpired" });
    expect(messageIn(confirm, "es")).toContain("elija otro horario");

    // Her booking is still on the owner's schedule, with her name, and can be moved to someone else.
    const listed = await owner.booking.list({
      from: new Date(beaBookingAt.getTime() - HOUR).toISOString(),
      to: new Date(beaBookingAt.getTime() + HOUR).toISOString(),
    });
    expect(listed.map((b) => ({ id: b.id, staff: b.staff }))).toEqual([{ id: beaBooking.id, staff: { id: f.bea, name: "Bea" } }]);
    expect((await owner.booking.get({ id: beaBooking.id })).staff.name).toBe("Bea");
    const moved = await owner.booking.reschedule({ id: beaBooking.id, startsAt: at, version: beaBooking.version });
    expect(moved.staff.id).toBe(t.staffId);
  });

  it("only the removed member's row is taken off: the owner and a technician without a login stay offered", async () => {
    const f = await fixture();
    const { t } = f;
    const tech = await addStaff(t.id, "Tech Tom");
    const owner = caller(t.owner, t.id);
    await owner.team.remove({ membershipId: f.membershipId });
    const staff = await withTenant(t.id, (db) => db.staff.findMany({ select: { id: true, active: true } }));
    expect(new Map(staff.map((s) => [s.id, s.active]))).toEqual(
      new Map([
        [t.staffId, true],
        [f.bea, false],
        [tech, true],
      ]),
    );
    expect((await owner.services.staffChoices()).map((s) => s.id).sort()).toEqual([t.staffId, tech].sort());
  });
});
