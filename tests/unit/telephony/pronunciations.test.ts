import { describe, expect, it } from "vitest";
import { applyPronunciations } from "../../../server/telephony/calls/pronunciations";

describe("applyPronunciations", () => {
  const dict = [
    { written: "Guadalupe St", spoken: "Guadalupe Street" },
    { written: "SPX", spoken: "S P X" },
    { written: "Ñandú", spoken: "Nyandu" },
  ];

  it("replaces whole words, case-insensitively", () => {
    expect(applyPronunciations("Welcome to spx on guadalupe st.", dict)).toBe("Welcome to S P X on Guadalupe Street.");
  });

  it("leaves parts of other words alone", () => {
    expect(applyPronunciations("SPXL and xSPX and SPX_2", dict)).toBe("SPXL and xSPX and SPX_2");
    expect(applyPronunciations("Ñandúes y Ñandú", dict)).toBe("Ñandúes y Nyandu");
  });

  it("replaces every occurrence once: a replacement is never replaced again", () => {
    expect(applyPronunciations("SPX, SPX!", [{ written: "SPX", spoken: "SPX Company" }])).toBe("SPX Company, SPX Company!");
  });

  it("prefers the longest entry where two overlap", () => {
    expect(
      applyPronunciations("Shine Co Detail", [
        { written: "Shine", spoken: "Shyne" },
        { written: "Shine Co", spoken: "Shine Company" },
      ]),
    ).toBe("Shine Company Detail");
  });

  it("treats regex characters in an entry literally", () => {
    expect(applyPronunciations("A+ Plumbing and AA Plumbing", [{ written: "A+", spoken: "A plus" }])).toBe(
      "A plus Plumbing and AA Plumbing",
    );
  });

  it("with an empty dictionary returns the text unchanged", () => {
    expect(applyPronunciations("Hello", [])).toBe("Hello");
  });
});
