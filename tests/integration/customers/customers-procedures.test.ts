import { describe, expect, it } from "vitest";
import { withTenant } from "../../../server/db/db.server";
import { translateNow } from "../../../server/i18n/translate.server";
import { callerFor, createMember, createTestTenant } from "../../helpers/factories";
import { addBooking, described, failure } from "./support";

describe("customers procedures", () => {
  it("create normalises the phone to E.164, tags, email and trade fields; get returns it with its bookings", async () => {
    const t = await createTestTenant({ packKey: "auto-detailing" });
    const caller = callerFor(t.owner, t.id);
    const created = await caller.customers.create({
      name: "  María Gómez ",
      phone: "(512) 555-0142",
      email: " Maria.Gomez@Example.COM ",
      tags: ["VIP", "#vip", " Monthly  plan "],
      fields: { vehicles: ["2019 Honda CR-V (white)", " ", "2019 honda cr-v (white)"] },
      notes: "Gate on the left",
      address: { line1: "12 Oak St", city: "Austin", state: "TX", postalCode: "78701", line2: "" },
    });
    expect(created).toMatchObject({
      name: "María Gómez",
      phone: "+15125550142",
      email: "maria.gomez@example.com",
      locale: "en", // the business's language
      tags: ["vip", "monthly plan"],
      fields: { vehicles: ["2019 Honda CR-V (white)"] },
      address: { line1: "12 Oak St", city: "Austin", state: "TX", postalCode: "78701" },
      smsConsent: { granted: false, source: null, at: null },
      mergedIntoId: null,
    });
    const intl = await caller.customers.create({ name: "Luis", phone: "+52 55 1234 5678", locale: "es" });
    expect(intl.phone).toBe("+525512345678");

    await addBooking(t.id, created.id, { daysFromNow: -10, status: "COMPLETED", priceCents: 12_000 });
    await addBooking(t.id, created.id, { daysFromNow: -3, status: "NO_SHOW" });
    await addBooking(t.id, created.id, { daysFromNow: 4, status: "CONFIRMED" });
    const details = await caller.customers.get({ id: created.id });
    expect(details.customer.id).toBe(created.id);
    expect(details.bookings).toMatchObject({ total: 3, upcoming: 1, completed: 1, missed: 1, completedCents: 12_000 });
    expect(details.bookings.nextAt!.getTime()).toBeGreaterThan(Date.now());
    expect(details.bookings.lastAt!.getTime()).toBeLessThan(Date.now());
    expect(details.bookings.recent.map((b) => b.status)).toEqual(["CONFIRMED", "NO_SHOW", "COMPLETED"]);
    expect(details.bookings.recent[0].service.en).not.toBe("");

    expect(await caller.customers.byPhone({ phone: "512-555-0142" })).toMatchObject({ id: created.id });
    expect(await caller.customers.byPhone({ phone: "not a phone" })).toBeNull();

    const audit = await withTenant(t.id, (db) => db.auditEntry.findMany({ where: { targetType: "customer", targetId: created.id } }));
    expect(audit.map((a) => [a.action, a.actorUserId])).toEqual([["customer.created", t.owner.id]]);
  });

  it("invalid input is BAD_REQUEST with field errors in the caller's language (English and Spanish)", async () => {
    const t = await createTestTenant();
    const bad = { name: " ", phone: "555-0142", email: "maria@", tags: ["x".repeat(40)] };
    const en = await described(callerFor(t.owner, t.id, "en").customers.create(bad), "en");
    expect(en).toMatchObject({
      code: "BAD_REQUEST",
      status: 400,
      i18nKey: "errors:invalidInput",
      message: "Some fields need your attention.",
      fields: {
        name: "This field is required.",
        phone: "Enter a valid phone number.",
        email: "Enter a valid email address.",
        "tags.0": "Use at most 32 characters.",
      },
    });
    const es = await described(callerFor(t.owner, t.id, "es").customers.create(bad), "es");
    expect(es).toMatchObject({
      message: "Algunos campos necesitan su atención.",
      fields: {
        name: "Este campo es obligatorio.",
        phone: "Escriba un número de teléfono válido.",
        email: "Escriba un correo electrónico válido.",
        "tags.0": "Use como máximo 32 caracteres.",
      },
    });

    // Trade fields are checked against the pack: a detailer keeps vehicles, not pets.
    const fieldsEs = await described(
      callerFor(t.owner, t.id, "es").customers.create({ name: "Ana", fields: { pets: ["Rex"], vehicles: ["ok"] } }),
      "es",
    );
    expect(fieldsEs).toMatchObject({ code: "BAD_REQUEST", fields: { "fields.pets": translateNow("es", "errors:customers.unknownField") } });
    // A list item over its limit says the limit (the shared text schema, before the pack is read).
    const longEs = await described(
      callerFor(t.owner, t.id, "es").customers.create({ name: "Ana", fields: { vehicles: ["ok", "y".repeat(201)] } }),
      "es",
    );
    expect(longEs).toMatchObject({ code: "BAD_REQUEST", fields: { "fields.vehicles.1": "Use como máximo 200 caracteres." } });
    const groomer = await createTestTenant({ packKey: "pet-grooming" });
    const pets = await callerFor(groomer.owner, groomer.id).customers.create({ name: "Ana", fields: { pets: ["Rex (beagle, 22 lb)"] } });
    expect(pets.fields).toEqual({ pets: ["Rex (beagle, 22 lb)"] });

    // Nothing was written by the refused calls.
    expect(await withTenant(t.id, (db) => db.customer.count())).toBe(0);
  });

  it("update is a patch; phone numbers stay unique per business with a translated conflict", async () => {
    const t = await createTestTenant();
    const caller = callerFor(t.owner, t.id, "es");
    const a = await caller.customers.create({
      name: "David Thompson",
      phone: "5125550101",
      fields: { vehicles: ["Tacoma"] },
      tags: ["vip"],
    });
    const b = await caller.customers.create({ name: "Marcus Johnson", phone: "5125550107" });

    const updated = await caller.customers.update({ id: a.id, email: "DAVID@example.com", fields: { vehicles: ["Tacoma", "Civic"] } });
    expect(updated).toMatchObject({
      name: "David Thompson",
      phone: "+15125550101",
      email: "david@example.com",
      tags: ["vip"],
      fields: { vehicles: ["Tacoma", "Civic"] },
    });
    expect((await caller.customers.update({ id: a.id, fields: { vehicles: null }, notes: "" })).fields).toEqual({});

    const conflict = await described(caller.customers.update({ id: b.id, phone: "(512) 555-0101" }), "es");
    expect(conflict).toMatchObject({ code: "CONFLICT", status: 409, i18nKey: "errors:customers.phoneTaken" });
    expect(conflict.fields).toEqual({ phone: translateNow("es", "errors:customers.phoneTaken", { name: "David Thompson" }) });
    expect((await failure(caller.customers.create({ name: "Other", phone: "+1 512 555 0107" }))).code).toBe("CONFLICT");

    const invalid = await described(caller.customers.update({ id: b.id, phone: "12" }), "es");
    expect(invalid.fields).toEqual({ phone: "Escriba un número de teléfono válido." });
    expect((await failure(caller.customers.update({ id: "no-such-customer", name: "X" }))).code).toBe("NOT_FOUND");

    // Clearing the phone is allowed (email-only customers exist).
    expect((await caller.customers.update({ id: b.id, phone: "" })).phone).toBeNull();
  });

  it("role gates: STAFF reads; MANAGER and OWNER change", async () => {
    const t = await createTestTenant();
    const [staff, manager] = await Promise.all([createMember(t.id, "STAFF"), createMember(t.id, "MANAGER")]);
    const asStaff = callerFor(staff.user, t.id, "es");
    const asManager = callerFor(manager.user, t.id);
    const c = await asManager.customers.create({ name: "Alejandra Gómez", phone: "5125550103" });

    expect((await asStaff.customers.list({})).items.map((i) => i.id)).toEqual([c.id]);
    expect((await asStaff.customers.get({ id: c.id })).customer.name).toBe("Alejandra Gómez");
    expect(await asStaff.customers.duplicates({ id: c.id })).toEqual([]);
    expect((await asStaff.customers.context()).fields.map((f) => f.key)).toEqual(["vehicles"]);

    const refused = await described(asStaff.customers.update({ id: c.id, name: "X" }), "es");
    expect(refused).toMatchObject({ code: "FORBIDDEN", message: "No tiene permiso para hacer eso." });
    expect((await failure(asStaff.customers.create({ name: "New" }))).code).toBe("FORBIDDEN");
    expect((await failure(asStaff.customers.setConsent({ id: c.id, granted: true, method: "phoneCall" }))).code).toBe("FORBIDDEN");
    const other = await asManager.customers.create({ name: "Alejandra Gomez" });
    expect((await failure(asStaff.customers.merge({ survivorId: c.id, duplicateId: other.id }))).code).toBe("FORBIDDEN");

    expect((await asManager.customers.update({ id: c.id, locale: "es" })).locale).toBe("es");
    expect((await callerFor(t.owner, t.id).customers.setConsent({ id: c.id, granted: true, method: "inPerson" })).granted).toBe(true);
    expect((await failure(callerFor(null, t.id).customers.list({}))).code).toBe("UNAUTHORIZED");
  });

  it("tenant isolation: another business cannot read, find, update, consent or merge these customers", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const asA = callerFor(a.owner, a.id);
    const asB = callerFor(b.owner, b.id);
    const mine = await asA.customers.create({ name: "Maria Rodriguez", phone: "5125550142", email: "maria@example.com" });
    const theirs = await asB.customers.create({ name: "Maria Rodriguez", phone: "5125550142" }); // the same number is fine in another business

    for (const call of [
      () => asB.customers.get({ id: mine.id }),
      () => asB.customers.update({ id: mine.id, name: "Hacked" }),
      () => asB.customers.setConsent({ id: mine.id, granted: true, method: "other" }),
      () => asB.customers.duplicates({ id: mine.id }),
      () => asB.customers.merge({ survivorId: theirs.id, duplicateId: mine.id }),
      () => asB.customers.merge({ survivorId: mine.id, duplicateId: theirs.id }),
    ]) {
      // One call at a time: a promise created before its turn would reject unobserved.
      expect((await failure(call())).code).toBe("NOT_FOUND");
    }
    expect((await asB.customers.list({ q: "maria" })).items.map((i) => i.id)).toEqual([theirs.id]);
    expect((await asB.customers.byPhone({ phone: "5125550142" }))?.id).toBe(theirs.id);
    expect(await asB.customers.duplicates({ id: theirs.id })).toEqual([]);
    // A's member working on B without a membership is refused before any lookup.
    expect((await failure(callerFor(a.owner, b.id).customers.get({ id: theirs.id }))).code).toBe("FORBIDDEN");

    const stillMine = await asA.customers.get({ id: mine.id });
    expect(stillMine.customer).toMatchObject({ name: "Maria Rodriguez", smsConsent: { granted: false }, mergedIntoId: null });
    expect(await withTenant(a.id, (db) => db.consentEvent.count())).toBe(0);
  });
});
