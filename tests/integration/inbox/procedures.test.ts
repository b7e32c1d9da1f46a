import { TRPCError } from "@trpc/server";
import { afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import { withTenant } from "../../../server/db/db.server";
import { deliverOutboundMessage } from "../../../server/conversations/deliver-outbound-message.server";
import { recordOutboundMessage } from "../../../server/conversations/record-outbound-message.server";
import { installSmsPort, localSms } from "../../../server/integrations/sms";
import { createMember, createTestTenant, callerFor, type TestTenant } from "../../helpers/factories";
import { createCustomer, inbound } from "./support";

const code = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: unknown) => (e instanceof TRPCError ? e.code : String(e)),
  );

describe("inbox procedures", () => {
  let a: TestTenant;
  let b: TestTenant;
  let conversationA: string;
  let customerA: Awaited<ReturnType<typeof createCustomer>>;

  beforeAll(async () => {
    [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
    customerA = await createCustomer(a.id, { name: "Rachel Kim" });
    conversationA = (await inbound(a.id, { customer: { id: customerA.id }, body: "Is the 10am slot still open?" })).conversationId;
  });
  afterEach(() => {
    installSmsPort(undefined);
    localSms().clear();
  });

  it("another tenant gets NOT_FOUND for every conversation id of this one", async () => {
    const owner = callerFor(b.owner, b.id);
    const id = conversationA;
    expect(await code(owner.inbox.get({ conversationId: id }))).toBe("NOT_FOUND");
    expect(await code(owner.inbox.markRead({ conversationId: id }))).toBe("NOT_FOUND");
    expect(await code(owner.inbox.assign({ conversationId: id, userId: b.owner.id }))).toBe("NOT_FOUND");
    expect(await code(owner.inbox.setAiEnabled({ conversationId: id, enabled: false }))).toBe("NOT_FOUND");
    expect(await code(owner.inbox.reply({ conversationId: id, channel: "NOTE", body: "hi" }))).toBe("NOT_FOUND");
    expect((await owner.inbox.list({})).conversations).toEqual([]);
    expect(await owner.inbox.search({ q: "slot" })).toEqual([]);
    // And a member of A working on A sees it.
    expect((await callerFor(a.owner, a.id).inbox.get({ conversationId: id })).conversation.customer.name).toBe("Rachel Kim");
    // Signed out or not a member: refused before anything is read.
    expect(await code(callerFor(null, a.id).inbox.list({}))).toBe("UNAUTHORIZED");
    expect(await code(callerFor(b.owner, a.id).inbox.list({}))).toBe("FORBIDDEN");
  });

  it("assigns only to members of the same tenant, and filters mine/unassigned", async () => {
    const staff = await createMember(a.id, "STAFF");
    const outsider = await createMember(b.id, "STAFF");
    const owner = callerFor(a.owner, a.id);
    expect(await code(owner.inbox.assign({ conversationId: conversationA, userId: outsider.user.id }))).toBe("BAD_REQUEST");
    expect(await code(owner.inbox.assign({ conversationId: conversationA, userId: "no-such-user" }))).toBe("BAD_REQUEST");
    await owner.inbox.assign({ conversationId: conversationA, userId: staff.user.id });
    const asStaff = callerFor(staff.user, a.id);
    expect((await asStaff.inbox.list({ filter: "mine" })).conversations.map((c) => c.id)).toEqual([conversationA]);
    expect((await owner.inbox.list({ filter: "mine" })).conversations).toEqual([]);
    expect((await owner.inbox.list({ filter: "unassigned" })).conversations).toEqual([]);
    await asStaff.inbox.assign({ conversationId: conversationA, userId: null });
    expect((await owner.inbox.list({ filter: "unassigned" })).conversations.map((c) => c.id)).toEqual([conversationA]);
  });

  it("lists unread counts and a total, and markRead clears them", async () => {
    const t = await createTestTenant();
    const [x, y] = await Promise.all([createCustomer(t.id), createCustomer(t.id)]);
    await inbound(t.id, { customer: { id: x.id }, body: "one" });
    await inbound(t.id, { customer: { id: x.id }, body: "two" });
    const yConv = (await inbound(t.id, { customer: { id: y.id }, body: "three" })).conversationId;
    const owner = callerFor(t.owner, t.id);
    const page = await owner.inbox.list({ filter: "unread" });
    expect(page.unread).toEqual({ messages: 3, conversations: 2 });
    expect(page.conversations.map((c) => [c.customer.id, c.unreadCount])).toEqual([
      [y.id, 1],
      [x.id, 2],
    ]);
    expect(page.conversations[0]).toMatchObject({ lastMessagePreview: "three", lastChannel: "SMS", lastDirection: "INBOUND" });
    expect(await owner.inbox.markRead({ conversationId: yConv })).toEqual({ marked: 1 });
    expect(await owner.inbox.unreadCount()).toEqual({ messages: 2, conversations: 1 });
    const thread = await owner.inbox.get({ conversationId: yConv });
    expect(thread.messages[0].readAt).toBeInstanceOf(Date);
  });

  it("pages conversations and messages with cursors (newest thread first, messages newest last)", async () => {
    const t = await createTestTenant();
    const customers = await Promise.all([0, 1, 2, 3, 4].map(() => createCustomer(t.id)));
    const base = Date.UTC(2030, 5, 1);
    for (const [i, c] of customers.entries()) await inbound(t.id, { customer: { id: c.id }, receivedAt: new Date(base + i * 1000) });
    const owner = callerFor(t.owner, t.id);
    const first = await owner.inbox.list({ limit: 2 });
    const second = await owner.inbox.list({ limit: 2, cursor: first.nextCursor! });
    const third = await owner.inbox.list({ limit: 2, cursor: second.nextCursor! });
    expect([...first.conversations, ...second.conversations, ...third.conversations].map((c) => c.customer.id)).toEqual(
      [...customers].reverse().map((c) => c.id),
    );
    expect(third.nextCursor).toBeNull();

    const conv = (await inbound(t.id, { customer: { id: customers[0].id }, body: "m1", receivedAt: new Date(base + 10_000) }))
      .conversationId;
    for (let i = 2; i <= 5; i++)
      await inbound(t.id, { customer: { id: customers[0].id }, body: `m${i}`, receivedAt: new Date(base + 10_000 + i) });
    const newest = await owner.inbox.get({ conversationId: conv, limit: 3 });
    expect(newest.messages.map((m) => m.body)).toEqual(["m3", "m4", "m5"]);
    const older = await owner.inbox.get({ conversationId: conv, limit: 3, before: newest.olderCursor! });
    expect(older.messages.map((m) => m.body)).toEqual(["Hello", "m1", "m2"]);
    expect(older.olderCursor).toBeNull();
    expect(newest.timeZone).toBe("America/Chicago");
  });

  it("a reply records an outbound SMS with the local adapter's id, marks the thread read, and a note is never sent", async () => {
    const staff = await createMember(a.id, "STAFF");
    const asStaff = callerFor(staff.user, a.id);
    const sent = await asStaff.inbox.reply({ conversationId: conversationA, channel: "SMS", body: "Yes, 10am works. See you then!" });
    expect(sent).toMatchObject({
      status: "SENT",
      direction: "OUTBOUND",
      provider: "local",
      authorUserId: staff.user.id,
      blockedReason: null,
    });
    expect(sent.providerMessageId).toMatch(/^local-[0-9a-f-]{36}$/);
    expect(sent.metadata).toMatchObject({ segments: 1 });
    expect(localSms().sent()).toEqual([
      expect.objectContaining({
        to: customerA.phone,
        body: "Yes, 10am works. See you then!",
        tenantId: a.id,
        providerMessageId: sent.providerMessageId,
      }),
    ]);

    const note = await asStaff.inbox.reply({ conversationId: conversationA, channel: "NOTE", body: "Gate code is 4521" });
    expect(note).toMatchObject({ direction: "INTERNAL", channel: "NOTE", provider: "servicepro" });
    expect(localSms().sent()).toHaveLength(1);
    const thread = await asStaff.inbox.get({ conversationId: conversationA });
    expect(thread.conversation.unreadCount).toBe(0);
    expect(thread.messages.slice(-2).map((m) => [m.channel, m.authorName])).toEqual([
      ["SMS", staff.user.name],
      ["NOTE", staff.user.name],
    ]);
  });

  it("an email reply goes through the tenant's email (the dev mailbox here); no address means BLOCKED", async () => {
    const owner = callerFor(a.owner, a.id);
    const sent = await owner.inbox.reply({
      conversationId: conversationA,
      channel: "EMAIL",
      body: "Photos attached <3",
      subject: "Your detail",
    });
    expect(sent).toMatchObject({ status: "SENT", provider: "email-local" });
    const mail = await withTenant(a.id, (db) => db.emailMessage.findUniqueOrThrow({ where: { id: sent.providerMessageId } }));
    expect(mail).toMatchObject({ toAddress: customerA.email, subject: "Your detail", kind: "inbox.reply" });
    expect(mail.html).toContain("Photos attached &lt;3");

    const noEmail = await createCustomer(a.id, { email: null });
    const conv = (await inbound(a.id, { customer: { id: noEmail.id } })).conversationId;
    expect(await owner.inbox.reply({ conversationId: conv, channel: "EMAIL", body: "hi" })).toMatchObject({
      status: "BLOCKED",
      blockedReason: "noEmail",
    });
  });

  it("an automated text to a customer without SMS consent is BLOCKED with a reason; with consent it is queued and sent", async () => {
    // Midday in Austin: automated texts also respect quiet hours (tests/integration/compliance).
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-07-15T17:00:00Z") });
    onTestFinished(() => void vi.useRealTimers());
    const t = await createTestTenant();
    const noConsent = await createCustomer(t.id, { smsConsent: false });
    const consenting = await createCustomer(t.id, { smsConsent: true });
    const run = <T>(fn: Parameters<typeof withTenant<T>>[1]) => withTenant(t.id, fn);
    const blocked = await run((db) =>
      recordOutboundMessage(db, {
        target: { customerId: noConsent.id },
        channel: "SMS",
        body: "Reminder: tomorrow 9am",
        authorUserId: null,
        idempotencyKey: "reminder-1",
      }),
    );
    expect(blocked.message).toMatchObject({ status: "BLOCKED", blockedReason: "noSmsConsent", direction: "OUTBOUND" });
    expect((await deliverOutboundMessage(run, blocked.message.id)).status).toBe("BLOCKED");
    expect(localSms().sent()).toEqual([]);
    // The same automated send again is a no-op.
    const again = await run((db) =>
      recordOutboundMessage(db, {
        target: { customerId: noConsent.id },
        channel: "SMS",
        body: "Reminder: tomorrow 9am",
        authorUserId: null,
        idempotencyKey: "reminder-1",
      }),
    );
    expect(again).toMatchObject({ created: false, message: { id: blocked.message.id } });

    const queued = await run((db) =>
      recordOutboundMessage(db, {
        target: { customerId: consenting.id },
        channel: "SMS",
        body: "Reminder: tomorrow 9am",
        authorUserId: null,
        idempotencyKey: "reminder-2",
      }),
    );
    expect(queued.message.status).toBe("QUEUED");
    const delivered = await deliverOutboundMessage(run, queued.message.id);
    expect(delivered).toMatchObject({ status: "SENT", provider: "local" });
    // Delivery replaced the provider id with the carrier's; a replay still finds the message by its key.
    const replay = await run((db) =>
      recordOutboundMessage(db, {
        target: { customerId: consenting.id },
        channel: "SMS",
        body: "Reminder: tomorrow 9am",
        authorUserId: null,
        idempotencyKey: "reminder-2",
      }),
    );
    expect(replay).toMatchObject({ created: false, message: { id: queued.message.id, status: "SENT" } });
    expect(
      await run((db) => db.message.count({ where: { body: "Reminder: tomorrow 9am", conversation: { customerId: consenting.id } } })),
    ).toBe(1);
    expect(localSms().sent()).toHaveLength(1);

    // A failing carrier: FAILED, with the error kept.
    localSms().failNextTo(consenting.phone!);
    const failing = await run((db) =>
      recordOutboundMessage(db, { target: { customerId: consenting.id }, channel: "SMS", body: "again", authorUserId: null }),
    );
    expect(await deliverOutboundMessage(run, failing.message.id)).toMatchObject({
      status: "FAILED",
      metadata: { error: expect.stringContaining("simulated") },
    });
  });

  it("a member may text someone who texted first; not someone who never did, nor anyone who opted out", async () => {
    const t = await createTestTenant();
    const owner = callerFor(t.owner, t.id);
    const silent = await createCustomer(t.id, { smsConsent: false });
    const silentConv = (await inbound(t.id, { customer: { id: silent.id }, channel: "EMAIL", body: "email only" })).conversationId;
    expect(await owner.inbox.reply({ conversationId: silentConv, channel: "SMS", body: "hi" })).toMatchObject({
      status: "BLOCKED",
      blockedReason: "notCustomerInitiated",
    });

    const texter = await createCustomer(t.id, { smsConsent: false });
    const texterConv = (await inbound(t.id, { customer: { id: texter.id }, channel: "SMS", body: "hi there" })).conversationId;
    expect(await owner.inbox.reply({ conversationId: texterConv, channel: "SMS", body: "hello!" })).toMatchObject({ status: "SENT" });

    await withTenant(t.id, (db) =>
      db.consentEvent.create({
        data: {
          tenantId: t.id,
          customerId: texter.id,
          phone: texter.phone,
          channel: "SMS",
          action: "OPT_OUT",
          source: "sms.keyword",
          words: "STOP",
        },
      }),
    );
    expect(await owner.inbox.reply({ conversationId: texterConv, channel: "SMS", body: "are you sure?" })).toMatchObject({
      status: "BLOCKED",
      blockedReason: "smsOptedOut",
    });
    expect(localSms().sent()).toHaveLength(1);
  });

  it("only owners and managers turn the AI agent off for a thread", async () => {
    const staff = await createMember(a.id, "STAFF");
    const manager = await createMember(a.id, "MANAGER");
    expect(await code(callerFor(staff.user, a.id).inbox.setAiEnabled({ conversationId: conversationA, enabled: false }))).toBe("FORBIDDEN");
    expect(await callerFor(manager.user, a.id).inbox.setAiEnabled({ conversationId: conversationA, enabled: false })).toEqual({
      aiEnabled: false,
    });
    expect((await callerFor(staff.user, a.id).inbox.get({ conversationId: conversationA })).conversation.aiEnabled).toBe(false);
    await callerFor(a.owner, a.id).inbox.setAiEnabled({ conversationId: conversationA, enabled: true });
  });
});
