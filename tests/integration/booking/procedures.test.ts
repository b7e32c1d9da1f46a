import { describe, expect, it } from "vitest";
import { createManageToken } from "../../../server/booking/manage-link.server";
import { withTenant } from "../../../server/db/db.server";
import { createMember } from "../../helpers/factories";
import { addCustomer, bookingTenant, caller, dayAt, HOUR, openDay, trpcError, type BookingTenant } from "./support";

/**
 * The booking procedures as the public site and the dashboard call them: the public flow
 * by slug, signed manage links, roles, and tenant isolation (another tenant's booking is
 * NOT_FOUND, never FORBIDDEN, so ids leak nothing). Real clock: times are open days ahead
 * (openDay), so the tests pass on any weekday.
 */
const soon = (t: BookingTenant) => openDay(t, 3, 16);

async function publicBooking(t: BookingTenant, at?: Date, ip?: string) {
  const startsAt = at ?? (await soon(t));
  const c = caller(null, null, ip);
  const hold = await c.booking.public.hold({ slug: t.slug, serviceId: t.serviceId, startsAt: startsAt.toISOString() });
  const confirmed = await c.booking.public.confirm({
    slug: t.slug,
    holdId: hold.holdId,
    name: "Ana",
    phone: "5125550142",
    email: "",
    locale: "en",
    smsConsent: true,
    notes: null,
  });
  return { hold, confirmed };
}

async function dashboardBooking(t: BookingTenant, at?: Date) {
  const startsAt = at ?? (await soon(t));
  const customerId = await addCustomer(t.id);
  return caller(t.owner, t.id).booking.create({
    serviceId: t.serviceId,
    startsAt: startsAt.toISOString(),
    staffId: t.staffId,
    customer: { id: customerId },
  });
}

