import { describe, expect, it } from "vitest";
import { editDistance, nameWords, namesLookAlike } from "../../../server/customers/duplicate-names";

describe("namesLookAlike", () => {
  it.each([
    ["María Rodríguez", "maria rodriguez", "accents and case"],
    ["Gómez, Alejandra", "Alejandra Gómez", "word order"],
    ["Alejandra Gómez", "Alejandra Gómez Pérez", "a second surname"],
    ["Maria Elena Rodriguez", "Maria Rodriguez", "a middle name"],
    ["J. Smith", "John Smith", "an initial"],
    ["Dave Thompson", "David Thompson", "a short form"],
    ["Jhon Smith", "John Smith", "a typo"],
  ])("%s ~ %s (%s)", (a, b) => {
    expect(namesLookAlike(a, b)).toBe(true);
    expect(namesLookAlike(b, a)).toBe(true);
  });

  it.each([
    ["David Thompson", "Marcus Johnson"],
    ["Maria", "Maria Rodriguez"],
    ["Ana Gómez", "Ana Pérez"],
    ["(512) 555-0142", "(512) 555-0143"],
    ["", "David"],
  ])("%s is not %s", (a, b) => {
    expect(namesLookAlike(a, b)).toBe(false);
  });
});

describe("helpers", () => {
  it("nameWords folds accents and drops words without letters", () => {
    expect(nameWords("  Núñez-Peña, José 3rd (512) 555 ")).toEqual(["nunez", "pena", "jose", "3rd"]);
  });
  it("editDistance", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
    expect(editDistance("jhon", "john")).toBe(1);
  });
});
