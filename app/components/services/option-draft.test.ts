import { describe, expect, it } from "vitest";
import { quote } from "#server/catalog/options";
import { fromDraft, parseDraft, toDraft, type DraftGroup } from "./option-draft";

const draft: DraftGroup[] = [
  {
    uid: "g1",
    key: null,
    nameEn: "Vehicle size",
    nameEs: "Tamaño",
    kind: "SINGLE",
    defaultUid: "c1",
    choices: [
      { uid: "c1", key: null, nameEn: "Sedan", nameEs: "Sedán", price: "0", minutes: "0" },
      { uid: "c2", key: null, nameEn: "SUV", nameEs: "SUV", price: "+25.50", minutes: "+30" },
      { uid: "c3", key: null, nameEn: "Coupe", nameEs: "Cupé", price: "-$10", minutes: "-15" },
    ],
  },
];

describe("option draft", () => {
  it("turns dollars and minutes as typed into cents and minutes, with slug keys and the default", () => {
    const { groups, fields } = fromDraft(draft);
    expect(fields).toEqual({});
    expect(groups[0]).toMatchObject({ key: "vehicle-size", defaultChoiceKey: "sedan" });
    expect(groups[0]?.choices.map((c) => [c.key, c.priceDeltaCents, c.durationDeltaMinutes])).toEqual([
      ["sedan", 0, 0],
      ["suv", 2550, 30],
      ["coupe", -1000, -15],
    ]);
    expect(
      quote(
        { priceCents: 10000, durationMinutes: 60, optionGroups: groups, depositRule: { type: "percent", percent: 10 } },
        { "vehicle-size": ["suv"] },
      ),
    ).toMatchObject({ priceCents: 12550, durationMinutes: 90, depositCents: 1255 });
    // Saved and read back, the draft keeps its keys.
    expect(fromDraft(toDraft(groups)).groups).toEqual(groups);
  });

  it("points at what cannot be read", () => {
    const bad = [{ ...draft[0]!, nameEs: " ", choices: [{ ...draft[0]!.choices[0]!, price: "ten", minutes: "1.5" }] }];
    expect(fromDraft(bad).fields).toEqual({
      "optionGroups.0.name": "dashboard:services.errors.nameRequired",
      "optionGroups.0.choices.0.priceDeltaCents": "dashboard:services.errors.badAmount",
      "optionGroups.0.choices.0.durationDeltaMinutes": "dashboard:services.errors.badMinutes",
    });
    expect(parseDraft("not json")).toBeNull();
    expect(parseDraft(JSON.stringify(draft))).toEqual(draft);
  });
});
