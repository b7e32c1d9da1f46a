import { describe, expect, it } from "vitest";
import { withTenant, type TenantDb } from "../../../server/db/db.server";
import { mergeCustomers } from "../../../server/customers/merge-customers.server";
import { upsertCustomerByPhone } from "../../../server/customers/customers.server";
import { callerFor, createTestTenant } from "../../helpers/factories";
import { addBooking, addConversation, described, failure } from "./support";

describe("possible duplicates", () => {
  it("same email, very similar names; never merged records or other people", async () => {
    const t = await createTestTenant();
    const caller = callerFor(t.owner, t.id);
    const david = await caller.customers.create({ name: "David Thompson", phone: "5125550101", email: "david.thompson@example.com" });
    const dave = await caller.customers.create({ name: "Dave Thompson", phone: "5125550191" });
    const sameEmail = await caller.customers.create({ name: "D. T.", email: "David.Thompson@example.com" });
    const typo = await caller.customers.create({ name: "David Thomspon" });
    await caller.customers.create({ name: "Marcus Johnson", phone: "5125550107" });
    await caller.customers.create({ name: "Thompson Plumbing LLC", email: "office@thompson.example" });

    const found = await caller.customers.duplicates({ id: david.id });
    expect(found.map((d) => [d.customer.id, d.reasons])).toEqual([
      [dave.id, ["name"]],
      [sameEmail.id, ["email"]],
      [typo.id, ["name"]],
    ]);
    expect(found[0].customer).toMatchObject({ name: "Dave Thompson", phone: "+15125550191" });

    const accents = await caller.customers.create({ name: "Alejandra Gómez Pérez" });
    const plain = await caller.customers.create({ name: "alejandra gomez" });
    expect((await caller.customers.duplicates({ id: plain.id })).map((d) => d.customer.id)).toEqual([accents.id]);

    await caller.customers.merge({ survivorId: david.id, duplicateId: dave.id });
    expect((await caller.customers.duplicates({ id: david.id })).map((d) => d.customer.id)).toEqual([sameEmail.id, typo.id]);
    expect(await caller.customers.duplicates({ id: dave.id })).toEqual([]);
  });
});

