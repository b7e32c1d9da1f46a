import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeError } from "../../../server/trpc/describe-error.server";
import { cleanText, textLength } from "../../../server/validation/clean-text";
import { zEmail, zId, zName, zPattern, zText } from "../../../server/validation/text";

const fieldError = (schema: z.ZodType, value: unknown, locale = "en") => {
  const parsed = z.object({ f: schema }).safeParse({ f: value });
  return parsed.success ? null : (describeError(parsed.error, locale).fields?.f ?? null);
};

describe("cleanText", () => {
  it.each([
    ["NUL", "Ana\u0000Lopez"],
    ["bell", "Ana\u0007"],
    ["escape", "\u001B[31mred"],
    ["DEL", "Ana\u007F"],
    ["C1 control", "Ana\u0085Lopez"],
    ["vertical tab", "a\u000Bb"],
    ["form feed", "a\u000Cb"],
    ["lone high surrogate", "a\uD800b"],
    ["lone low surrogate", "a\uDC00b"],
    ["noncharacter", "a\uFFFF"],
  ])("refuses %s", (_label, raw) => {
    expect(cleanText(raw, { multiline: true })).toEqual({ ok: false, problem: "controlCharacters" });
    expect(cleanText(raw)).toEqual({ ok: false, problem: "controlCharacters" });
  });

  it.each([
    ["spaces", "   "],
    ["NBSP", "\u00A0\u00A0"],
    ["zero-width space", "\u200B"],
    ["zero-width joiner and non-joiner", "\u200D\u200C"],
    ["word joiner", "\u2060"],
    ["BOM", "\uFEFF"],
    ["ideographic space", "\u3000"],
    ["Hangul filler", "\u3164"],
    ["soft hyphen", "\u00AD"],
    ["bidi marks", "\u200E\u200F\u061C"],
    ["variation selector", "\uFE0F"],
    ["tag characters", "\uDB40\uDC41\uDB40\uDC42"],
    ["braille blank", "\u2800"],
    ["mixed with line breaks", " \n\u200B\r\n\u00A0"],
  ])("a value of only invisible characters (%s) is empty", (_label, raw) => {
    expect(cleanText(raw, { multiline: true })).toEqual({ ok: true, value: "" });
    expect(cleanText(raw)).toEqual({ ok: true, value: "" });
  });

  it("trims line breaks and zero-width characters at the ends of a single-line value", () => {
    expect(cleanText("Ana López\r\n")).toEqual({ ok: true, value: "Ana López" });
    expect(cleanText("\u200BAna\u200B")).toEqual({ ok: true, value: "Ana" });
  });

  it("refuses line breaks and tabs inside a single-line value, keeps them in a multi-line one", () => {
    expect(cleanText("Ana\nLópez")).toEqual({ ok: false, problem: "singleLine" });
    expect(cleanText("Ana\tLópez")).toEqual({ ok: false, problem: "singleLine" });
    expect(cleanText("Ana\u2028López")).toEqual({ ok: false, problem: "singleLine" });
    expect(cleanText("line one\r\nline two\rthree\ttab", { multiline: true })).toEqual({
      ok: true,
      value: "line one\nline two\nthree\ttab",
    });
  });

  it("removes bidi overrides and isolates from names only", () => {
    const spoof = "Ana \u202Egnp.exe\u202C \u2066x\u2069";
    expect(cleanText(spoof, { stripBidi: true })).toEqual({ ok: true, value: "Ana gnp.exe x" });
    expect(cleanText(spoof)).toEqual({ ok: true, value: spoof });
  });

  it("keeps emoji sequences, accents and right-to-left text", () => {
    for (const s of ["👩🏽‍🔧 Ana", "❤️", "José Núñez", "مرحبا", "Ñandú 🇲🇽"])
      expect(cleanText(s, { stripBidi: true })).toEqual({ ok: true, value: s });
  });

  it("composes to NFC and counts code points", () => {
    expect(cleanText("Jose\u0301")).toEqual({ ok: true, value: "José" });
    expect(textLength("José")).toBe(4);
    expect(textLength("Jose\u0301")).toBe(4);
    expect(textLength("🚗🚗")).toBe(2);
  });
});

describe("zText and friends", () => {
  it("gives translated field errors, never a crash", () => {
    expect(fieldError(zText({ max: 20 }), "a\u0000b")).toBe("Remove the hidden control characters (they often come with copy and paste).");
    expect(fieldError(zText({ max: 20 }), "a\u0000b", "es")).toBe(
      "Quite los caracteres de control ocultos (suelen venir al copiar y pegar).",
    );
    expect(fieldError(zText({ max: 20 }), "a\nb")).toBe("Keep this on one line, without line breaks or tabs.");
    expect(fieldError(zText({ max: 20 }), 42)).toBe("This value isn't valid.");
  });

  it("an invisible-only required value is empty: required", () => {
    expect(fieldError(zName({ min: 1, max: 20 }), "\u200B\u00A0")).toBe("This field is required.");
    expect(fieldError(zName({ min: 1, max: 20 }), "\u200B\u00A0", "es")).toBe("Este campo es obligatorio.");
    expect(zText({ max: 20 }).parse("\u200B \u2060")).toBe("");
  });

  it("says the limit, in both languages, and counts what a person sees", () => {
    expect(fieldError(zText({ max: 5 }), "abcdef")).toBe("Use at most 5 characters.");
    expect(fieldError(zText({ max: 5 }), "abcdef", "es")).toBe("Use como máximo 5 caracteres.");
    expect(zText({ max: 5 }).parse("🚗🚗🚗🚗🚗")).toBe("🚗🚗🚗🚗🚗");
    expect(fieldError(zText({ min: 3, max: 5 }), "ab")).toBe("Use at least 3 characters.");
    // Never cut silently: a value over the limit is an error, not a shorter value.
    expect(z.object({ f: zText({ max: 5 }) }).safeParse({ f: "abcdef" }).success).toBe(false);
  });

  it("names lose bidi overrides", () => {
    expect(zName({ max: 50 }).parse("\u202EAna")).toBe("Ana");
  });

  it("emails are trimmed, lower-cased and checked", () => {
    expect(zEmail().parse("  Ana@Example.COM\r\n")).toBe("ana@example.com");
    expect(fieldError(zEmail(), "ana@\u0000example.com")).toBe(
      "Remove the hidden control characters (they often come with copy and paste).",
    );
    expect(fieldError(zEmail(), "not-an-email")).toBe("Enter a valid email address.");
    expect(zEmail({ optional: true }).parse("\u200B")).toBe("");
  });

  it("ids and patterns refuse anything outside their shape", () => {
    expect(fieldError(zId(), "abc\u0000")).toBe("This value isn't valid.");
    expect(fieldError(zId(), "abc\n")).toBe("This value isn't valid.");
    expect(zId().parse("2c7f8a52-2b1d-4f0e-9a8b-1d2c3e4f5a6b")).toBe("2c7f8a52-2b1d-4f0e-9a8b-1d2c3e4f5a6b");
    expect(() => zPattern(/[a-z]+/)).toThrow(/anchored/);
    expect(() => zPattern(/^[a-z]+$/m)).toThrow(/anchored/);
  });
});
