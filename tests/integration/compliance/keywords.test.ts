import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { CLAIM_STALE_MS, deliverOutboundMessage } from "../../../server/conversations/deliver-outbound-message.server";
import { recordOutboundMessage } from "../../../server/conversations/record-outbound-message.server";
import { smsBlockReason } from "../../../server/conversations/sms-policy.server";
import { writeConfig, readConfig } from "../../../server/config/config-service.server";
import { withTenant, type TenantDb } from "../../../server/db/db.server";
import { installSmsPort, localSms } from "../../../server/integrations/sms";
import { handleComplianceKeyword } from "../../../server/telephony/compliance/handle-keyword.server";
import { createTestTenant, type TestTenant } from "../../helpers/factories";
import { createCustomer, inbound } from "../inbox/support";

// Tenants are in America/Chicago; customers get +1512 (Texas) numbers: texts allowed 09:00-21:00 Central.
const DAYTIME = new Date("2026-07-15T17:00:00Z"); // Wednesday 12:00 CDT
const NIGHT = new Date("2026-07-16T04:00:00Z"); // Wednesday 23:00 CDT

const sentTo = (phone: string) =>
  localSms()
    .sent()
    .filter((s) => s.to === phone);
const ledger = (tenantId: string, phone: string) =>
  withTenant(tenantId, (db) =>
    db.consentEvent.findMany({
      where: { phone },
      orderBy: { createdAt: "asc" },
      select: { action: true, source: true, words: true, actorUserId: true, customerId: true },
    }),
  );
const customerRow = (tenantId: string, id: string) =>
  withTenant(tenantId, (db) => db.customer.findUniqueOrThrow({ where: { id }, select: { smsConsent: true, smsConsentSource: true } }));
const automated = (tenantId: string, customerId: string, body: string) =>
  withTenant(tenantId, (db) => recordOutboundMessage(db, { target: { customerId }, channel: "SMS", body, authorUserId: null }));

