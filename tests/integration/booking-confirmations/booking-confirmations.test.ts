import { InngestTestEngine } from "@inngest/test";
import { beforeEach, describe, expect, it } from "vitest";
import { createBookingConfirmations } from "../../../inngest/functions/booking-confirmations";
import { withTenant } from "../../../server/db/db.server";
import { localSms } from "../../../server/integrations/sms";
import { formatWhen } from "../../../server/notifications/format";
import { uid } from "../../helpers/factories";
import { addCustomer, bookingTenant, caller, openDay, outboxFor, type BookingTenant } from "../booking/support";

/**
 * The customer's confirmations on the real database, driven by @inngest/test with the real
 * outbox events: texts go through the inbox's outbound path (recorded in the customer's
 * thread, SMS policy applied, sent by the local SMS adapter), emails are recorded and sent
 * with the branded layout. Nothing is stored or sent twice for one booking version.
 */
const fn = createBookingConfirmations(uid("booking-confirmations-test"));
const run = (event: { name: string; data: Record<string, unknown> }) =>
  new InngestTestEngine({ function: fn, events: [event as never] }).execute();

async function lastEvent(tenantId: string, bookingId: string) {
  const events = await outboxFor(tenantId, bookingId);
  const last = events.at(-1);
  if (!last) throw new Error("no booking event");
  return last;
}

