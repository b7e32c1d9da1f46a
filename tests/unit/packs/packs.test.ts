import { parsePhoneNumberFromString } from "libphonenumber-js";
import * as lucide from "lucide-react";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { SITE_BLOCK_TYPES } from "#server/config/schemas";
import type { TLocalizedText } from "#server/i18n/localized-text";
import { findPack, getPack, INDUSTRY_PACKS, listPacks, PACK_KEYS } from "#server/packs";
import { autoDetailingPack } from "#server/packs/data/auto-detailing";
import { houseCleaningPack } from "#server/packs/data/house-cleaning";
import { hvacPack } from "#server/packs/data/hvac";
import { lawnCarePack } from "#server/packs/data/lawn-care";
import { petGroomingPack } from "#server/packs/data/pet-grooming";
import { CLEANMACHINE_DEMO } from "#server/packs/demo/cleanmachine";
import { ZIndustryPackSchema } from "#server/packs/schema";

const RAW_PACKS = [autoDetailingPack, houseCleaningPack, lawnCarePack, hvacPack, petGroomingPack];

/** Every LocalizedText in a pack that is prose (must be translated, not copied), with its path. */
function translatableTexts(pack: (typeof INDUSTRY_PACKS)[number]): Array<[string, TLocalizedText]> {
  const out: Array<[string, TLocalizedText]> = [
    ["name", pack.name],
    ["description", pack.description],
    ["exampleBusinessName", pack.exampleBusinessName],
    ["AI.persona", pack.config.AI.persona],
    ["AI.greeting", pack.config.AI.greeting],
    ["SITE.headline", pack.config.SITE.headline],
    ["SITE.tagline", pack.config.SITE.tagline],
    ["SITE.about", pack.config.SITE.about],
    ["LOYALTY.rewardDescription", pack.config.LOYALTY.rewardDescription],
  ];
  for (const s of pack.services) {
    out.push([`services.${s.key}.name`, s.name], [`services.${s.key}.description`, s.description]);
  }
  pack.faq.forEach((f, i) => out.push([`faq.${i}.question`, f.question], [`faq.${i}.answer`, f.answer]));
  for (const f of pack.customerFields) out.push([`customerFields.${f.key}.label`, f.label]);
  return out;
}

