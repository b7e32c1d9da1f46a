import { z } from "zod";
import { ZLocalizedTextSchema } from "../i18n/localized-text";
import { WEEKDAYS, ZAiConfigSchema, ZHoursConfigSchema, ZLoyaltyConfigSchema, ZSiteConfigSchema } from "../config/schemas";

/**
 * An industry pack: everything a new business of one trade starts with, in English and
 * Spanish. Packs are data (one file each in server/packs/data/), validated by this schema
 * in a unit test and at load time.
 */
export const ZPackServiceSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9-]+$/),
    name: ZLocalizedTextSchema,
    description: ZLocalizedTextSchema,
    durationMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60),
    /** Integer cents (USD). */
    priceCents: z.number().int().min(0),
  })
  .strict();

export const ZPackFaqSchema = z.object({ question: ZLocalizedTextSchema, answer: ZLocalizedTextSchema }).strict();

/** Extra fields a trade keeps about its customers (vehicles for detailing, pets for grooming...). */
export const ZPackCustomerFieldSchema = z
  .object({
    key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
    label: ZLocalizedTextSchema,
    type: z.enum(["text", "number", "list"]),
  })
  .strict();

export const ZIndustryPackSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9-]+$/),
    /** lucide icon name shown in the onboarding picker. */
    icon: z.string().min(1),
    name: ZLocalizedTextSchema,
    description: ZLocalizedTextSchema,
    /** Example business name shown as a placeholder in onboarding. */
    exampleBusinessName: ZLocalizedTextSchema,
    services: z.array(ZPackServiceSchema).min(3).max(30),
    faq: z.array(ZPackFaqSchema).min(3).max(30),
    customerFields: z.array(ZPackCustomerFieldSchema).max(10),
    config: z
      .object({
        HOURS: ZHoursConfigSchema,
        AI: ZAiConfigSchema.pick({ persona: true, greeting: true, tone: true }),
        SITE: ZSiteConfigSchema.pick({ headline: true, tagline: true, about: true, primaryColor: true, blocks: true }),
        LOYALTY: ZLoyaltyConfigSchema.pick({
          pointsPerDollar: true,
          welcomeBonusPoints: true,
          rewardThresholdPoints: true,
          rewardDescription: true,
        }),
      })
      .strict(),
  })
  .strict()
  .superRefine((pack, ctx) => {
    const keys = new Set<string>();
    for (const [i, s] of pack.services.entries()) {
      if (keys.has(s.key)) ctx.addIssue({ code: "custom", path: ["services", i, "key"], message: `duplicate service key ${s.key}` });
      keys.add(s.key);
    }
    if (!WEEKDAYS.some((d) => pack.config.HOURS.weekly[d].length > 0)) {
      ctx.addIssue({ code: "custom", path: ["config", "HOURS"], message: "a pack must open at least one day" });
    }
  });

export type TIndustryPack = z.infer<typeof ZIndustryPackSchema>;
export type TPackService = z.infer<typeof ZPackServiceSchema>;
