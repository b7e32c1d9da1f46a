import { z } from "zod";

/** The languages ServicePro speaks. Spanish is never second: every text exists in both. */
export const SUPPORTED_LOCALES = ["en", "es"] as const;
export type TLocale = (typeof SUPPORTED_LOCALES)[number];
export const ZLocaleSchema = z.enum(SUPPORTED_LOCALES);

/** Text a tenant or a pack writes in both languages. */
export const ZLocalizedTextSchema = z.object({ en: z.string().trim().min(1).max(2000), es: z.string().trim().min(1).max(2000) });
export type TLocalizedText = z.infer<typeof ZLocalizedTextSchema>;

export function pickLocale(text: TLocalizedText | Record<string, string> | null | undefined, locale: string): string {
  if (!text) return "";
  const t = text as Record<string, string>;
  return t[locale] ?? t.en ?? Object.values(t)[0] ?? "";
}

export function isSupportedLocale(value: unknown): value is TLocale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}
