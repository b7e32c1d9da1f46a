import { describe, expect, it } from "vitest";
import { writeConfig } from "../../../server/config/config-service.server";
import { withTenant } from "../../../server/db/db.server";
import { isDomainError } from "../../../server/errors/domain-errors";
import { addCustomer, bookingTenant, caller, openDay, setBookingConfig, trpcError, type BookingTenant } from "./support";

/**
 * BOOKING.serviceArea on the public flow: the page learns whether to ask for an address
 * and checks a ZIP early; confirm refuses an address outside the area with a field error
 * (the hold stays, nothing else is written); an accepted address is kept on the booking
 * and becomes the new customer's address. Members may book outside the area.
 */
const soon = (t: BookingTenant) => openDay(t, 3, 16);
const details = { name: "Ana", phone: "5125550142", email: "", locale: "en" as const, smsConsent: false, notes: null };

describe("service area", () => {
  it("ZIP list: ask for the address, refuse outside or missing ones, keep the accepted one", async () => {
    const t = await bookingTenant({ serviceArea: { mode: "ZIPS", zips: ["78701", "78702"] } });
    const c = caller(null);
    expect(await c.booking.public.area({ slug: t.slug })).toEqual({ addressRequired: true, ok: null, messageKey: null });
    expect(await c.booking.public.area({ slug: t.slug, postalCode: "78702" })).toEqual({
      addressRequired: true,
      ok: true,
      messageKey: null,
    });
    expect(await c.booking.public.area({ slug: t.slug, postalCode: "75201" })).toEqual({
      addressRequired: true,
      ok: false,
      messageKey: "errors:booking.outsideServiceArea",
    });

    const hold = await c.booking.public.hold({ slug: t.slug, serviceId: t.serviceId, startsAt: (await soon(t)).toISOString() });
    const missing = await trpcError(c.booking.public.confirm({ slug: t.slug, holdId: hold.holdId, ...details }));
    expect(missing.code).toBe("BAD_REQUEST");
    expect(isDomainError(missing.cause) && missing.cause.fields).toEqual({ "address.line1": "errors:booking.addressRequired" });
    const outside = await trpcError(
      c.booking.public.confirm({
        slug: t.slug,
        holdId: hold.holdId,
        ...details,
        address: { line1: "1500 Marilla St", postalCode: "75201" },
      }),
    );
    expect(isDomainError(outside.cause) && outside.cause.fields).toEqual({ "address.postalCode": "errors:booking.outsideServiceArea" });
    // Refusals wrote nothing: no customer, the hold is still a hold.
    expect(await withTenant(t.id, (db) => db.customer.count())).toBe(0);
    expect(await withTenant(t.id, (db) => db.booking.findUniqueOrThrow({ where: { id: hold.holdId } }))).toMatchObject({ status: "HELD" });

    const ok = await c.booking.public.confirm({
      slug: t.slug,
      holdId: hold.holdId,
      ...details,
      address: { line1: " 100 Congress Ave ", city: "Austin", state: "TX", postalCode: "78701", line2: "" },
    });
    const booking = await caller(t.owner, t.id).booking.get({ id: ok.bookingId });
    expect(booking.serviceAddress).toEqual({ line1: "100 Congress Ave", city: "Austin", state: "TX", postalCode: "78701" });
    const customer = await withTenant(t.id, (db) => db.customer.findFirstOrThrow());
    expect(customer.address).toEqual({ line1: "100 Congress Ave", city: "Austin", state: "TX", postalCode: "78701" });
  });

  it("radius around a ZIP: Cedar Park is in, Dallas is out; an unknown ZIP is named as such", async () => {
    const t = await bookingTenant({ serviceArea: { mode: "RADIUS", centerZip: "78701", radiusMiles: 25 } });
    const c = caller(null);
    expect((await c.booking.public.area({ slug: t.slug, postalCode: "78613" })).ok).toBe(true);
    expect((await c.booking.public.area({ slug: t.slug, postalCode: "75201" })).messageKey).toBe("errors:booking.outsideServiceArea");
    expect((await c.booking.public.area({ slug: t.slug, postalCode: "00000" })).messageKey).toBe("errors:booking.unknownZip");
  });

  it("no area: no address needed; the dashboard may book outside an area and keeps the address", async () => {
    const t = await bookingTenant();
    expect(await caller(null).booking.public.area({ slug: t.slug, postalCode: "99999" })).toEqual({
      addressRequired: false,
      ok: true,
      messageKey: null,
    });
    await setBookingConfig(t.id, { serviceArea: { mode: "ZIPS", zips: ["78701"] } });
    const customerId = await addCustomer(t.id);
    const made = await caller(t.owner, t.id).booking.create({
      serviceId: t.serviceId,
      startsAt: (await soon(t)).toISOString(),
      staffId: t.staffId,
      customer: { id: customerId },
      address: { line1: "1 Far Away Rd", postalCode: "75201" },
    });
    expect(made.serviceAddress).toEqual({ line1: "1 Far Away Rd", postalCode: "75201" });
  });

  it("the settings are validated: a ZIP list needs ZIPs, a radius needs a known center ZIP", async () => {
    const t = await bookingTenant();
    const write = (serviceArea: Record<string, unknown>) =>
      withTenant(t.id, (db) => writeConfig(db, "BOOKING", { serviceArea }, t.owner.id));
    await expect(write({ mode: "ZIPS", zips: [] })).rejects.toMatchObject({
      fields: { "serviceArea.zips": "errors:validation.serviceAreaZips" },
    });
    await expect(write({ mode: "ZIPS", zips: ["7870"] })).rejects.toMatchObject({
      fields: { "serviceArea.zips.0": "errors:validation.zip" },
    });
    await expect(write({ mode: "RADIUS", centerZip: null })).rejects.toMatchObject({
      fields: { "serviceArea.centerZip": "errors:validation.serviceAreaCenter" },
    });
    await expect(write({ mode: "RADIUS", centerZip: "00000" })).rejects.toMatchObject({
      fields: { "serviceArea.centerZip": "errors:validation.unknownZip" },
    });
    await write({ mode: "RADIUS", centerZip: "78701", radiusMiles: 30 });
    expect(await caller(null).booking.public.area({ slug: t.slug, postalCode: "78613" })).toMatchObject({
      addressRequired: true,
      ok: true,
    });
  });
});