async function threadOf(tenantId: string, customerId: string) {
  return withTenant(tenantId, (db) =>
    db.message.findMany({
      where: { conversation: { customerId } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { channel: true, direction: true, status: true, body: true, subject: true, blockedReason: true, authorUserId: true },
    }),
  );
}

/** A customer books on the public page: hold, then confirm (as the booking page does). */
async function bookPublicly(t: BookingTenant, input: { smsConsent: boolean; email?: string | null; locale?: "en" | "es"; phone?: string }) {
  const anon = caller(null);
  const hold = await anon.booking.public.hold({ slug: t.slug, serviceId: t.serviceId, startsAt: (await openDay(t, 3, 17)).toISOString() });
  const booking = await anon.booking.public.confirm({
    slug: t.slug,
    holdId: hold.holdId,
    name: "María López",
    phone: input.phone ?? `(512) 555-${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`,
    email: input.email ?? null,
    locale: input.locale ?? "es",
    smsConsent: input.smsConsent,
    notes: null,
  });
  const row = await withTenant(t.id, (db) =>
    db.booking.findUniqueOrThrow({ where: { id: booking.bookingId }, select: { customerId: true } }),
  );
  return { ...booking, customerId: row.customerId! };
}

describe("booking confirmations to the customer", () => {
  beforeEach(() => localSms().clear());

  it("a public booking with SMS consent: a Spanish text in the customer's thread (sent), an email with the manage link, once", async () => {
    const t = await bookingTenant();
    const b = await bookPublicly(t, { smsConsent: true, email: "maria@example.com" });
    const event = await lastEvent(t.id, b.bookingId);
    expect(event.name).toBe("booking/created");

    const { result } = await run(event);
    expect(result).toEqual({ kind: "confirmation", skipped: null, sms: "SENT", email: "SENT" });

    const thread = await threadOf(t.id, b.customerId);
    expect(thread.map((m) => [m.channel, m.direction, m.status, m.authorUserId])).toEqual([
      ["SMS", "OUTBOUND", "SENT", null],
      ["EMAIL", "OUTBOUND", "SENT", null],
    ]);
    const sms = thread[0].body;
    expect(sms).toContain("su cita de");
    expect(sms).toContain(formatWhen(new Date(b.startsAt), "es", "America/Chicago"));
    expect(sms).toMatch(new RegExp(`/s/${t.slug}/booking/manage/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+`));
    expect(localSms().sent()).toEqual([expect.objectContaining({ body: sms, tenantId: t.id })]);
    expect(thread[1].subject).toMatch(/está reservado/);

    const mailbox = await withTenant(t.id, (db) =>
      db.emailMessage.findMany({ where: { kind: "booking.customerConfirmation" }, select: { toAddress: true, html: true } }),
    );
    expect(mailbox).toHaveLength(1);
    expect(mailbox[0].toAddress).toBe("maria@example.com");
    expect(mailbox[0].html).toContain(`/s/${t.slug}/booking/manage/`);
    expect(mailbox[0].html).toContain("Cambiar o cancelar");

    // At-least-once delivery: replaying the same event stores and sends nothing more.
    const again = await run(event);
    expect(again.result).toEqual({ kind: "confirmation", skipped: null, sms: "SENT", email: "SENT" });
    expect(await threadOf(t.id, b.customerId)).toHaveLength(2);
    expect(localSms().sent()).toHaveLength(1);
    expect(await withTenant(t.id, (db) => db.emailMessage.count({ where: { kind: "booking.customerConfirmation" } }))).toBe(1);
  });

  it("no SMS consent: no text at all (nothing recorded), the email still goes out", async () => {
    const t = await bookingTenant();
    const b = await bookPublicly(t, { smsConsent: false, email: "sam@example.com", locale: "en" });
    const { result } = await run(await lastEvent(t.id, b.bookingId));
    expect(result).toEqual({ kind: "confirmation", skipped: null, sms: null, email: "SENT" });
    const thread = await threadOf(t.id, b.customerId);
    expect(thread.map((m) => `${m.channel}:${m.status}`)).toEqual(["EMAIL:SENT"]);
    expect(thread[0].subject).toMatch(/is booked/);
    expect(localSms().sent()).toEqual([]);
  });

  it("neither consent nor email: nothing is sent", async () => {
    const t = await bookingTenant();
    const b = await bookPublicly(t, { smsConsent: false, email: null, locale: "en" });
    expect((await run(await lastEvent(t.id, b.bookingId))).result).toEqual({
      kind: "confirmation",
      skipped: "noChannel",
      sms: null,
      email: null,
    });
    expect(await threadOf(t.id, b.customerId)).toEqual([]);
  });

  it("reschedule and cancel through the manage link: a text for each new version; a stale event sends nothing", async () => {
    const t = await bookingTenant();
    const b = await bookPublicly(t, { smsConsent: true, locale: "en" });
    const created = await lastEvent(t.id, b.bookingId);
    const token = b.manageUrl.split("/").at(-1)!;
    const anon = caller(null);
    const newStart = await openDay(t, 4, 18);
    await anon.booking.public.manage.reschedule({ slug: t.slug, token, startsAt: newStart.toISOString() });
    const moved = await lastEvent(t.id, b.bookingId);
    expect(moved.name).toBe("booking/rescheduled");

    // The created event arrives late (after the reschedule): its version is stale, no text for the old time.
    expect((await run(created)).result).toMatchObject({ kind: "confirmation", skipped: "stale" });
    expect((await run(moved)).result).toEqual({ kind: "rescheduled", skipped: null, sms: "SENT", email: null });

    await anon.booking.public.manage.cancel({ slug: t.slug, token });
    const cancelled = await lastEvent(t.id, b.bookingId);
    expect(cancelled.name).toBe("booking/cancelled");
    expect((await run(cancelled)).result).toEqual({ kind: "cancelled", skipped: null, sms: "SENT", email: null });

    const thread = await threadOf(t.id, b.customerId);
    expect(thread.map((m) => `${m.channel}:${m.status}`)).toEqual(["SMS:SENT", "SMS:SENT"]);
    expect(thread[0].body).toContain(`is now ${formatWhen(newStart, "en", "America/Chicago")}`);
    expect(thread[1].body).toContain("is cancelled");
  });

  it("an opted-out number: the text is recorded as BLOCKED by the SMS policy and never sent", async () => {
    const t = await bookingTenant();
    const phone = `+1512555${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;
    const customerId = await addCustomer(t.id, { phone, smsConsent: true });
    await withTenant(t.id, (db) =>
      db.consentEvent.create({ data: { tenantId: t.id, customerId, channel: "SMS", phone, action: "OPT_OUT", source: "test" } }),
    );
    const b = await bookPublicly(t, { smsConsent: false, phone, locale: "en" });
    expect(b.customerId).toBe(customerId);
    expect((await run(await lastEvent(t.id, b.bookingId))).result).toEqual({
      kind: "confirmation",
      skipped: null,
      sms: "BLOCKED",
      email: null,
    });
    const thread = await threadOf(t.id, customerId);
    expect(thread.map((m) => [m.channel, m.status, m.blockedReason])).toEqual([["SMS", "BLOCKED", "smsOptedOut"]]);
    expect(localSms().sent()).toEqual([]);
  });
});
