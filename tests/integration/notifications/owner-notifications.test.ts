import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { ownerNotifications } from "../../../inngest/functions/owner-notifications";
import { writeConfig } from "../../../server/config/config-service.server";
import { withGlobal, withTenant } from "../../../server/db/db.server";
import { createTestTenant } from "../../helpers/factories";
import { localSms } from "../../../server/integrations/sms";

async function bookingFor(tenantId: string) {
  return withTenant(tenantId, async (db) => {
    const [customer, staff, service] = await Promise.all([
      db.customer.create({ data: { tenantId, name: "Ana <b>López</b>", phone: `+1512555${Math.floor(1000 + Math.random() * 8999)}` } }),
      db.staff.findFirstOrThrow(),
      db.service.findFirstOrThrow({ orderBy: { sortOrder: "asc" } }),
    ]);
    const startsAt = new Date("2030-03-05T16:00:00Z");
    const booking = await db.booking.create({
      data: {
        tenantId,
        customerId: customer.id,
        serviceId: service.id,
        staffId: staff.id,
        status: "CONFIRMED",
        source: "PUBLIC",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3_600_000),
        blockedFrom: startsAt,
        blockedUntil: new Date(startsAt.getTime() + 3_600_000),
        durationMinutes: 60,
        priceCents: service.priceCents,
      },
    });
    return { booking, customer, service };
  });
}

const created = (tenantId: string, bookingId: string) => ({
  name: "booking/created" as const,
  data: {
    tenantId,
    bookingId,
    version: 1,
    startsAt: "2030-03-05T16:00:00.000Z",
    customerId: null,
    status: "CONFIRMED" as const,
    source: "PUBLIC" as const,
  },
});