describe("SMS compliance keywords", () => {
  let a: TestTenant;
  let b: TestTenant;

  beforeAll(async () => {
    [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
  });
  afterEach(() => {
    vi.useRealTimers();
    installSmsPort(undefined);
    localSms().clear();
  });

  it("STOP opts the number out at once with one confirmation; later automated texts are BLOCKED smsOptedOut", async () => {
    const c = await createCustomer(a.id, { smsConsent: true });
    const stop = await inbound(a.id, { customer: { id: c.id }, body: "Stop" });

    const result = await handleComplianceKeyword(a.id, stop.message.id);
    expect(result).toMatchObject({ handled: true, kind: "OPT_OUT", replyMessageId: expect.any(String) });
    expect(await ledger(a.id, c.phone!)).toEqual([
      { action: "OPT_OUT", source: "sms.keyword", words: "Stop", actorUserId: null, customerId: c.id },
    ]);
    expect(await customerRow(a.id, c.id)).toEqual({ smsConsent: false, smsConsentSource: "sms.keyword" });

    const texts = sentTo(c.phone!);
    expect(texts).toHaveLength(1);
    expect(texts[0]!.body).toContain(a.name);
    expect(texts[0]!.body).toMatch(/no more texts/i);
    const reply = await withTenant(a.id, (db) =>
      db.message.findUniqueOrThrow({ where: { id: (result as { replyMessageId: string }).replyMessageId } }),
    );
    expect(reply).toMatchObject({
      status: "SENT",
      direction: "OUTBOUND",
      channel: "SMS",
      idempotencyKey: `compliance:${stop.message.id}`,
      authorUserId: null,
      conversationId: stop.conversationId,
    });

    // Even with consent given again by hand (and a member's own reply), nothing goes to a number whose last word was STOP... until START.
    vi.useFakeTimers({ toFake: ["Date"], now: DAYTIME });
    const later = await automated(a.id, c.id, "Your appointment is tomorrow at 9");
    expect(later.message).toMatchObject({ status: "BLOCKED", blockedReason: "smsOptedOut" });
    expect((await deliverOutboundMessage((fn) => withTenant(a.id, fn), later.message.id)).status).toBe("BLOCKED");
    expect(sentTo(c.phone!)).toHaveLength(1);
  });

  it("handling the same message twice writes one ledger row and sends one text", async () => {
    const c = await createCustomer(a.id, { smsConsent: true });
    const stop = await inbound(a.id, { customer: { id: c.id }, body: "please stop texting me" });
    const [first, second] = await Promise.all([
      handleComplianceKeyword(a.id, stop.message.id),
      handleComplianceKeyword(a.id, stop.message.id),
    ]);
    const third = await handleComplianceKeyword(a.id, stop.message.id);
    expect(first).toMatchObject({ handled: true, kind: "OPT_OUT" });
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(await ledger(a.id, c.phone!)).toHaveLength(1);
    expect(sentTo(c.phone!)).toHaveLength(1);
    expect(
      await withTenant(a.id, (db) => db.message.count({ where: { conversationId: stop.conversationId, direction: "OUTBOUND" } })),
    ).toBe(1);
  });

  it("START opts back in: ledger OPT_IN, consent true, a confirmation, and automated texts flow again", async () => {
    const c = await createCustomer(a.id, { smsConsent: true });
    await handleComplianceKeyword(a.id, (await inbound(a.id, { customer: { id: c.id }, body: "STOP" })).message.id);
    const start = await inbound(a.id, { customer: { id: c.id }, body: "start" });
    expect(await handleComplianceKeyword(a.id, start.message.id)).toMatchObject({ handled: true, kind: "OPT_IN" });
    expect((await ledger(a.id, c.phone!)).map((e) => [e.action, e.words])).toEqual([
      ["OPT_OUT", "STOP"],
      ["OPT_IN", "start"],
    ]);
    expect((await customerRow(a.id, c.id)).smsConsent).toBe(true);
    const texts = sentTo(c.phone!);
    expect(texts).toHaveLength(2);
    expect(texts[1]!.body).toMatch(/subscribed again/);

    vi.useFakeTimers({ toFake: ["Date"], now: DAYTIME });
    expect((await automated(a.id, c.id, "See you tomorrow")).message.status).toBe("QUEUED");
  });

  it("HELP answers with the business name, frequency, rates, a contact and how to stop; no consent change", async () => {
    const c = await createCustomer(a.id, { smsConsent: false });
    const help = await inbound(a.id, { customer: { id: c.id }, body: "HELP" });
    expect(await handleComplianceKeyword(a.id, help.message.id)).toMatchObject({ handled: true, kind: "HELP" });
    const [text] = sentTo(c.phone!);
    expect(text!.body).toContain(a.name);
    expect(text!.body).toContain("Msg & data rates may apply");
    expect(text!.body).toMatch(/Msg frequency varies/);
    expect(text!.body).toContain("Reply STOP to opt out");
    expect(text!.body).toContain(a.owner.email); // no business number yet: the owner's email
    expect(await ledger(a.id, c.phone!)).toEqual([]);
    expect((await customerRow(a.id, c.id)).smsConsent).toBe(false);
  });

  it("HELP names the business's phone number when it has one", async () => {
    const t = await createTestTenant();
    const phone = await withTenant(t.id, (db) => readConfig(db, "PHONE"));
    await withTenant(t.id, (db: TenantDb) => writeConfig(db, "PHONE", { ...phone, number: "+15125550199" }, t.owner.id));
    const c = await createCustomer(t.id);
    await handleComplianceKeyword(t.id, (await inbound(t.id, { customer: { id: c.id }, body: "info" })).message.id);
    expect(sentTo(c.phone!)[0]!.body).toContain("(512) 555-0199");
  });

  it("answers in Spanish when the customer writes Spanish, or when their language is Spanish", async () => {
    const c = await createCustomer(a.id, { smsConsent: true, locale: "en" });
    await handleComplianceKeyword(a.id, (await inbound(a.id, { customer: { id: c.id }, body: "No me manden más mensajes" })).message.id);
    expect(sentTo(c.phone!)[0]!.body).toMatch(/se dio de baja/);
    expect((await ledger(a.id, c.phone!))[0]).toMatchObject({ action: "OPT_OUT", words: "No me manden más mensajes" });

    const es = await createCustomer(a.id, { locale: "es" });
    await handleComplianceKeyword(a.id, (await inbound(a.id, { customer: { id: es.id }, body: "HELP" })).message.id);
    expect(sentTo(es.phone!)[0]!.body).toMatch(/Pueden aplicarse tarifas de mensajes y datos/);
  });

  it("ordinary texts, outbound messages and unknown ids are not handled", async () => {
    const c = await createCustomer(a.id, { smsConsent: true });
    const ordinary = await inbound(a.id, { customer: { id: c.id }, body: "Can I cancel my appointment?" });
    expect(await handleComplianceKeyword(a.id, ordinary.message.id)).toEqual({ handled: false });
    const email = await inbound(a.id, { customer: { id: c.id }, channel: "EMAIL", body: "STOP" });
    expect(await handleComplianceKeyword(a.id, email.message.id)).toEqual({ handled: false });
    expect(await handleComplianceKeyword(a.id, "00000000-0000-0000-0000-000000000000")).toEqual({ handled: false });
    // Another tenant's message id is invisible.
    const stop = await inbound(a.id, { customer: { id: c.id }, body: "STOP" });
    expect(await handleComplianceKeyword(b.id, stop.message.id)).toEqual({ handled: false });
    expect(await ledger(a.id, c.phone!)).toEqual([]);
    expect(sentTo(c.phone!)).toEqual([]);
  });

  it("tenant A's STOP does not opt the same number out at tenant B", async () => {
    const ca = await createCustomer(a.id, { smsConsent: true });
    const cb = await createCustomer(b.id, { smsConsent: true, phone: ca.phone });
    await handleComplianceKeyword(a.id, (await inbound(a.id, { customer: { id: ca.id }, body: "STOP" })).message.id);
    expect(await ledger(b.id, ca.phone!)).toEqual([]);
    expect((await customerRow(b.id, cb.id)).smsConsent).toBe(true);
    vi.useFakeTimers({ toFake: ["Date"], now: DAYTIME });
    expect((await automated(b.id, cb.id, "Reminder from B")).message.status).toBe("QUEUED");
    expect((await automated(a.id, ca.id, "Reminder from A")).message).toMatchObject({ status: "BLOCKED", blockedReason: "smsOptedOut" });
  });

  it("an automated text at night is recorded BLOCKED quietHours; a member's reply and an answer to a fresh text are not", async () => {
    const c = await createCustomer(a.id, { smsConsent: true });
    vi.useFakeTimers({ toFake: ["Date"], now: NIGHT });
    const blocked = await automated(a.id, c.id, "Reminder: tomorrow 9am");
    expect(blocked.message).toMatchObject({ status: "BLOCKED", blockedReason: "quietHours", direction: "OUTBOUND" });
    expect(
      await withTenant(a.id, (db) =>
        db.message.findUniqueOrThrow({ where: { id: blocked.message.id }, select: { blockedReason: true, status: true } }),
      ),
    ).toEqual({ status: "BLOCKED", blockedReason: "quietHours" });

    const member = await withTenant(a.id, (db) =>
      recordOutboundMessage(db, {
        target: { customerId: c.id },
        channel: "SMS",
        body: "Sorry for the late text",
        authorUserId: a.owner.id,
      }),
    );
    expect(member.message.status).toBe("QUEUED");

    // The customer texts at 23:00; the automated answer within 10 minutes is a reply, not a cold text.
    await inbound(a.id, { customer: { id: c.id }, body: "Are you open tomorrow?" });
    expect((await automated(a.id, c.id, "Yes, from 9am")).message.status).toBe("QUEUED");
    vi.setSystemTime(new Date(NIGHT.getTime() + 11 * 60_000));
    expect((await automated(a.id, c.id, "Anything else?")).message).toMatchObject({ status: "BLOCKED", blockedReason: "quietHours" });
  });

  it("quiet hours follow the customer's address state (Florida: 8 p.m.) over the business's zone", async () => {
    const c = await createCustomer(a.id, { smsConsent: true });
    await withTenant(a.id, (db) => db.customer.update({ where: { id: c.id }, data: { address: { city: "Miami", state: "FL" } } }));
    const conversationId = (await inbound(a.id, { customer: { id: c.id }, body: "hi", receivedAt: new Date("2026-07-15T15:00:00Z") }))
      .conversationId;
    const customer = { id: c.id, phone: c.phone, smsConsent: true };
    // 20:30 EDT = 19:30 CDT: fine for Texas, too late for Florida.
    const now = new Date("2026-07-16T00:30:00Z");
    const check = (db: TenantDb) => smsBlockReason(db, { customer, conversationId, automated: true, now });
    expect(await withTenant(a.id, check)).toBe("quietHours");
    expect(await withTenant(a.id, (db) => smsBlockReason(db, { customer, conversationId, automated: false, now }))).toBeNull();
    expect(
      await withTenant(a.id, (db) => smsBlockReason(db, { customer, conversationId, automated: true, now, purpose: "compliance" })),
    ).toBeNull();
    await withTenant(a.id, (db) => db.customer.update({ where: { id: c.id }, data: { address: { state: "TX" } } }));
    expect(await withTenant(a.id, check)).toBeNull();
  });

  it("the STOP confirmation goes out at night too", async () => {
    const c = await createCustomer(a.id, { smsConsent: true });
    vi.useFakeTimers({ toFake: ["Date"], now: NIGHT });
    const stop = await inbound(a.id, { customer: { id: c.id }, body: "UNSUBSCRIBE" });
    vi.setSystemTime(new Date(NIGHT.getTime() + 60 * 60_000)); // an hour later (a delayed job): still answered
    expect(await handleComplianceKeyword(a.id, stop.message.id)).toMatchObject({ handled: true, kind: "OPT_OUT" });
    expect(sentTo(c.phone!)).toHaveLength(1);
  });

  it("a reply left half-sent by a crash is sent when the message is handled again later", async () => {
    const c = await createCustomer(a.id, { smsConsent: true });
    const stop = await inbound(a.id, { customer: { id: c.id }, body: "STOP" });
    // The first attempt recorded the reply but died before delivering it.
    let reachedCarrier = false;
    const hanging = {
      provider: "hanging",
      send: () => {
        reachedCarrier = true;
        return new Promise<never>(() => undefined);
      },
    };
    installSmsPort(hanging);
    vi.useFakeTimers({ toFake: ["Date"], now: DAYTIME });
    void handleComplianceKeyword(a.id, stop.message.id);
    await vi.waitFor(() => expect(reachedCarrier).toBe(true));
    expect(
      await withTenant(a.id, (db) => db.message.count({ where: { idempotencyKey: `compliance:${stop.message.id}`, status: "SENDING" } })),
    ).toBe(1);
    installSmsPort(undefined);
    localSms().clear();
    // A concurrent duplicate right away does not send it a second time...
    expect(await handleComplianceKeyword(a.id, stop.message.id)).toMatchObject({ handled: true, kind: "OPT_OUT" });
    expect(sentTo(c.phone!)).toEqual([]);
    // ...but a retry once the claim is stale does.
    vi.setSystemTime(new Date(DAYTIME.getTime() + CLAIM_STALE_MS + 60_000));
    expect(await handleComplianceKeyword(a.id, stop.message.id)).toMatchObject({ handled: true, kind: "OPT_OUT" });
    expect(sentTo(c.phone!)).toHaveLength(1);
    expect(await ledger(a.id, c.phone!)).toHaveLength(1);
  });
});
