import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../../../server/db/db.server";
import { setSmsConsent } from "../../../server/customers/sms-consent.server";
import { upsertCustomerByPhone } from "../../../server/customers/customers.server";
import { callerFor, createMember, createTestTenant, type TestTenant } from "../../helpers/factories";
import { addBooking, described } from "./support";

describe("customer search", () => {
  let t: TestTenant;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestTenant();
    const caller = callerFor(t.owner, t.id);
    const people = [
      { key: "maria", name: "María Rodríguez", phone: "5125550142", email: "mrodriguez@example.com", tags: ["vip"] },
      { key: "marcus", name: "Marcus Johnson", phone: "5125550107", email: "marcus.j@example.com", tags: ["fleet"] },
      { key: "ale", name: "Alejandra Gómez", phone: "+52 55 1234 5678", email: "ale.gomez@correo.mx", tags: ["vip", "fleet"] },
      { key: "david", name: "David Thompson", phone: "5125550101", email: "dthompson@example.com", tags: [] },
      { key: "nophone", name: "Zoe Martin", email: "zoe@example.org", tags: [] },
    ];
    for (const p of people)
      ids[p.key] = (await caller.customers.create({ name: p.name, phone: p.phone ?? null, email: p.email, tags: p.tags })).id;
    await addBooking(t.id, ids.david, { daysFromNow: -20, status: "COMPLETED" });
    await addBooking(t.id, ids.david, { daysFromNow: -2, status: "COMPLETED" });
    await addBooking(t.id, ids.david, { daysFromNow: 6, status: "CONFIRMED" });
    await addBooking(t.id, ids.david, { daysFromNow: -1, status: "CANCELLED" });
  });

  const find = async (q: string, tag?: string) => (await callerFor(t.owner, t.id).customers.list({ q, tag })).items.map((i) => i.name);

  it("partial words are prefixes, with or without accents, case-insensitive", async () => {
    expect(await find("mar")).toEqual(["Marcus Johnson", "María Rodríguez", "Zoe Martin"]);
    expect(await find("maria")).toEqual(["María Rodríguez"]);
    expect(await find("MARÍA rod")).toEqual(["María Rodríguez"]);
    expect(await find("gomez")).toEqual(["Alejandra Gómez"]);
    expect(await find("johnson marcus")).toEqual(["Marcus Johnson"]);
    expect(await find("nobody")).toEqual([]);
    expect(await find("!!!")).toEqual([]);
  });

  it("email starts and fragments", async () => {
    expect(await find("dthompson")).toEqual(["David Thompson"]);
    expect(await find("marcus.j@exa")).toEqual(["Marcus Johnson"]);
    expect(await find("zoe@example.org")).toEqual(["Zoe Martin"]);
  });

  it("digits find phone numbers however they are typed, whole or in part", async () => {
    expect(await find("(512) 555-0142")).toEqual(["María Rodríguez"]);
    expect(await find("+1 512 555 0101")).toEqual(["David Thompson"]);
    expect(await find("0107")).toEqual(["Marcus Johnson"]);
    expect(await find("512555")).toEqual(["David Thompson", "Marcus Johnson", "María Rodríguez"]);
    expect(await find("55 1234")).toEqual(["Alejandra Gómez"]);
    expect(await find("marcus 0107")).toEqual(["Marcus Johnson"]);
    expect(await find("marcus 0142")).toEqual([]);
  });

  it("the tag filter, alone or with a search", async () => {
    expect(await find("", "VIP")).toEqual(["Alejandra Gómez", "María Rodríguez"]);
    expect(await find("ale", "fleet")).toEqual(["Alejandra Gómez"]);
    expect((await callerFor(t.owner, t.id).customers.context()).tags).toEqual(["fleet", "vip"]);
  });

  it("pages by name with a cursor; rows carry the last and next visit", async () => {
    const caller = callerFor(t.owner, t.id);
    const first = await caller.customers.list({ limit: 2 });
    const second = await caller.customers.list({ limit: 2, cursor: first.nextCursor! });
    const third = await caller.customers.list({ limit: 2, cursor: second.nextCursor! });
    expect([...first.items, ...second.items, ...third.items].map((i) => i.name)).toEqual([
      "Alejandra Gómez",
      "David Thompson",
      "Marcus Johnson",
      "María Rodríguez",
      "Zoe Martin",
    ]);
    expect(third.nextCursor).toBeNull();
    const david = first.items[1];
    expect(david.lastBookingAt!.getTime()).toBeLessThan(Date.now());
    expect(david.lastBookingAt!.getTime()).toBeGreaterThan(Date.now() - 3 * 86_400_000); // the cancelled job does not count
    expect(david.nextBookingAt!.getTime()).toBeGreaterThan(Date.now() + 5 * 86_400_000);
    expect(first.items[0]).toMatchObject({ lastBookingAt: null, nextBookingAt: null, phone: "+525512345678" });
  });
});

