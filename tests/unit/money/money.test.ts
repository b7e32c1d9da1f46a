import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { centsToInput, formatCents, parseMoneyToCents } from "#server/money/money";

describe("money", () => {
  it.each([
    ["49", 4900],
    ["49.5", 4950],
    ["49.50", 4950],
    ["$49.99", 4999],
    ["1,299.00", 129900],
    ["49,50", 4950],
    ["1.299,95", 129995],
    ["0", 0],
    ["  12.3 ", 1230],
  ])("parses %s as %i cents", (input, cents) => {
    expect(parseMoneyToCents(input)).toBe(cents);
  });

  it.each(["", "abc", "12.345", "1,2,3", "$", "12..3"])("rejects %j", (input) => {
    expect(parseMoneyToCents(input)).toBeNull();
  });

  it("round-trips every amount through its input text", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000_000 }), (cents) => parseMoneyToCents(centsToInput(cents)) === cents));
  });

  it("formats for each language", () => {
    expect(formatCents(129900, "en")).toBe("$1,299.00");
    expect(formatCents(4950, "es")).toMatch(/49[.,]50/);
  });
});
