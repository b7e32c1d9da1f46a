import { z } from "zod";
import { zText } from "../validation/text";
import { TEXT_LIMITS } from "../validation/limits";

/** The languages ServicePro speaks. Spanish is never second: every text exists in both. */
export const SUPPORTED_LOCALES = ["en", "es"] as const;
export type TLocale = (typeof SUPPORTED_LOCALES)[number];
export const ZLocaleSchema = z.enum(SUPPORTED_LOCALES);

/** Text in both languages, each required; names lose bidi overrides. */
export function zLocalizedText(options: { max: number; stripBidi?: boolean; multiline?: boolean }) {
  const one = zText({ min: 1, ...options });
  return z.object({ en: one, es: one });
}

/** Text a tenant or a pack writes in both languages. */
export const ZLocalizedTextSchema = zLocalizedText({ max: TEXT_LIMITS.localizedText, multiline: true });
export type TLocalizedText = z.infer<typeof ZLocalizedTextSchema>;

export function pickLocale(text: TLocalizedText | Record<string, string> | null | undefined, locale: string): string {
  if (!text) return "";
  const t = text as Record<string, string>;
  return t[locale] ?? t.en ?? Object.values(t)[0] ?? "";
}

export function isSupportedLocale(value: unknown): value is TLocale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}
