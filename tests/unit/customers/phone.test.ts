import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatPhone, normalizePhone, phoneDigits } from "../../../server/customers/phone";

describe("normalizePhone", () => {
  it.each([
    ["(512) 555-0142", "+15125550142"],
    ["512-555-0142", "+15125550142"],
    ["512.555.0142", "+15125550142"],
    ["  5125550142  ", "+15125550142"],
    ["1 512 555 0142", "+15125550142"],
    ["+1 (512) 555-0142", "+15125550142"],
    ["+15125550142", "+15125550142"],
    ["+52 55 1234 5678", "+525512345678"],
    ["0052 55 1234 5678", "+525512345678"],
    ["011 52 55 1234 5678", "+525512345678"],
    ["+52 1 55 1234 5678", "+525512345678"],
    ["+44 20 7946 0958", "+442079460958"],
    ["512 555 0142 ext. 12", "+15125550142"],
  ])("%s -> %s", (typed, e164) => {
    expect(normalizePhone(typed)).toBe(e164);
  });

  it.each([
    ["555-0142", "too short (no area code)"],
    ["+1 512 555 01", "too short"],
    ["52 55 1234 5678", "a Mexican number without its +"],
    ["call me 512 555 0142", "words around the number"],
    ["1-800-FLOWERS", "a vanity number"],
    ["abc", "no digits"],
    ["", "empty"],
    ["   ", "blank"],
    ["+1 512 555 0142 0142 0142 0142 0142 0142 0142", "absurdly long"],
  ])("%s is not a phone number (%s)", (typed) => {
    expect(normalizePhone(typed)).toBeNull();
  });

  it("is idempotent: an E.164 result normalises to itself", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[2-9]\d{2}[2-9]\d{6}$/), (national) => {
        const once = normalizePhone(national);
        if (once) expect(normalizePhone(once)).toBe(once);
      }),
    );
  });

  it("null and undefined are not numbers", () => {
    expect(normalizePhone(null)).toBeNull();
    expect(normalizePhone(undefined)).toBeNull();
  });
});

describe("formatPhone", () => {
  it("US numbers nationally, others internationally, nothing as empty", () => {
    expect(formatPhone("+15125550142")).toBe("(512) 555-0142");
    expect(formatPhone("+525512345678")).toBe("+52 55 1234 5678");
    expect(formatPhone(null)).toBe("");
    expect(formatPhone("not a number")).toBe("not a number");
  });
});

describe("phoneDigits", () => {
  it("keeps digits only", () => {
    expect(phoneDigits("(512) 555-01")).toBe("51255501");
  });
});