describe("public booking by slug", () => {
  it("hold then confirm: CONFIRMED with a manage link under the business's site; a taken slot is CONFLICT", async () => {
    const t = await bookingTenant();
    const { hold, confirmed } = await publicBooking(t);
    expect(hold).toMatchObject({ staffId: t.staffId, durationMinutes: t.durationMinutes });
    expect(confirmed).toMatchObject({ bookingId: hold.holdId, status: "CONFIRMED", version: 2 });
    expect(confirmed.manageUrl).toContain(`/s/${t.slug}/booking/manage/${confirmed.manageToken}`);
    const taken = await trpcError(caller(null).booking.public.hold({ slug: t.slug, serviceId: t.serviceId, startsAt: hold.startsAt }));
    expect(taken).toMatchObject({ code: "CONFLICT", message: "errors:booking.slotTaken" });
  });

  it("unknown slug is NOT_FOUND; bad input is BAD_REQUEST", async () => {
    const t = await bookingTenant();
    expect(
      (
        await trpcError(
          caller(null).booking.public.hold({
            slug: "no-such-business-xyz",
            serviceId: t.serviceId,
            startsAt: (await soon(t)).toISOString(),
          }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      (await trpcError(caller(null).booking.public.hold({ slug: t.slug, serviceId: t.serviceId, startsAt: "tomorrow at 3" }))).code,
    ).toBe("BAD_REQUEST");
  });

  it("public procedures are rate-limited per IP (publicForm: 20 a minute)", async () => {
    const t = await bookingTenant();
    const ip = "203.0.113.77";
    const token = createManageToken({ bookingId: "nope", tenantId: t.id });
    const codes: string[] = [];
    for (let i = 0; i < 21; i++)
      codes.push((await trpcError(caller(null, null, ip).booking.public.manage.get({ slug: t.slug, token }))).code);
    expect(codes.slice(0, 20).every((c) => c === "NOT_FOUND")).toBe(true);
    expect(codes[20]).toBe("TOO_MANY_REQUESTS");
  });
});

describe("manage links", () => {
  it("a valid link shows the booking and lets the customer reschedule (the link survives) and cancel", async () => {
    const t = await bookingTenant({ minNoticeMinutes: 60 });
    const { confirmed } = await publicBooking(t);
    const manage = caller(null).booking.public.manage;
    const view = await manage.get({ slug: t.slug, token: confirmed.manageToken });
    expect(view).toMatchObject({
      id: confirmed.bookingId,
      status: "CONFIRMED",
      canCancel: true,
      canReschedule: true,
      business: { timeZone: "America/Chicago" },
    });
    const newTime = await openDay(t, 4, 17);
    expect(await manage.reschedule({ slug: t.slug, token: confirmed.manageToken, startsAt: newTime.toISOString() })).toMatchObject({
      startsAt: newTime.toISOString(),
    });
    // Same token after the version changed.
    const cancelled = await manage.cancel({ slug: t.slug, token: confirmed.manageToken, reason: "can't make it" });
    expect(cancelled).toMatchObject({ status: "CANCELLED", canCancel: false, canReschedule: false });
    const events = await withTenant(t.id, (db) =>
      db.bookingEvent.findMany({ where: { bookingId: confirmed.bookingId }, orderBy: { createdAt: "asc" } }),
    );
    expect(events.slice(-2).map((e) => [e.actorKind, e.toStatus])).toEqual([
      ["CUSTOMER", "CONFIRMED"],
      ["CUSTOMER", "CANCELLED"],
    ]);
  });

  it("tampered and expired links are FORBIDDEN; another business's link (or booking id) is NOT_FOUND", async () => {
    const [a, b] = await Promise.all([bookingTenant(), bookingTenant()]);
    const { confirmed } = await publicBooking(a);
    const manage = caller(null).booking.public.manage;
    const [payload, signature] = confirmed.manageToken.split(".");
    const tampered = `${payload}.${signature.startsWith("A") ? "B" : "A"}${signature.slice(1)}`;
    expect(await trpcError(manage.get({ slug: a.slug, token: tampered }))).toMatchObject({
      code: "FORBIDDEN",
      message: "errors:booking.linkInvalid",
    });
    const expired = createManageToken(
      { bookingId: confirmed.bookingId, tenantId: a.id },
      { now: new Date(Date.now() - 2 * 24 * HOUR), ttlDays: 1 },
    );
    expect(await trpcError(manage.get({ slug: a.slug, token: expired }))).toMatchObject({
      code: "FORBIDDEN",
      message: "errors:booking.linkExpired",
    });
    expect(await trpcError(manage.cancel({ slug: a.slug, token: expired }))).toMatchObject({ code: "FORBIDDEN" });
    // A's genuine link on B's site.
    expect(await trpcError(manage.get({ slug: b.slug, token: confirmed.manageToken }))).toMatchObject({
      code: "NOT_FOUND",
      message: "errors:booking.notFound",
    });
    // A genuine token naming B as the tenant but A's booking id: RLS hides the row.
    const crossed = createManageToken({ bookingId: confirmed.bookingId, tenantId: b.id });
    expect(await trpcError(manage.cancel({ slug: b.slug, token: crossed }))).toMatchObject({ code: "NOT_FOUND" });
    expect((await withTenant(a.id, (db) => db.booking.findUniqueOrThrow({ where: { id: confirmed.bookingId } }))).status).toBe("CONFIRMED");
  });

  it("inside the change cutoff the page says so and changes are FORBIDDEN errors:booking.pastCutoff", async () => {
    const t = await bookingTenant({ changeCutoffHours: 12 });
    const b = await dashboardBooking(t, new Date(Math.ceil((Date.now() + 3 * HOUR) / HOUR) * HOUR));
    const token = createManageToken({ bookingId: b.id, tenantId: t.id });
    const manage = caller(null).booking.public.manage;
    expect(await manage.get({ slug: t.slug, token })).toMatchObject({ canCancel: false, canReschedule: false });
    expect(await trpcError(manage.cancel({ slug: t.slug, token }))).toMatchObject({
      code: "FORBIDDEN",
      message: "errors:booking.pastCutoff",
    });
    expect(await trpcError(manage.reschedule({ slug: t.slug, token, startsAt: (await openDay(t, 5, 16)).toISOString() }))).toMatchObject({
      code: "FORBIDDEN",
    });
    // The business itself can still cancel.
    expect((await caller(t.owner, t.id).booking.cancel({ id: b.id })).status).toBe("CANCELLED");
  });
});

describe("member procedures", () => {
  it("roles: STAFF views and moves the day; confirming and cancelling need a MANAGER (customers.manage)", async () => {
    const t = await bookingTenant({ requireConfirmation: true });
    const { user: staff } = await createMember(t.id, "STAFF");
    const { user: manager } = await createMember(t.id, "MANAGER");
    const day = await soon(t);
    const sameDay = (hourUtc: number) => new Date(day.getTime() + (hourUtc - 16) * HOUR);
    const { confirmed } = await publicBooking(t, day);
    expect(confirmed.status).toBe("REQUESTED");
    const asStaff = caller(staff, t.id);
    expect((await asStaff.booking.list({ from: sameDay(0).toISOString(), to: sameDay(24).toISOString() })).map((b) => b.id)).toEqual([
      confirmed.bookingId,
    ]);
    expect((await asStaff.booking.get({ id: confirmed.bookingId })).allowedEvents.sort()).toEqual(["CANCEL", "CONFIRM", "RESCHEDULE"]);
    expect(await trpcError(asStaff.booking.confirm({ id: confirmed.bookingId }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await trpcError(asStaff.booking.cancel({ id: confirmed.bookingId }))).toMatchObject({ code: "FORBIDDEN" });
    const moved = await asStaff.booking.reschedule({
      id: confirmed.bookingId,
      startsAt: sameDay(18).toISOString(),
      version: 2,
    });
    expect(moved).toMatchObject({ status: "REQUESTED", version: 3 });
    expect(
      await trpcError(asStaff.booking.reschedule({ id: confirmed.bookingId, startsAt: sameDay(19).toISOString(), version: 2 })),
    ).toMatchObject({ code: "CONFLICT", message: "errors:conflict" });
    const approved = await caller(manager, t.id).booking.confirm({ id: confirmed.bookingId, version: 3 });
    expect(approved).toMatchObject({ status: "CONFIRMED", version: 4 });
    expect(await trpcError(caller(manager, t.id).booking.start({ id: confirmed.bookingId, version: 3 }))).toMatchObject({
      code: "CONFLICT",
    });
    const created = await caller(staff, t.id).booking.create({
      serviceId: t.serviceId,
      startsAt: (await openDay(t, 6, 16)).toISOString(),
      customer: { name: "Walk In", phone: "+1 (512) 555-0111", email: null, locale: "es" },
    });
    expect(created).toMatchObject({ status: "CONFIRMED", source: "DASHBOARD", customer: { phone: "+15125550111" } });
    expect((await caller(manager, t.id).booking.cancel({ id: created.id, reason: "duplicate" })).status).toBe("CANCELLED");
  });

  it("RLS: tenant B cannot see or change A's bookings through the procedures (NOT_FOUND)", async () => {
    const [a, b] = await Promise.all([bookingTenant(), bookingTenant()]);
    const booking = await dashboardBooking(a);
    const asB = caller(b.owner, b.id);
    const id = booking.id;
    const elsewhen = (await openDay(a, 5, 16)).toISOString();
    for (const call of [
      () => asB.booking.get({ id }),
      () => asB.booking.cancel({ id }),
      () => asB.booking.confirm({ id }),
      () => asB.booking.start({ id }),
      () => asB.booking.complete({ id }),
      () => asB.booking.noShow({ id }),
      () => asB.booking.reschedule({ id, startsAt: elsewhen }),
    ]) {
      expect(await trpcError(call())).toMatchObject({ code: "NOT_FOUND", message: "errors:booking.notFound" });
    }
    const range = { from: dayAt(new Date(), 0, 0).toISOString(), to: dayAt(new Date(), 30, 0).toISOString() };
    expect(await asB.booking.list(range)).toEqual([]);
    // B's owner pointing at A is not a member there.
    expect((await trpcError(caller(b.owner, a.id).booking.get({ id }))).code).toBe("FORBIDDEN");
    // A's booking is untouched, and A still sees it.
    expect((await caller(a.owner, a.id).booking.list(range)).map((x) => [x.id, x.status, x.version])).toEqual([[id, "CONFIRMED", 1]]);
    // B cannot book A's service either (RLS hides it): the service is unavailable to B.
    expect(
      await trpcError(
        asB.booking.create({
          serviceId: a.serviceId,
          startsAt: (await openDay(b, 5, 16)).toISOString(),
          customer: { id: await addCustomer(b.id) },
        }),
      ),
    ).toMatchObject({
      code: "BAD_REQUEST",
      message: "errors:booking.serviceUnavailable",
    });
  });

  it("signed out: member procedures are UNAUTHORIZED", async () => {
    expect(
      (await trpcError(caller(null).booking.list({ from: new Date().toISOString(), to: new Date(Date.now() + HOUR).toISOString() }))).code,
    ).toBe("UNAUTHORIZED");
  });
});