describe("industry packs", () => {
  it.each(RAW_PACKS.map((p) => [p.key, p] as const))("%s parses with the schema", (_key, raw) => {
    const result = ZIndustryPackSchema.safeParse(raw);
    expect(result.success, result.success ? "" : z.prettifyError(result.error)).toBe(true);
  });

  it("registers every pack once, in PACK_KEYS order", () => {
    const keys = INDUSTRY_PACKS.map((p) => p.key);
    expect(keys).toEqual([...PACK_KEYS]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(listPacks().map((p) => p.key)).toEqual([...PACK_KEYS]);
    expect(RAW_PACKS.map((p) => p.key)).toEqual([...PACK_KEYS]);
  });

  it("PACK_KEYS works with z.enum", () => {
    const schema = z.enum(PACK_KEYS);
    expect(schema.parse("hvac")).toBe("hvac");
    expect(schema.safeParse("plumbing").success).toBe(false);
  });

  it("getPack returns a pack and throws a clear error for unknown keys", () => {
    expect(getPack("auto-detailing").key).toBe("auto-detailing");
    expect(() => getPack("plumbing")).toThrow(/Unknown industry pack "plumbing"/);
    expect(() => getPack("")).toThrow(Error);
    expect(findPack("plumbing")).toBeUndefined();
    expect(findPack(null)).toBeUndefined();
    expect(findPack("lawn-care")?.key).toBe("lawn-care");
  });

  describe.each(INDUSTRY_PACKS.map((p) => [p.key, p] as const))("%s", (_key, pack) => {
    it("has 6–10 services with positive integer cents and durations in steps of 5", () => {
      expect(pack.services.length).toBeGreaterThanOrEqual(6);
      expect(pack.services.length).toBeLessThanOrEqual(10);
      for (const s of pack.services) {
        expect(Number.isInteger(s.priceCents), s.key).toBe(true);
        expect(s.priceCents, s.key).toBeGreaterThan(0);
        expect(Number.isInteger(s.durationMinutes), s.key).toBe(true);
        expect(s.durationMinutes % 5, s.key).toBe(0);
      }
      expect(new Set(pack.services.map((s) => s.key)).size).toBe(pack.services.length);
    });

    it("has 6–8 FAQ entries", () => {
      expect(pack.faq.length).toBeGreaterThanOrEqual(6);
      expect(pack.faq.length).toBeLessThanOrEqual(8);
    });

    it("has every text in English and Spanish, actually translated", () => {
      for (const [path, text] of translatableTexts(pack)) {
        expect(text.en.trim(), `${path}.en`).not.toBe("");
        expect(text.es.trim(), `${path}.es`).not.toBe("");
        expect(text.es.trim(), `${path} is not translated`).not.toBe(text.en.trim());
      }
    });

    it("greets with the {{businessName}} placeholder in both languages", () => {
      expect(pack.config.AI.greeting.en).toContain("{{businessName}}");
      expect(pack.config.AI.greeting.es).toContain("{{businessName}}");
    });

    it("site blocks start with hero and have no duplicates", () => {
      const blocks = pack.config.SITE.blocks;
      expect(blocks[0]).toBe("hero");
      expect(new Set(blocks).size).toBe(blocks.length);
      for (const b of blocks) expect(SITE_BLOCK_TYPES).toContain(b);
    });

    it("uses an icon that exists in lucide-react", () => {
      expect(pack.icon).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect((lucide as Record<string, unknown>)[pack.icon], pack.icon).toBeDefined();
    });
  });
});

describe("CleanMachine demo business", () => {
  const demo = CLEANMACHINE_DEMO;

  it("uses an existing pack and a real time zone", () => {
    expect(getPack(demo.packKey).key).toBe("auto-detailing");
    expect(() => new Intl.DateTimeFormat("en-US", { timeZone: demo.timeZone })).not.toThrow();
  });

  it("has 12–15 customers speaking both languages", () => {
    expect(demo.customers.length).toBeGreaterThanOrEqual(12);
    expect(demo.customers.length).toBeLessThanOrEqual(15);
    expect(demo.customers.some((c) => c.locale === "en")).toBe(true);
    expect(demo.customers.some((c) => c.locale === "es")).toBe(true);
    for (const c of demo.customers) expect(c.vehicles.length, c.name).toBeGreaterThan(0);
  });

  it("has valid E.164 phone numbers, unique per customer", () => {
    const phones = [demo.contactPhone, ...demo.customers.map((c) => c.phone)];
    for (const phone of phones) {
      const parsed = parsePhoneNumberFromString(phone);
      expect(parsed?.isValid(), phone).toBe(true);
      expect(parsed?.number, phone).toBe(phone);
      expect(phone, phone).toMatch(/^\+151255501\d\d$/);
    }
    expect(new Set(phones).size).toBe(phones.length);
  });

  it("has unique, well-formed emails", () => {
    const customerEmails = demo.customers.map((c) => c.email.toLowerCase());
    expect(new Set(customerEmails).size).toBe(customerEmails.length);
    for (const e of customerEmails) expect(z.email().safeParse(e).success, e).toBe(true);
    for (const e of customerEmails) expect(e.endsWith("@example.com"), e).toBe(true);
    const staffEmails = [demo.owner.email, ...demo.team.map((m) => m.email)];
    for (const e of staffEmails) expect(e.endsWith("@cleanmachine.demo"), e).toBe(true);
    expect(new Set(staffEmails).size).toBe(staffEmails.length);
  });
});