describe("owner notifications", () => {
  it("emails every owner about a new booking, in that owner's language and the business's time zone, escaping names", async () => {
    const t = await createTestTenant({ input: { timeZone: "America/Chicago" } });
    await withGlobal((g) => g.user.update({ where: { id: t.owner.id }, data: { locale: "es" } }));
    const { booking } = await bookingFor(t.id);
    const { result } = await new InngestTestEngine({ function: ownerNotifications, events: [created(t.id, booking.id)] }).execute();
    expect(result).toEqual({ sent: 1 });
    const [mail] = await withTenant(t.id, (db) => db.emailMessage.findMany({ where: { kind: "owner.newBooking" } }));
    expect(mail.toAddress).toBe(t.owner.email);
    expect(mail.subject).toMatch(/^Nueva cita: Ana <b>López<\/b>/);
    // 16:00 UTC on 5 March 2030 is 10:00 in Chicago (CST).
    expect(mail.text).toMatch(/10:00/);
    expect(mail.html).toContain("Ana &lt;b&gt;López&lt;/b&gt;");
    expect(mail.status).toBe("STORED");
  });

  it("respects the switches: nothing when new-booking notices are off; a text only, or both, as the owner chose", async () => {
    const t = await createTestTenant({ input: { timeZone: "America/Chicago" } });
    const { booking } = await bookingFor(t.id);
    const texts = () =>
      localSms()
        .sent()
        .filter((m) => m.tenantId === t.id);
    const run = async () =>
      (await new InngestTestEngine({ function: ownerNotifications, events: [created(t.id, booking.id)] }).execute()).result;
    await withTenant(t.id, (db) =>
      writeConfig(db, "EMAIL", { notifyOwner: { newBooking: false }, notifyChannel: "BOTH", notifySmsTo: "+15125550199" }, t.owner.id),
    );
    expect(await run()).toEqual({ sent: 0 });
    expect(texts()).toEqual([]);

    await withTenant(t.id, (db) => writeConfig(db, "EMAIL", { notifyOwner: { newBooking: true }, notifyChannel: "SMS" }, t.owner.id));
    expect(await run()).toEqual({ sent: 1 });
    expect(await withTenant(t.id, (db) => db.emailMessage.count())).toBe(0);
    expect(texts()).toHaveLength(1);
    expect(texts()[0]).toMatchObject({ to: "+15125550199" });
    expect(texts()[0].body).toMatch(new RegExp(`^${t.name}: New booking: Ana <b>López</b>, .*10:00`));

    await withTenant(t.id, (db) => writeConfig(db, "EMAIL", { notifyChannel: "BOTH" }, t.owner.id));
    expect(await run()).toEqual({ sent: 2 });
    expect(await withTenant(t.id, (db) => db.emailMessage.count())).toBe(1);
    expect(texts()).toHaveLength(2);
  });

  it("meters every owner alert text like any text the platform sends: outbound segments, once per text", async () => {
    const t = await createTestTenant({ input: { timeZone: "America/Chicago" } });
    const { booking } = await bookingFor(t.id);
    await withTenant(t.id, (db) => writeConfig(db, "EMAIL", { notifyChannel: "SMS", notifySmsTo: "+15125550199" }, t.owner.id));
    const run = async () =>
      (await new InngestTestEngine({ function: ownerNotifications, events: [created(t.id, booking.id)] }).execute()).result;
    expect(await run()).toEqual({ sent: 1 });
    expect(await run()).toEqual({ sent: 1 });
    const texts = localSms()
      .sent()
      .filter((m) => m.tenantId === t.id);
    const usage = await withTenant(t.id, (db) =>
      db.usageEvent.findMany({
        select: { kind: true, quantity: true, sourceType: true, sourceId: true, simulated: true, idempotencyKey: true },
        orderBy: { occurredAt: "asc" },
      }),
    );
    expect(texts).toHaveLength(2);
    expect(usage).toEqual(
      texts.map((text) => ({
        kind: "SMS_SEGMENT_OUTBOUND",
        quantity: text.segments,
        sourceType: "ownerAlert",
        sourceId: booking.id,
        // The offline adapter carried them: counted, but not billed.
        simulated: true,
        idempotencyKey: `sms-owner:${text.providerMessageId}`,
      })),
    );
  });

  it("text chosen but no alert number set: the owners get the email instead of nothing", async () => {
    const t = await createTestTenant();
    const { booking } = await bookingFor(t.id);
    await withTenant(t.id, (db) => writeConfig(db, "EMAIL", { notifyChannel: "SMS", notifySmsTo: null }, t.owner.id));
    expect((await new InngestTestEngine({ function: ownerNotifications, events: [created(t.id, booking.id)] }).execute()).result).toEqual({
      sent: 1,
    });
    expect(await withTenant(t.id, (db) => db.emailMessage.count({ where: { kind: "owner.newBooking" } }))).toBe(1);
    expect(
      localSms()
        .sent()
        .filter((m) => m.tenantId === t.id),
    ).toEqual([]);
  });

  it("an alert number that is not a phone number is refused with a field error", async () => {
    const t = await createTestTenant();
    await expect(withTenant(t.id, (db) => writeConfig(db, "EMAIL", { notifySmsTo: "call me" }, t.owner.id))).rejects.toMatchObject({
      fields: { notifySmsTo: "errors:validation.phoneE164" },
    });
  });

  it("a new inbound message is announced; an outbound one and a cancellation made by a member are not", async () => {
    const t = await createTestTenant();
    const { customer, booking } = await bookingFor(t.id);
    const { inbound, outbound } = await withTenant(t.id, async (db) => {
      const conversation = await db.conversation.create({ data: { tenantId: t.id, customerId: customer.id } });
      const base = { tenantId: t.id, conversationId: conversation.id, channel: "SMS" as const, provider: "test" };
      return {
        inbound: await db.message.create({
          data: { ...base, direction: "INBOUND", status: "RECEIVED", body: "Can you come Friday?", providerMessageId: "in-1" },
        }),
        outbound: await db.message.create({
          data: { ...base, direction: "OUTBOUND", status: "SENT", body: "Yes!", providerMessageId: "out-1" },
        }),
      };
    });
    const stored = (m: { id: string; conversationId: string; direction: "INBOUND" | "OUTBOUND" }) => ({
      name: "message/stored" as const,
      data: {
        tenantId: t.id,
        conversationId: m.conversationId,
        messageId: m.id,
        customerId: customer.id,
        channel: "SMS" as const,
        direction: m.direction,
      },
    });
    expect(
      (await new InngestTestEngine({ function: ownerNotifications, events: [stored({ ...inbound, direction: "INBOUND" })] }).execute())
        .result,
    ).toEqual({ sent: 1 });
    expect(
      (await new InngestTestEngine({ function: ownerNotifications, events: [stored({ ...outbound, direction: "OUTBOUND" })] }).execute())
        .result,
    ).toEqual({ sent: 0 });
    const byMember = {
      name: "booking/cancelled" as const,
      data: {
        tenantId: t.id,
        bookingId: booking.id,
        version: 2,
        startsAt: "2030-03-05T16:00:00.000Z",
        customerId: customer.id,
        by: "MEMBER" as const,
        reason: null,
      },
    };
    expect((await new InngestTestEngine({ function: ownerNotifications, events: [byMember] }).execute()).result).toEqual({ sent: 0 });
    const mails = await withTenant(t.id, (db) => db.emailMessage.findMany());
    expect(mails.map((m) => m.kind)).toEqual(["owner.newMessage"]);
    expect(mails[0].text).toContain("Can you come Friday?");
  });
});
