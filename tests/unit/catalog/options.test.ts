import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidSelectionError, quote, toggleChoice } from "../../../server/catalog/options";

const size = {
  key: "size",
  name: { en: "Vehicle size", es: "Tamaño del vehículo" },
  kind: "SINGLE" as const,
  defaultChoiceKey: "sedan",
  choices: [
    { key: "sedan", name: { en: "Sedan", es: "Sedán" }, priceDeltaCents: 0, durationDeltaMinutes: 0 },
    { key: "suv", name: { en: "SUV", es: "SUV" }, priceDeltaCents: 3000, durationDeltaMinutes: 30 },
  ],
};
const addons = {
  key: "addons",
  name: { en: "Add-ons", es: "Extras" },
  kind: "MULTI" as const,
  defaultChoiceKey: null,
  choices: [
    { key: "pet-hair", name: { en: "Pet hair", es: "Pelo de mascota" }, priceDeltaCents: 2500, durationDeltaMinutes: 20 },
    { key: "engine", name: { en: "Engine bay", es: "Motor" }, priceDeltaCents: 4000, durationDeltaMinutes: 30 },
  ],
};
const service = { priceCents: 19900, durationMinutes: 180, optionGroups: [size, addons], depositRule: { type: "percent", percent: 20 } };

describe("service options", () => {
  it("prices the default choices when nothing is picked", () => {
    expect(quote(service)).toMatchObject({
      priceCents: 19900,
      durationMinutes: 180,
      depositCents: 3980,
      choices: [{ choiceKey: "sedan" }],
    });
  });

  it("adds price and time for a bigger vehicle and add-ons", () => {
    const q = quote(service, { size: ["suv"], addons: ["pet-hair", "engine"] });
    expect(q.priceCents).toBe(19900 + 3000 + 2500 + 4000);
    expect(q.durationMinutes).toBe(180 + 30 + 20 + 30);
    expect(q.depositCents).toBe(Math.round(q.priceCents * 0.2));
  });

  it("refuses unknown groups and choices, and two picks in a single-choice group", () => {
    expect(() => quote(service, { colour: ["red"] })).toThrow(InvalidSelectionError);
    expect(() => quote(service, { size: ["truck"] })).toThrow(InvalidSelectionError);
    expect(() => quote(service, { size: ["sedan", "suv"] })).toThrow(InvalidSelectionError);
  });

  it("a fixed deposit never exceeds the price; no deposit rule means none", () => {
    expect(quote({ ...service, depositRule: { type: "fixed", amountCents: 999999 } }).depositCents).toBe(19900);
    expect(quote({ ...service, depositRule: { type: "none" } }).depositCents).toBe(0);
  });

  it("never quotes below 0 cents or 5 minutes, whatever the deltas", () => {
    fc.assert(
      fc.property(fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: -600, max: 600 }), (dp, dm) => {
        const g = { ...size, choices: [{ ...size.choices[0], priceDeltaCents: dp, durationDeltaMinutes: dm }, size.choices[1]] };
        const q = quote({ priceCents: 5000, durationMinutes: 60, optionGroups: [g], depositRule: { type: "none" } });
        return q.priceCents >= 0 && q.durationMinutes >= 5 && Number.isInteger(q.priceCents);
      }),
    );
  });
});

describe("toggleChoice", () => {
  it("a single-choice group keeps only the picked choice; a multi-choice group adds and removes", () => {
    const size = { key: "size", kind: "SINGLE" as const };
    const addons = { key: "addons", kind: "MULTI" as const };
    expect(toggleChoice({ size: ["sedan"] }, size, "suv", true)).toEqual({ size: ["suv"] });
    let s = toggleChoice({}, addons, "wax", true);
    s = toggleChoice(s, addons, "pet-hair", true);
    s = toggleChoice(s, addons, "wax", true); // ticking twice does not duplicate
    expect(s).toEqual({ addons: ["pet-hair", "wax"] });
    expect(toggleChoice(s, addons, "wax", false)).toEqual({ addons: ["pet-hair"] });
  });
});
