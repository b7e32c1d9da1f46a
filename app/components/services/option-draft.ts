import type { TOptionGroup } from "#server/catalog/options";
import { centsToInput, parseMoneyToCents } from "#server/money/money";
import { assignKeys } from "./option-keys";

/**
 * The option groups as the editor holds them: amounts as typed (dollars, minutes), keys
 * null until saved. Converted to the saved shape (cents, slug keys) by the route action.
 */
export interface DraftChoice {
  uid: string;
  key: string | null;
  nameEn: string;
  nameEs: string;
  price: string;
  minutes: string;
}

export interface DraftGroup {
  uid: string;
  key: string | null;
  nameEn: string;
  nameEs: string;
  kind: "SINGLE" | "MULTI";
  /** uid of the preselected choice (SINGLE groups). */
  defaultUid: string | null;
  choices: DraftChoice[];
}

export const MAX_GROUPS = 10;
export const MAX_CHOICES = 20;

let counter = 0;
export const newUid = () => `d${++counter}-${Math.random().toString(36).slice(2, 8)}`;

export function toDraft(groups: readonly TOptionGroup[]): DraftGroup[] {
  return groups.map((g) => {
    const choices = g.choices.map((c) => ({
      uid: `c-${g.key}-${c.key}`,
      key: c.key,
      nameEn: c.name.en,
      nameEs: c.name.es,
      price: c.priceDeltaCents === 0 ? "0" : centsToInput(c.priceDeltaCents),
      minutes: String(c.durationDeltaMinutes),
    }));
    const def = choices.find((c) => c.key === g.defaultChoiceKey);
    return { uid: `g-${g.key}`, key: g.key, nameEn: g.name.en, nameEs: g.name.es, kind: g.kind, defaultUid: def?.uid ?? null, choices };
  });
}

/** The saved shape, or field errors (path -> i18n key) for what cannot be read. */
export function fromDraft(draft: readonly DraftGroup[]): { groups: TOptionGroup[]; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const groups = assignKeys(draft).map((g, gi) => {
    if (!g.nameEn.trim() || !g.nameEs.trim()) fields[`optionGroups.${gi}.name`] = "dashboard:services.errors.nameRequired";
    const choices = assignKeys(g.choices).map((c, ci) => {
      const at = `optionGroups.${gi}.choices.${ci}`;
      if (!c.nameEn.trim() || !c.nameEs.trim()) fields[`${at}.name`] = "dashboard:services.errors.nameRequired";
      // The label says "+/-", so owners type a sign: "+5" reads as 5, "-$10" as -10.
      const typed = c.price
        .trim()
        .replace(/^\+\s*/, "")
        .replace(/^(-?)\s*\$\s*/, "$1");
      const cents = typed === "" ? 0 : parseMoneyToCents(typed);
      if (cents === null) fields[`${at}.priceDeltaCents`] = "dashboard:services.errors.badAmount";
      const minutes = c.minutes.trim() === "" ? 0 : /^[+-]?\d{1,4}$/.test(c.minutes.trim()) ? Number(c.minutes.trim()) : null;
      if (minutes === null) fields[`${at}.durationDeltaMinutes`] = "dashboard:services.errors.badMinutes";
      return {
        uid: c.uid,
        key: c.key,
        name: { en: c.nameEn.trim(), es: c.nameEs.trim() },
        priceDeltaCents: cents ?? 0,
        durationDeltaMinutes: minutes ?? 0,
      };
    });
    const def = g.kind === "SINGLE" ? (choices.find((c) => c.uid === g.defaultUid)?.key ?? null) : null;
    return {
      key: g.key,
      name: { en: g.nameEn.trim(), es: g.nameEs.trim() },
      kind: g.kind,
      defaultChoiceKey: def,
      choices: choices.map(({ key, name, priceDeltaCents, durationDeltaMinutes }) => ({
        key,
        name,
        priceDeltaCents,
        durationDeltaMinutes,
      })),
    };
  });
  return { groups, fields };
}

/** Reads the editor's hidden JSON field; anything malformed reads as "no groups". */
export function parseDraft(raw: string): DraftGroup[] | null {
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return null;
    return value.slice(0, MAX_GROUPS).map((g: Partial<DraftGroup>) => ({
      uid: String(g.uid ?? newUid()),
      key: typeof g.key === "string" ? g.key : null,
      nameEn: String(g.nameEn ?? ""),
      nameEs: String(g.nameEs ?? ""),
      kind: g.kind === "MULTI" ? "MULTI" : "SINGLE",
      defaultUid: typeof g.defaultUid === "string" ? g.defaultUid : null,
      choices: (Array.isArray(g.choices) ? g.choices : []).slice(0, MAX_CHOICES).map((c: Partial<DraftChoice>) => ({
        uid: String(c.uid ?? newUid()),
        key: typeof c.key === "string" ? c.key : null,
        nameEn: String(c.nameEn ?? ""),
        nameEs: String(c.nameEs ?? ""),
        price: String(c.price ?? ""),
        minutes: String(c.minutes ?? ""),
      })),
    }));
  } catch {
    return null;
  }
}
