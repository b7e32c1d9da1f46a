import { describe, expect, it } from "vitest";
import { parseZipList } from "../../../app/lib/config-forms";
import { checkServiceArea, milesBetween, normalizeZip, type ServiceArea } from "../../../server/catalog/service-area";

const area = (over: Partial<ServiceArea>): ServiceArea => ({
  mode: "NONE",
  zips: [],
  centerZip: null,
  center: null,
  radiusMiles: 25,
  ...over,
});

describe("service area", () => {
  it("normalises ZIPs: 5 digits, ZIP+4 with or without a dash; anything else is not a ZIP", () => {
    expect(normalizeZip(" 78701 ")).toBe("78701");
    expect(normalizeZip("78701-1234")).toBe("78701");
    expect(normalizeZip("787011234")).toBe("78701");
    expect(normalizeZip("7870")).toBeNull();
    expect(normalizeZip("abcde")).toBeNull();
    expect(normalizeZip(null)).toBeNull();
  });

  it("NONE serves everywhere, even without a ZIP", () => {
    expect(checkServiceArea(area({}), undefined)).toEqual({ ok: true });
  });

  it("ZIPS serves exactly the listed codes and needs a ZIP", () => {
    const zips = area({ mode: "ZIPS", zips: ["78701", "78702"] });
    expect(checkServiceArea(zips, "78702-0001")).toEqual({ ok: true });
    expect(checkServiceArea(zips, "78703")).toEqual({ ok: false, reason: "outside" });
    expect(checkServiceArea(zips, "")).toEqual({ ok: false, reason: "zipRequired" });
  });

  it("RADIUS measures between ZIP centroids: Cedar Park is inside 25 miles of downtown Austin, Dallas is not", () => {
    const austin = area({ mode: "RADIUS", centerZip: "78701", radiusMiles: 25 });
    const cedarPark = checkServiceArea(austin, "78613");
    expect(cedarPark.ok).toBe(true);
    expect(cedarPark.miles).toBeGreaterThan(10);
    expect(cedarPark.miles).toBeLessThan(25);
    const dallas = checkServiceArea(austin, "75201");
    expect(dallas).toMatchObject({ ok: false, reason: "outside" });
    expect(dallas.miles).toBeGreaterThan(170);
    expect(checkServiceArea(austin, "00000")).toEqual({ ok: false, reason: "unknownZip" });
    // Exact coordinates win over the center ZIP.
    expect(
      checkServiceArea(area({ mode: "RADIUS", centerZip: "78701", center: { lat: 32.78, lng: -96.8 }, radiusMiles: 10 }), "75201").ok,
    ).toBe(true);
  });

  it("great-circle distance is right on a known pair (Austin to Dallas, about 182 miles)", () => {
    expect(milesBetween({ lat: 30.2672, lng: -97.7431 }, { lat: 32.7767, lng: -96.797 })).toBeCloseTo(182, -1);
  });

  it("the settings box takes ZIPs separated any way, dedupes, and keeps bad entries for the schema to name", () => {
    expect(parseZipList("78701, 78702\n78703-1234;78701  x12")).toEqual(["78701", "78702", "78703", "x12"]);
    expect(parseZipList("   ")).toEqual([]);
  });
});
