import { afterEach, describe, expect, it } from "vitest";
import { readConfig, writeConfig } from "../../../server/config/config-service.server";
import { withTenant } from "../../../server/db/db.server";
import { localSms } from "../../../server/integrations/sms";
import { composeOwnerNotices } from "../../../server/notifications/owner-notifications.server";
import { formatWhen } from "../../../server/notifications/format";
import { handleComplianceKeyword } from "../../../server/telephony/compliance/handle-keyword.server";
import { bookingTenant, caller, openDay, type BookingTenant } from "../booking/support";
import { createCustomer, inbound } from "../inbox/support";

/**
 * CANCEL is an opt-out keyword, but a customer with a booking coming up may mean the booking.
 * The opt-out is honoured; the one reply says how to cancel or move the booking (manage
 * link, the business's phone), and the owner is told.
 */
const BUSINESS_PHONE = "+15125550188";

async function withBooking(t: BookingTenant, locale: "en" | "es" = "en") {
  const c = await createCustomer(t.id, { smsConsent: true, locale });
  const startsAt = await openDay(t, 2, 17);
  const booking = await caller(t.owner, t.id).booking.create({
    serviceId: t.serviceId,
    startsAt: startsAt.toISOString(),
    customer: { id: c.id },
  });
  return { c, startsAt, bookingId: (booking as { id: string }).id };
}

async function setBusinessPhone(t: BookingTenant) {
  await withTenant(t.id, async (db) =>
    writeConfig(db, "PHONE", { ...(await readConfig(db, "PHONE")), number: BUSINESS_PHONE }, t.owner.id),
  );
}

const cancelWordEvents = (tenantId: string) =>
  withTenant(tenantId, (db) => db.outboxEvent.findMany({ where: { name: "compliance/cancel-word" }, select: { data: true } }));
const ledger = (tenantId: string, phone: string) =>
  withTenant(tenantId, (db) => db.consentEvent.findMany({ where: { phone }, select: { action: true, source: true, words: true } }));

describe("CANCEL from a customer with a booking coming up", () => {
  afterEach(() => localSms().clear());

  it("opts out, texts once how to cancel or move the booking (link, phone) and tells the owner", async () => {
    const t = await bookingTenant();
    await setBusinessPhone(t);
    const { c, startsAt, bookingId } = await withBooking(t);
    const msg = await inbound(t.id, { customer: { id: c.id }, body: "CANCEL\nSent from my iPhone" });

    expect(await handleComplianceKeyword(t.id, msg.message.id)).toMatchObject({ handled: true, kind: "OPT_OUT" });
    expect(await ledger(t.id, c.phone!)).toEqual([{ action: "OPT_OUT", source: "sms.keyword", words: "CANCEL\nSent from my iPhone" }]);

    const texts = localSms()
      .sent()
      .filter((s) => s.to === c.phone);
    expect(texts).toHaveLength(1);
    const body = texts[0]!.body;
    expect(body).toMatch(/no more texts/i);
    expect(body).toContain(formatWhen(startsAt, "en", "America/Chicago"));
    expect(body).toMatch(new RegExp(`/s/${t.slug}/booking/manage/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+`));
    expect(body).toContain("(512) 555-0188");

    // The booking is untouched: an opt-out is not a cancellation.
    const row = await withTenant(t.id, (db) => db.booking.findUniqueOrThrow({ where: { id: bookingId }, select: { status: true } }));
    expect(row.status).toBe("CONFIRMED");

    expect(await cancelWordEvents(t.id)).toEqual([{ data: { tenantId: t.id, messageId: msg.message.id, customerId: c.id, bookingId } }]);
    const notices = await composeOwnerNotices(t.id, { kind: "owner.cancelWord", bookingId, messageId: msg.message.id });
    expect(notices.emails).toHaveLength(1);
    expect(notices.emails[0]).toMatchObject({ to: t.owner.email, kind: "owner.cancelWord" });
    expect(notices.emails[0]!.subject).toContain(c.name);
    expect(notices.emails[0]!.text).toContain(formatWhen(startsAt, "en", "America/Chicago"));
    expect(notices.emails[0]!.text).toMatch(/may have meant to cancel/);

    // Handled again (a retried job): nothing more is sent or told.
    await handleComplianceKeyword(t.id, msg.message.id);
    expect(await cancelWordEvents(t.id)).toHaveLength(1);
  });

  it("CANCELAR in Spanish: the reply is in Spanish, without a phone when the business has none", async () => {
    const t = await bookingTenant();
    const { c, startsAt } = await withBooking(t, "es");
    const msg = await inbound(t.id, { customer: { id: c.id }, body: "Cancelar 🙏" });
    await handleComplianceKeyword(t.id, msg.message.id);
    const [text] = localSms()
      .sent()
      .filter((s) => s.to === c.phone);
    expect(text!.body).toMatch(/se dio de baja/);
    expect(text!.body).toContain(`sigue reservado`);
    expect(text!.body).toContain(formatWhen(startsAt, "es", "America/Chicago"));
    expect(text!.body).toMatch(/\/booking\/manage\//);
    expect(text!.body).not.toMatch(/llame/);
    expect(await cancelWordEvents(t.id)).toHaveLength(1);
  });

  it("CANCEL without a booking coming up, and STOP with one: the plain opt-out reply, no owner notice", async () => {
    const t = await bookingTenant();
    const lone = await createCustomer(t.id, { smsConsent: true });
    await handleComplianceKeyword(t.id, (await inbound(t.id, { customer: { id: lone.id }, body: "cancel" })).message.id);
    const { c } = await withBooking(t);
    await handleComplianceKeyword(t.id, (await inbound(t.id, { customer: { id: c.id }, body: "STOP" })).message.id);
    for (const phone of [lone.phone, c.phone]) {
      const sent = localSms()
        .sent()
        .filter((s) => s.to === phone);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.body).not.toMatch(/manage/);
    }
    expect(await cancelWordEvents(t.id)).toEqual([]);
  });

  it("'cancel my appointment?' stays conversation: no opt-out, no reply", async () => {
    const t = await bookingTenant();
    const { c } = await withBooking(t);
    const msg = await inbound(t.id, { customer: { id: c.id }, body: "can I cancel my appointment?" });
    expect(await handleComplianceKeyword(t.id, msg.message.id)).toEqual({ handled: false });
    expect(await ledger(t.id, c.phone!)).toEqual([]);
  });
});
