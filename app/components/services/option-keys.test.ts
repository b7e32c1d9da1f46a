import { describe, expect, it } from "vitest";
import { assignKeys, slugKey } from "./option-keys";

describe("option keys", () => {
  it("slugs the English name and stays unique", () => {
    expect(slugKey("Pet hair removal", new Set())).toBe("pet-hair-removal");
    expect(slugKey("  Tamaño: SUV / Camión ", new Set())).toBe("tamano-suv-camion");
    expect(slugKey("!!!", new Set())).toBe("option");
    expect(slugKey("SUV", new Set(["suv", "suv-2"]))).toBe("suv-3");
    expect(slugKey("x".repeat(80), new Set())).toMatch(/^[a-z0-9-]{1,40}$/);
  });

  it("keeps saved keys and gives new items fresh ones", () => {
    const out = assignKeys([
      { key: "sedan", nameEn: "Car" },
      { key: null, nameEn: "Sedan" },
      { key: "sedan", nameEn: "Copy" },
    ]);
    expect(out.map((c) => c.key)).toEqual(["sedan", "sedan-2", "copy"]);
  });
});
