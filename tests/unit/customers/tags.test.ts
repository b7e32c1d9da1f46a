import { describe, expect, it } from "vitest";
import { normalizeTag, normalizeTags } from "../../../server/customers/tags";

describe("normalizeTag", () => {
  it.each([
    ["VIP", "vip"],
    ["  Monthly   Plan ", "monthly plan"],
    ["#fleet", "fleet"],
    ["# Fleet", "fleet"],
    ["Ñandú", "ñandú"],
    ["Cafe\u0301", "café"],
    ["   ", ""],
  ])("%j -> %j", (raw, tag) => {
    expect(normalizeTag(raw)).toBe(tag);
  });
});

describe("normalizeTags", () => {
  it("dedupes spellings of one tag and keeps the first order", () => {
    expect(normalizeTags(["VIP", "fleet", "vip", " Fleet ", "#VIP"])).toEqual(["vip", "fleet"]);
  });
  it("accepts a comma-separated string and lists with commas inside", () => {
    expect(normalizeTags("vip, monthly plan,,  ,Fleet")).toEqual(["vip", "monthly plan", "fleet"]);
    expect(normalizeTags(["vip,fleet", "referral"])).toEqual(["vip", "fleet", "referral"]);
  });
  it("treats composed and decomposed accents as one tag", () => {
    expect(normalizeTags(["Café", "Cafe\u0301"])).toEqual(["café"]);
  });
  it("empty in, empty out", () => {
    expect(normalizeTags([])).toEqual([]);
    expect(normalizeTags("")).toEqual([]);
  });
});
