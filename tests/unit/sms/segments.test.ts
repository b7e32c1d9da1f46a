import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { smsLength } from "../../../server/integrations/sms/segments";

/**
 * Billing counts segments, so the counter is checked against the rules carriers split by
 * (3GPP TS 23.038 / 23.040): a single GSM-7 text carries 160 septets, each part of a
 * concatenated one 153; a single UCS-2 text 70 UTF-16 units, each part 67. An extension
 * character (escape + char) and a surrogate pair are never split across two parts.
 */
const GSM_BASIC =
  "@£$¥èéùìòÇ\nØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENSION = "^{}\\[~]|€";

/** A plain greedy splitter written from the rules above, independent of the library. */
function referenceSegments(text: string): number {
  const chars = [...text];
  if (!chars.length) return 0;
  const gsm = chars.every((c) => GSM_BASIC.includes(c) || GSM_EXTENSION.includes(c));
  const size = (c: string) => (gsm ? (GSM_EXTENSION.includes(c) ? 2 : 1) : c.length);
  const total = chars.reduce((n, c) => n + size(c), 0);
  const [single, part] = gsm ? [160, 153] : [70, 67];
  if (total <= single) return 1;
  let segments = 1;
  let used = 0;
  for (const c of chars) {
    if (used + size(c) > part) {
      segments += 1;
      used = 0;
    }
    used += size(c);
  }
  return segments;
}

const a = (n: number) => "a".repeat(n);

describe("SMS segments at the boundaries carriers split on", () => {
  it("plain GSM-7: 160 in one, then parts of 153", () => {
    expect(smsLength("")).toEqual({ encoding: "GSM-7", units: 0, segments: 0 });
    expect(smsLength(a(160))).toEqual({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(smsLength(a(161)).segments).toBe(2);
    expect(smsLength(a(306)).segments).toBe(2);
    expect(smsLength(a(307)).segments).toBe(3);
  });

  it("a GSM-7 extension character counts two septets and never straddles two parts", () => {
    expect(smsLength("€")).toEqual({ encoding: "GSM-7", units: 2, segments: 1 });
    expect(smsLength(a(158) + "€").segments).toBe(1); // exactly 160 septets
    expect(smsLength(a(159) + "€").segments).toBe(2); // 161
    // 306 septets would fit two parts of 153, but the € at septets 153-154 moves to part two,
    // which pushes the last character into a third part.
    expect(smsLength(a(152) + "€" + a(152))).toEqual({ encoding: "GSM-7", units: 306, segments: 3 });
    expect(smsLength(a(151) + "€" + a(153)).segments).toBe(2); // the € ends part one exactly
  });

  it("one character outside GSM-7 makes the whole text UCS-2: 70 in one, then parts of 67", () => {
    expect(smsLength("Mañana a las 10, ¿está bien?").encoding).toBe("UCS-2"); // á is not GSM
    expect(smsLength("Mañana é bien").encoding).toBe("GSM-7"); // ñ and é are
    expect(smsLength("ó".repeat(70)).segments).toBe(1);
    expect(smsLength("ó".repeat(71)).segments).toBe(2);
    expect(smsLength("ó".repeat(134)).segments).toBe(2);
    expect(smsLength("ó".repeat(135)).segments).toBe(3);
  });

  it("an emoji is two UTF-16 units and is never cut in half", () => {
    expect(smsLength("🚗")).toEqual({ encoding: "UCS-2", units: 2, segments: 1 });
    expect(smsLength(a(68) + "🚗").segments).toBe(1); // 70 units
    expect(smsLength(a(69) + "🚗").segments).toBe(2); // 71 units
    // 134 units would fit two parts of 67, but the emoji at units 67-68 moves to part two.
    expect(smsLength(a(66) + "🚗" + a(66))).toEqual({ encoding: "UCS-2", units: 134, segments: 3 });
    expect(smsLength(a(65) + "🚗" + a(67)).segments).toBe(2); // the emoji ends part one exactly
  });

  it("agrees with the reference splitter on random texts of GSM, extension, accented and emoji characters", () => {
    const alphabet = fc.constantFrom("a", "Z", " ", "ñ", "é", "\n", "€", "[", "~", "ó", "á", "🚗", "😀");
    fc.assert(
      fc.property(fc.array(alphabet, { minLength: 0, maxLength: 480 }), (chars) => {
        const text = chars.join("");
        expect(smsLength(text).segments).toBe(referenceSegments(text));
      }),
      { numRuns: 400, seed: 7 },
    );
    // Random texts rarely put a wide character right on a boundary: these always come close.
    const wide = fc.constantFrom("€", "[", "🚗", "😀");
    fc.assert(
      fc.property(fc.integer({ min: 60, max: 310 }), wide, fc.integer({ min: 0, max: 160 }), (before, c, after) => {
        const text = a(before) + c + a(after);
        expect(smsLength(text).segments).toBe(referenceSegments(text));
      }),
      { numRuns: 600, seed: 11 },
    );
  });
});
