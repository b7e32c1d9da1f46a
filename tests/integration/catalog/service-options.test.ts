import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { quote } from "../../../server/catalog/options";
import { withTenant } from "../../../server/db/db.server";
import { describeError } from "../../../server/trpc/describe-error.server";
import { callerFor, createTestTenant } from "../../helpers/factories";

async function failure(p: Promise<unknown>): Promise<TRPCError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

const addStaff = (tenantId: string, name: string, active = true) =>
  withTenant(tenantId, async (db) => (await db.staff.create({ data: { tenantId, name, active }, select: { id: true } })).id);

const sizes = {
  key: "vehicle-size",
  name: { en: "Vehicle size", es: "Tamaño del vehículo" },
  kind: "SINGLE" as const,
  defaultChoiceKey: "sedan",
  choices: [
    { key: "sedan", name: { en: "Sedan", es: "Sedán" }, priceDeltaCents: 0, durationDeltaMinutes: 0 },
    { key: "suv", name: { en: "SUV", es: "SUV" }, priceDeltaCents: 2500, durationDeltaMinutes: 30 },
    { key: "coupe", name: { en: "Coupe", es: "Cupé" }, priceDeltaCents: -1000, durationDeltaMinutes: -15 },
  ],
};
const addOns = {
  key: "add-ons",
  name: { en: "Add-ons", es: "Extras" },
  kind: "MULTI" as const,
  defaultChoiceKey: null,
  choices: [
    { key: "pet-hair", name: { en: "Pet hair", es: "Pelo de mascota" }, priceDeltaCents: 3000, durationDeltaMinutes: 20 },
    { key: "clay-bar", name: { en: "Clay bar", es: "Barra de arcilla" }, priceDeltaCents: 4050, durationDeltaMinutes: 45 },
  ],
};
const base = { locale: "en" as const, name: "Full detail", durationMinutes: 120, priceCents: 15000 };