describe("SMS consent", () => {
  it("every statement is appended to the ledger with who, when, how and the words; the customer holds the latest", async () => {
    const t = await createTestTenant();
    const manager = await createMember(t.id, "MANAGER");
    const caller = callerFor(manager.user, t.id);
    const c = await caller.customers.create({
      name: "Alejandra Gómez",
      phone: "5125550103",
      smsConsent: { source: "dashboard.inPerson", words: "Sí, pueden mandarme mensajes." },
    });
    expect(c.smsConsent).toMatchObject({ granted: true, source: "dashboard.inPerson" });

    const stop = await withTenant(t.id, (db) => setSmsConsent(db, c.id, { granted: false, source: "sms.keyword", words: "STOP" }));
    expect(stop).toMatchObject({ customerId: c.id, granted: false, source: "sms.keyword", changed: true });
    await caller.customers.setConsent({ id: c.id, granted: true, method: "phoneCall", words: "Customer asked to get reminders again." });

    const details = await caller.customers.get({ id: c.id });
    expect(details.customer.smsConsent).toMatchObject({ granted: true, source: "dashboard.phoneCall" });
    expect(details.consentHistory.map((e) => [e.action, e.source, e.words, e.actor?.name ?? null, e.phone])).toEqual([
      ["OPT_IN", "dashboard.phoneCall", "Customer asked to get reminders again.", manager.user.name, "+15125550103"],
      ["OPT_OUT", "sms.keyword", "STOP", null, "+15125550103"],
      ["OPT_IN", "dashboard.inPerson", "Sí, pueden mandarme mensajes.", manager.user.name, "+15125550103"],
    ]);
    expect(details.consentHistory.every((e) => e.channel === "SMS" && e.at instanceof Date)).toBe(true);

    // A new number withdraws consent: it was given for the old one.
    const moved = await caller.customers.update({ id: c.id, phone: "5125550199" });
    expect(moved.smsConsent).toMatchObject({ granted: false, source: "customers.phoneChanged" });
    const ledger = await withTenant(t.id, (db) =>
      db.consentEvent.findMany({ where: { customerId: c.id }, orderBy: { createdAt: "desc" }, take: 1 }),
    );
    expect(ledger[0]).toMatchObject({
      action: "OPT_OUT",
      phone: "+15125550103",
      source: "customers.phoneChanged",
      actorUserId: manager.user.id,
    });
  });

  it("consent needs a phone number; the ledger cannot be rewritten by the tenant", async () => {
    const t = await createTestTenant();
    const caller = callerFor(t.owner, t.id, "es");
    const c = await caller.customers.create({ name: "Sin Teléfono", email: "x@example.com" });
    const refused = await described(caller.customers.setConsent({ id: c.id, granted: true, method: "paperForm" }), "es");
    expect(refused).toMatchObject({ code: "BAD_REQUEST", i18nKey: "errors:customers.consentNeedsPhone" });
    expect(await withTenant(t.id, (db) => db.consentEvent.count())).toBe(0);

    await caller.customers.update({ id: c.id, phone: "5125550150" });
    await caller.customers.setConsent({ id: c.id, granted: true, method: "paperForm" });
    await expect(withTenant(t.id, (db) => db.consentEvent.updateMany({ data: { action: "OPT_OUT" } }))).rejects.toThrow();
    await expect(withTenant(t.id, (db) => db.consentEvent.deleteMany({}))).rejects.toThrow();
    expect(await withTenant(t.id, (db) => db.consentEvent.count({ where: { action: "OPT_IN" } }))).toBe(1);
  });

  it("upsertCustomerByPhone: finds by any spelling, creates once, fills a missing email, never renames", async () => {
    const t = await createTestTenant({ input: { locale: "es" } });
    const first = await withTenant(t.id, (db) => upsertCustomerByPhone(db, { phone: "(512) 555-0177" }));
    expect(first.created).toBe(true);
    expect(first.customer).toMatchObject({ name: "(512) 555-0177", phone: "+15125550177", locale: "es" });
    const again = await withTenant(t.id, (db) =>
      upsertCustomerByPhone(db, { phone: "+15125550177", name: "Someone Else", email: "new@example.com" }),
    );
    expect(again).toMatchObject({ created: false, customer: { id: first.customer.id, name: "(512) 555-0177", email: "new@example.com" } });
    // Two first contacts at once: one customer.
    const racers = await Promise.all(
      [0, 1, 2].map(() => withTenant(t.id, (db) => upsertCustomerByPhone(db, { phone: "512 555 0178", name: "Racer" }))),
    );
    expect(new Set(racers.map((r) => r.customer.id)).size).toBe(1);
    expect(racers.filter((r) => r.created)).toHaveLength(1);
    await expect(withTenant(t.id, (db) => upsertCustomerByPhone(db, { phone: "555" }))).rejects.toMatchObject({
      kind: "Invalid",
      fields: { phone: "errors:validation.phoneE164" },
    });
  });
});
