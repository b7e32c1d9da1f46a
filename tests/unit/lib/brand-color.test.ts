import { describe, expect, it } from "vitest";
import { accessibleBrandColor, contrastWithWhite } from "../../../app/lib/brand-color";

describe("brand colour for white text", () => {
  it("keeps a colour that already passes AA", () => {
    expect(accessibleBrandColor("#1d4ed8")).toBe("#1d4ed8");
  });

  it("darkens a light or mid colour until white text passes 4.5:1, staying close to it", () => {
    for (const hex of ["#0D9488", "#fbbf24", "#ffffff", "#22c55e", "#ec4899"]) {
      const safe = accessibleBrandColor(hex);
      expect(contrastWithWhite(safe), `${hex} -> ${safe}`).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrastWithWhite("#0D9488")).toBeLessThan(4.5);
    // Teal stays teal-ish: only a few steps darker.
    expect(accessibleBrandColor("#0D9488")).toMatch(/^#0[0-9a-f]{5}$/);
  });

  it("an invalid value falls back to the platform blue", () => {
    expect(accessibleBrandColor("red")).toBe(accessibleBrandColor("#1d5ef1"));
  });
});
