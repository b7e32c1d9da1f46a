import { z } from "zod";
import { zLocalizedText } from "../i18n/localized-text";
import { zPattern } from "../validation/text";

/** Option and choice names: short, one line (the editor shows the limit). */
export const OPTION_NAME_MAX = 120;
const ZOptionName = zLocalizedText({ max: OPTION_NAME_MAX, stripBidi: true });
const ZOptionKey = zPattern(/^[a-z0-9-]{1,40}$/);

/**
 * Service options: choices that change price or time. A group is SINGLE (pick exactly one,
 * e.g. vehicle size) or MULTI (any number, e.g. add-ons). Prices are integer cents; a
 * choice adds (or, for a smaller size, subtracts) cents and minutes.
 */
export const ZOptionChoiceSchema = z
  .object({
    key: ZOptionKey,
    name: ZOptionName,
    priceDeltaCents: z.number().int().min(-10_000_000).max(10_000_000),
    durationDeltaMinutes: z
      .number()
      .int()
      .min(-24 * 60)
      .max(24 * 60),
  })
  .strict();

export const ZOptionGroupSchema = z
  .object({
    key: ZOptionKey,
    name: ZOptionName,
    kind: z.enum(["SINGLE", "MULTI"]),
    /** SINGLE groups: the choice used when none is picked. */
    defaultChoiceKey: ZOptionKey.nullable(),
    choices: z.array(ZOptionChoiceSchema).min(1).max(20),
  })
  .strict()
  .superRefine((g, ctx) => {
    const keys = new Set(g.choices.map((c) => c.key));
    if (keys.size !== g.choices.length) ctx.addIssue({ code: "custom", path: ["choices"], message: "validation.duplicateKey" });
    if (g.defaultChoiceKey !== null && !keys.has(g.defaultChoiceKey))
      ctx.addIssue({ code: "custom", path: ["defaultChoiceKey"], message: "validation.invalid" });
  });

export const ZOptionGroupsSchema = z.array(ZOptionGroupSchema).max(10);

export const ZDepositRuleSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("none") }).strict(),
  z.object({ type: z.literal("fixed"), amountCents: z.number().int().min(0).max(10_000_000) }).strict(),
  z.object({ type: z.literal("percent"), percent: z.number().int().min(1).max(100) }).strict(),
]);

export type TOptionGroup = z.infer<typeof ZOptionGroupSchema>;
export type TDepositRule = z.infer<typeof ZDepositRuleSchema>;

/** What a customer picked: group key -> choice keys. */
export const ZOptionSelectionSchema = z.record(ZOptionKey, z.array(ZOptionKey).max(20));
export type TOptionSelection = z.infer<typeof ZOptionSelectionSchema>;

export interface PricedChoice {
  groupKey: string;
  choiceKey: string;
  name: { en: string; es: string };
  priceDeltaCents: number;
  durationDeltaMinutes: number;
}

export interface Quote {
  priceCents: number;
  durationMinutes: number;
  depositCents: number;
  choices: PricedChoice[];
}

export class InvalidSelectionError extends Error {
  constructor(public readonly groupKey: string) {
    super(`invalid option selection for group ${groupKey}`);
    this.name = "InvalidSelectionError";
  }
}

/**
 * The price, duration and deposit of a service with the chosen options. Unknown groups or
 * choices, several picks in a SINGLE group, or a missing SINGLE pick without a default are
 * errors; the result never goes below 0 cents or 5 minutes.
 */
export function quote(
  service: { priceCents: number; durationMinutes: number; optionGroups: unknown; depositRule: unknown },
  selection: TOptionSelection = {},
): Quote {
  const groups = ZOptionGroupsSchema.parse(service.optionGroups ?? []);
  const deposit = ZDepositRuleSchema.parse(service.depositRule ?? { type: "none" });
  for (const key of Object.keys(selection)) if (!groups.some((g) => g.key === key)) throw new InvalidSelectionError(key);
  const choices: PricedChoice[] = [];
  for (const g of groups) {
    const picked = [...new Set(selection[g.key] ?? [])];
    if (g.kind === "SINGLE") {
      if (picked.length > 1) throw new InvalidSelectionError(g.key);
      const key = picked[0] ?? g.defaultChoiceKey;
      if (key === null || key === undefined) throw new InvalidSelectionError(g.key);
      picked.splice(0, picked.length, key);
    }
    for (const key of picked) {
      const c = g.choices.find((x) => x.key === key);
      if (!c) throw new InvalidSelectionError(g.key);
      choices.push({
        groupKey: g.key,
        choiceKey: c.key,
        name: c.name,
        priceDeltaCents: c.priceDeltaCents,
        durationDeltaMinutes: c.durationDeltaMinutes,
      });
    }
  }
  const priceCents = Math.max(0, service.priceCents + choices.reduce((sum, c) => sum + c.priceDeltaCents, 0));
  const durationMinutes = Math.max(5, service.durationMinutes + choices.reduce((sum, c) => sum + c.durationDeltaMinutes, 0));
  const depositCents =
    deposit.type === "none"
      ? 0
      : deposit.type === "fixed"
        ? Math.min(deposit.amountCents, priceCents)
        : Math.round((priceCents * deposit.percent) / 100);
  return { priceCents, durationMinutes, depositCents, choices };
}

/** The selection after ticking (or unticking) a choice: SINGLE groups keep just the picked one. */
export function toggleChoice(
  selection: TOptionSelection,
  group: Pick<TOptionGroup, "key" | "kind">,
  choiceKey: string,
  checked: boolean,
): TOptionSelection {
  const current = selection[group.key] ?? [];
  const next =
    group.kind === "SINGLE"
      ? [choiceKey]
      : checked
        ? [...current.filter((k) => k !== choiceKey), choiceKey]
        : current.filter((k) => k !== choiceKey);
  return { ...selection, [group.key]: next };
}