describe("merging customers", () => {
  async function pair() {
    const t = await createTestTenant();
    const caller = callerFor(t.owner, t.id, "es");
    const survivor = await caller.customers.create({
      name: "Alejandra Gómez",
      phone: "5125550103",
      tags: ["vip"],
      fields: { vehicles: ["2019 Honda CR-V (white)"] },
      notes: "Prefiere mensajes en español.",
      smsConsent: { source: "booking.public", words: "I agree to receive texts." },
    });
    const duplicate = await caller.customers.create({
      name: "Ale Gomez",
      phone: "5125550188",
      email: "ale@example.com",
      tags: ["fleet", "VIP"],
      fields: { vehicles: ["2019 honda cr-v (white)", "2022 Ford Transit"] },
      notes: "Gate code 4411.",
      address: { line1: "9 Elm St", city: "Austin" },
      smsConsent: { source: "dashboard.phoneCall" },
    });
    return { t, caller, survivor, duplicate };
  }

  it("moves bookings, the conversation (messages join the survivor's thread) and earlier merges; unites tags, fields and notes; hides the duplicate", async () => {
    const { t, caller, survivor, duplicate } = await pair();
    const older = await caller.customers.create({ name: "A. Gómez", phone: "5125550189" });
    await caller.customers.merge({ survivorId: duplicate.id, duplicateId: older.id }); // an earlier merge into the duplicate
    await addBooking(t.id, survivor.id, { daysFromNow: -5 });
    await addBooking(t.id, duplicate.id, { daysFromNow: -9 });
    await addBooking(t.id, duplicate.id, { daysFromNow: 3 });
    const own = await addConversation(t.id, survivor.id, { count: 2, unread: 1, at: new Date(Date.now() - 3_600_000) });
    await addConversation(t.id, duplicate.id, { count: 3, unread: 2, at: new Date(), aiEnabled: false });

    const result = await caller.customers.merge({ survivorId: survivor.id, duplicateId: duplicate.id });
    expect(result.moved).toEqual({ bookings: 2, messages: 3, conversation: "combined", mergedRecords: 1, phone: false });
    expect(result.survivor).toMatchObject({
      name: "Alejandra Gómez",
      phone: "+15125550103",
      email: "ale@example.com",
      tags: ["vip", "fleet"],
      fields: { vehicles: ["2019 Honda CR-V (white)", "2022 Ford Transit"] },
      notes: "Prefiere mensajes en español.\n\nGate code 4411.",
      address: { line1: "9 Elm St", city: "Austin" },
      smsConsent: { granted: true, source: "booking.public" },
    });

    const state = await withTenant(t.id, async (db) => ({
      bookings: await db.booking.groupBy({ by: ["customerId"], _count: { _all: true } }),
      conversations: await db.conversation.findMany(),
      messages: await db.message.count({ where: { conversationId: own.id } }),
      hidden: await db.customer.findMany({ where: { mergedIntoId: { not: null } }, select: { id: true, mergedIntoId: true, phone: true } }),
      audit: await db.auditEntry.findMany({ where: { action: "customer.merged", targetId: survivor.id } }),
    }));
    expect(state.bookings).toEqual([{ customerId: survivor.id, _count: { _all: 3 } }]);
    expect(state.conversations).toHaveLength(1);
    expect(state.conversations[0]).toMatchObject({
      id: own.id,
      customerId: survivor.id,
      unreadCount: 3,
      aiEnabled: false,
      lastMessagePreview: `last of ${duplicate.id}`,
    });
    expect(state.messages).toBe(5);
    expect(state.hidden.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [
        { id: duplicate.id, mergedIntoId: survivor.id, phone: "+15125550188" },
        { id: older.id, mergedIntoId: survivor.id, phone: "+15125550189" },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(state.audit).toHaveLength(1);
    expect(state.audit[0]).toMatchObject({ actorUserId: t.owner.id, data: { duplicateId: duplicate.id, bookings: 2, messages: 3 } });

    // Hidden from lists and search; the page of the survivor shows everything.
    expect((await caller.customers.list({ q: "gomez" })).items.map((i) => i.id)).toEqual([survivor.id]);
    const details = await caller.customers.get({ id: survivor.id });
    expect(details.bookings.total).toBe(3);
    expect(details.mergedFrom.map((m) => m.id).sort()).toEqual([duplicate.id, older.id].sort());
    // The consent ledger is append-only: the duplicate's statements stay its own and show up in the survivor's history.
    expect(details.consentHistory.map((e) => e.source)).toEqual(["dashboard.phoneCall", "booking.public"]);
    expect(await withTenant(t.id, (db) => db.consentEvent.count({ where: { customerId: duplicate.id } }))).toBe(1);

    // A text or a booking from the duplicate's number reaches the survivor.
    expect((await caller.customers.byPhone({ phone: "512-555-0188" }))?.id).toBe(survivor.id);
    expect((await withTenant(t.id, (db) => upsertCustomerByPhone(db, { phone: "5125550189" }))).customer.id).toBe(survivor.id);
    // The survivor may take over the duplicate's number: the hidden record gives it up.
    expect((await caller.customers.update({ id: survivor.id, phone: "5125550188" })).phone).toBe("+15125550188");

    // Merged records cannot be merged or edited again.
    expect((await failure(caller.customers.merge({ survivorId: survivor.id, duplicateId: duplicate.id }))).code).toBe("CONFLICT");
    expect((await failure(caller.customers.update({ id: duplicate.id, name: "X" }))).code).toBe("CONFLICT");
    expect((await described(caller.customers.merge({ survivorId: survivor.id, duplicateId: survivor.id }), "es")).i18nKey).toBe(
      "errors:customers.mergeSelf",
    );
  });

  it("a survivor without a phone takes the duplicate's number and its consent; a lone conversation moves", async () => {
    const t = await createTestTenant();
    const caller = callerFor(t.owner, t.id);
    const survivor = await caller.customers.create({ name: "Marcus Johnson", email: "marcus@example.com" });
    const duplicate = await caller.customers.create({
      name: "Marcus Jonson",
      phone: "5125550107",
      smsConsent: { source: "booking.public" },
    });
    const conversation = await addConversation(t.id, duplicate.id, { count: 1 });
    const { survivor: merged, moved } = await caller.customers.merge({ survivorId: survivor.id, duplicateId: duplicate.id });
    expect(moved).toMatchObject({ conversation: "moved", phone: true, messages: 0 });
    expect(merged).toMatchObject({ phone: "+15125550107", smsConsent: { granted: true, source: "booking.public" } });
    expect(await withTenant(t.id, (db) => db.conversation.findUniqueOrThrow({ where: { id: conversation.id } }))).toMatchObject({
      customerId: survivor.id,
    });
    expect((await caller.customers.byPhone({ phone: "5125550107" }))?.id).toBe(survivor.id);
  });

  it("is atomic: a failure at the last step leaves both records, bookings and messages as they were", async () => {
    const { t, survivor, duplicate } = await pair();
    await addBooking(t.id, duplicate.id, { daysFromNow: -4 });
    await addConversation(t.id, survivor.id, { count: 1 });
    const theirs = await addConversation(t.id, duplicate.id, { count: 2 });
    const snapshot = () =>
      withTenant(t.id, async (db) => ({
        customers: await db.customer.findMany({ orderBy: { id: "asc" } }),
        bookings: await db.booking.findMany({ orderBy: { id: "asc" }, select: { id: true, customerId: true } }),
        conversations: await db.conversation.findMany({ orderBy: { id: "asc" } }),
        messages: await db.message.findMany({ orderBy: { id: "asc" }, select: { id: true, conversationId: true } }),
      }));
    const before = await snapshot();
    // The audit row is the last write: make it fail after everything else has been changed.
    const failingAudit = (db: TenantDb) =>
      new Proxy(db, {
        get(target, prop, receiver) {
          if (prop === "auditEntry") return { create: () => Promise.reject(new Error("disk full")) };
          return Reflect.get(target, prop, receiver);
        },
      });
    await expect(withTenant(t.id, (db) => mergeCustomers(failingAudit(db), survivor.id, duplicate.id, t.owner.id))).rejects.toThrow(
      "disk full",
    );
    expect(await snapshot()).toEqual(before);
    expect(before.messages.filter((m) => m.conversationId === theirs.id)).toHaveLength(2);
  });
});