describe("services: options, deposit and who can do it", () => {
  it("round trip: create and update keep options, deposit and staff; the audit records the change; quote() of the saved service", async () => {
    const t = await createTestTenant();
    const caller = callerFor(t.owner, t.id);
    const ana = await addStaff(t.id, "Ana");
    const created = await caller.services.create({
      ...base,
      optionGroups: [sizes],
      depositRule: { type: "percent", percent: 20 },
      staffIds: [ana],
    });
    expect(created).toMatchObject({ optionGroups: [sizes], depositRule: { type: "percent", percent: 20 }, staffIds: [ana] });

    const listed = (await caller.services.list({ includeInactive: true })).find((s) => s.id === created.id);
    expect(listed).toMatchObject({ optionGroups: [sizes], depositRule: { type: "percent", percent: 20 }, staffIds: [ana] });
    expect((await caller.services.staffChoices()).map((s) => s.name)).toContain("Ana");

    const updated = await caller.services.update({
      id: created.id,
      service: { ...base, optionGroups: [sizes, addOns], depositRule: { type: "fixed", amountCents: 5000 }, staffIds: [] },
    });
    expect(updated).toMatchObject({ optionGroups: [sizes, addOns], depositRule: { type: "fixed", amountCents: 5000 }, staffIds: [] });

    // Omitted fields keep what is saved.
    const renamed = await caller.services.update({ id: created.id, service: { ...base, name: "Full detail+" } });
    expect(renamed).toMatchObject({ optionGroups: [sizes, addOns], depositRule: { type: "fixed", amountCents: 5000 } });

    const audit = await withTenant(t.id, (db) =>
      db.auditEntry.findMany({ where: { targetId: created.id }, orderBy: { createdAt: "asc" } }),
    );
    expect(audit.map((a) => a.action)).toEqual(["service.created", "service.updated", "service.updated"]);
    expect(audit[1]?.data).toMatchObject({
      from: { depositRule: { type: "percent", percent: 20 }, staffIds: [ana] },
      to: { depositRule: { type: "fixed", amountCents: 5000 }, staffIds: [] },
    });
    expect((audit[1]?.data as { to: { optionGroups: unknown[] } }).to.optionGroups).toHaveLength(2);

    const saved = await withTenant(t.id, (db) => db.service.findUniqueOrThrow({ where: { id: created.id } }));
    expect(quote(saved, {})).toMatchObject({ priceCents: 15000, durationMinutes: 120, depositCents: 5000 });
    expect(quote(saved, { "vehicle-size": ["suv"], "add-ons": ["pet-hair", "clay-bar"] })).toMatchObject({
      priceCents: 15000 + 2500 + 3000 + 4050,
      durationMinutes: 120 + 30 + 20 + 45,
      depositCents: 5000,
    });
    expect(quote(saved, { "vehicle-size": ["coupe"] })).toMatchObject({ priceCents: 14000, durationMinutes: 105 });
  });

  it("refuses bad options and deposits with field paths, translated", async () => {
    const t = await createTestTenant();
    const caller = callerFor(t.owner, t.id, "es");
    const badChoice = { ...sizes, choices: [{ ...sizes.choices[0], name: { en: "Sedan", es: "" } }, sizes.choices[0]] };
    const e1 = await failure(caller.services.create({ ...base, optionGroups: [badChoice] }));
    expect(e1.code).toBe("BAD_REQUEST");
    expect(Object.keys(describeError(e1, "es").fields ?? {})).toEqual(
      expect.arrayContaining(["optionGroups.0.choices.0.name.es", "optionGroups.0.choices"]),
    );

    const e2 = await failure(caller.services.create({ ...base, optionGroups: [sizes, sizes] }));
    expect(describeError(e2, "es").fields).toMatchObject({ optionGroups: "Cada clave debe ser distinta." });

    const e3 = await failure(caller.services.create({ ...base, priceCents: 4000, depositRule: { type: "fixed", amountCents: 4001 } }));
    expect(e3.code).toBe("BAD_REQUEST");
    expect(describeError(e3, "es").fields).toEqual({ "depositRule.amountCents": "Un depósito fijo no puede ser mayor que el precio." });
    expect(describeError(e3, "en").fields).toEqual({ "depositRule.amountCents": "A fixed deposit can't be more than the price." });

    const e4 = await failure(caller.services.create({ ...base, depositRule: { type: "percent", percent: 150 } }));
    expect(Object.keys(describeError(e4, "es").fields ?? {})).toContain("depositRule.percent");

    // A deposit equal to the price is allowed.
    expect(
      (await caller.services.create({ ...base, priceCents: 4000, depositRule: { type: "fixed", amountCents: 4000 } })).depositRule,
    ).toEqual({ type: "fixed", amountCents: 4000 });
  });

  it("tenant isolation: another tenant cannot update the service, and staff of another tenant (or inactive staff) are refused", async () => {
    const [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
    const service = await callerFor(a.owner, a.id).services.create({ ...base, optionGroups: [sizes] });
    const theirs = await addStaff(b.id, "Beto");
    const retired = await addStaff(a.id, "Retired", false);
    const mine = await addStaff(a.id, "Carla");

    const cross = await failure(callerFor(b.owner, b.id).services.update({ id: service.id, service: { ...base, optionGroups: [] } }));
    expect(cross.code).toBe("NOT_FOUND");
    expect((await failure(callerFor(b.owner, a.id).services.update({ id: service.id, service: base }))).code).toBe("FORBIDDEN");

    for (const ids of [[theirs], [mine, theirs], [retired]]) {
      const e = await failure(callerFor(a.owner, a.id).services.update({ id: service.id, service: { ...base, staffIds: ids } }));
      expect(describeError(e, "en").fields).toEqual({ staffIds: "Pick people from your own team." });
    }
    expect((await failure(callerFor(b.owner, b.id).services.create({ ...base, staffIds: [mine] }))).code).toBe("BAD_REQUEST");
    expect(await callerFor(b.owner, b.id).services.staffChoices()).not.toContainEqual(expect.objectContaining({ id: mine }));

    const after = await withTenant(a.id, (db) => db.service.findUniqueOrThrow({ where: { id: service.id } }));
    expect(after.optionGroups).toEqual([sizes]);
    expect(after.staffIds).toEqual([]);
  });
});
