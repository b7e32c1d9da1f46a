import { describe, expect, it } from "vitest";
import {
  applyFieldPatch,
  checkCustomerFields,
  FIELD_LIMITS,
  readFields,
  unionFields,
  type TCustomerFieldDef,
} from "../../../server/customers/customer-fields";
import { getPack } from "../../../server/packs";

const detailing = getPack("auto-detailing").customerFields;
const defs: TCustomerFieldDef[] = [
  { key: "vehicles", label: { en: "Vehicles", es: "Vehículos" }, type: "list" },
  { key: "gateCode", label: { en: "Gate code", es: "Código" }, type: "text" },
  { key: "dogs", label: { en: "Dogs", es: "Perros" }, type: "number" },
];

describe("checkCustomerFields", () => {
  it("the detailing pack keeps a vehicles list", () => {
    expect(detailing.map((f) => [f.key, f.type])).toEqual([["vehicles", "list"]]);
    expect(checkCustomerFields(detailing, { vehicles: [" 2021 Toyota  Tacoma ", "", "2021 toyota tacoma", "Ford F-150"] })).toEqual({
      values: { vehicles: ["2021 Toyota Tacoma", "Ford F-150"] },
      errors: {},
    });
  });

  it("cleans text, numbers (comma decimals too) and lists; blanks remove a key", () => {
    expect(checkCustomerFields(defs, { gateCode: " #1234 ", dogs: "2,5", vehicles: "Van\nTruck\n" })).toEqual({
      values: { gateCode: "#1234", dogs: 2.5, vehicles: ["Van", "Truck"] },
      errors: {},
    });
    expect(checkCustomerFields(defs, { gateCode: "", dogs: null, vehicles: [] }).values).toEqual({
      gateCode: null,
      dogs: null,
      vehicles: null,
    });
  });

  it("reports unknown keys, bad numbers and long values per field", () => {
    const long = "x".repeat(FIELD_LIMITS.listItemLength + 1);
    const { errors } = checkCustomerFields(defs, {
      pets: ["Rex"],
      dogs: "two",
      vehicles: ["ok", long],
      gateCode: "y".repeat(FIELD_LIMITS.textLength + 1),
    });
    expect(errors).toEqual({
      "fields.pets": "errors:customers.unknownField",
      "fields.dogs": "errors:customers.notANumber",
      "fields.vehicles.1": "errors:validation.tooLong",
      "fields.gateCode": "errors:validation.tooLong",
    });
  });

  it("a list may not be longer than the limit", () => {
    const many = Array.from({ length: FIELD_LIMITS.listItems + 1 }, (_, i) => `Car ${i}`);
    expect(checkCustomerFields(defs, { vehicles: many }).errors).toEqual({ "fields.vehicles": "errors:validation.tooLong" });
  });
});

describe("applyFieldPatch / unionFields / readFields", () => {
  it("a patch replaces given keys, removes nulls and keeps keys the pack no longer knows", () => {
    expect(applyFieldPatch({ vehicles: ["Van"], legacy: "kept" }, { vehicles: ["Truck"], gateCode: null })).toEqual({
      vehicles: ["Truck"],
      legacy: "kept",
    });
  });
  it("a merge unites lists and keeps the survivor's other values unless it has none", () => {
    expect(
      unionFields(
        { vehicles: ["Van", "Truck"], gateCode: "1234", dogs: 1 },
        { vehicles: ["truck", "Jeep"], gateCode: "9999", notes: "side door" },
      ),
    ).toEqual({
      vehicles: ["Van", "Truck", "Jeep"],
      gateCode: "1234",
      dogs: 1,
      notes: "side door",
    });
    expect(unionFields({ gateCode: "" }, { gateCode: "9999" })).toEqual({ gateCode: "9999" });
  });
  it("reads only strings, numbers and lists of strings from stored JSON", () => {
    expect(readFields({ a: "x", b: 2, c: ["y", 3], d: { no: true }, e: null })).toEqual({ a: "x", b: 2, c: ["y"] });
    expect(readFields(null)).toEqual({});
    expect(readFields([1])).toEqual({});
  });
});
