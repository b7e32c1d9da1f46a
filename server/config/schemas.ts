import { z } from "zod";
import { isKnownZip } from "../catalog/service-area";
import { ZLocalizedTextSchema } from "../i18n/localized-text";
import { zEmail, zName, zPattern, zText } from "../validation/text";
import { TEXT_LIMITS } from "../validation/limits";

/**
 * Config nodes: one zod schema each. The effective value of a node for a tenant is
 * platform default <- industry pack <- tenant override (deep merge, arrays replace).
 * Schemas are strict so a typo in an override is an error, not silently ignored.
 */

const E164 = zPattern(/^\+[1-9]\d{6,14}$/, { message: "validation.phoneE164" });
const HHMM = zPattern(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "validation.timeHHMM" });
const HEX_COLOR = zPattern(/^#[0-9a-fA-F]{6}$/, { message: "validation.hexColor" });
const ZIP = zPattern(/^\d{5}$/, { message: "validation.zip" });
/** Optional email in a setting: "" or null clears it. */
const OPTIONAL_EMAIL = zEmail({ optional: true }).transform((v) => v || null);

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type TWeekday = (typeof WEEKDAYS)[number];

export const ZTimeRangeSchema = z
  .object({ open: HHMM, close: HHMM })
  .strict()
  .refine((r) => r.open < r.close, { message: "validation.openBeforeClose" });

export const ZWeeklyHoursSchema = z
  .object(
    Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(ZTimeRangeSchema).max(4)])) as Record<TWeekday, z.ZodArray<typeof ZTimeRangeSchema>>,
  )
  .strict()
  .superRefine((week, ctx) => {
    for (const day of WEEKDAYS) {
      const ranges = [...week[day]].sort((a, b) => a.open.localeCompare(b.open));
      for (let i = 1; i < ranges.length; i++) {
        if (ranges[i].open < ranges[i - 1].close) ctx.addIssue({ code: "custom", path: [day], message: "validation.overlappingHours" });
      }
    }
  });

export const ZPhoneConfigSchema = z
  .object({
    /** The business's SignalWire number (null until set up). */
    number: E164.nullable(),
    /** Who to ring, in order. */
    ringTargets: z.array(z.object({ name: zName({ min: 1, max: TEXT_LIMITS.ringTargetName }), phone: E164 }).strict()).max(10),
    ringStrategy: z.enum(["SEQUENTIAL", "SIMULTANEOUS"]),
    mode: z.enum(["AI_FIRST", "HUMAN_FIRST", "HYBRID"]),
    ringSeconds: z.number().int().min(5).max(60),
    alwaysTextAndNotify: z.boolean(),
    missedCallTextBack: z.boolean(),
    bilingualMenu: z.boolean(),
    pronunciations: z
      .array(
        z
          .object({
            written: zText({ min: 1, max: TEXT_LIMITS.pronunciationWritten }),
            spoken: zText({ min: 1, max: TEXT_LIMITS.pronunciationSpoken }),
          })
          .strict(),
      )
      .max(100),
  })
  .strict();

export const ZEmailConfigSchema = z
  .object({
    fromName: zName({ max: TEXT_LIMITS.senderName }),
    replyTo: OPTIONAL_EMAIL.nullable(),
    smtp: z
      .object({
        host: zPattern(/^[a-zA-Z0-9.-]+$/, { message: "validation.hostname", max: 255, trim: true }),
        port: z.number().int().min(1).max(65535),
        secure: z.boolean(),
        user: zText({ max: TEXT_LIMITS.smtpField }),
        /** The password lives in integration_secrets (encrypted); this is only whether one is set. */
        hasPassword: z.boolean(),
      })
      .strict()
      .nullable(),
    notifyOwner: z.object({ newBooking: z.boolean(), cancellation: z.boolean(), newMessage: z.boolean() }).strict(),
    notifyChannel: z.enum(["EMAIL", "SMS", "BOTH"]),
    /** Where owner alerts are texted when notifyChannel is SMS or BOTH (the owner's mobile). */
    notifySmsTo: E164.nullable(),
  })
  .strict();

export const ZAiConfigSchema = z
  .object({
    enabled: z.boolean(),
    persona: ZLocalizedTextSchema,
    greeting: ZLocalizedTextSchema,
    tone: z.enum(["FRIENDLY", "PROFESSIONAL", "PLAYFUL"]),
    handoffToHumanWhenUnsure: z.boolean(),
  })
  .strict();

export const ZBillingConfigSchema = z
  .object({
    plan: z.enum(["TRIAL", "STARTER", "GROWTH", "PRO"]),
    currency: z.enum(["usd"]),
    trialDays: z.number().int().min(0).max(90),
  })
  .strict();

export const SITE_BLOCK_TYPES = ["hero", "services", "about", "faq", "hours", "contact", "loyalty", "reviews", "gallery"] as const;

export const ZSiteConfigSchema = z
  .object({
    published: z.boolean(),
    headline: ZLocalizedTextSchema,
    tagline: ZLocalizedTextSchema,
    about: ZLocalizedTextSchema,
    primaryColor: HEX_COLOR,
    showPrices: z.boolean(),
    blocks: z.array(z.enum(SITE_BLOCK_TYPES)).min(1).max(SITE_BLOCK_TYPES.length),
    contactPhone: E164.nullable(),
    contactEmail: OPTIONAL_EMAIL.nullable(),
    serviceAreaNote: ZLocalizedTextSchema.nullable(),
  })
  .strict();

export const ZHoursConfigSchema = z
  .object({
    weekly: ZWeeklyHoursSchema,
  })
  .strict();

export const ZLoyaltyConfigSchema = z
  .object({
    enabled: z.boolean(),
    pointsPerDollar: z.number().int().min(0).max(100),
    welcomeBonusPoints: z.number().int().min(0).max(100_000),
    rewardThresholdPoints: z.number().int().min(1).max(1_000_000),
    rewardDescription: ZLocalizedTextSchema,
  })
  .strict();

/** How booking works: slot grid, buffers, notice and horizon, holds, reminders, service area. */
export const ZBookingConfigSchema = z
  .object({
    /** Start times are offered on this grid (minutes). */
    slotIntervalMinutes: z.number().int().min(5).max(240),
    /** Free time kept after every job (cleanup, notes). */
    bufferMinutes: z.number().int().min(0).max(240),
    /** Driving time kept before every job (mobile businesses). */
    travelMinutes: z.number().int().min(0).max(240),
    /** The earliest a customer may book, from now. */
    minNoticeMinutes: z
      .number()
      .int()
      .min(0)
      .max(60 * 24 * 14),
    /** The furthest ahead a customer may book. */
    horizonDays: z.number().int().min(1).max(365),
    /** How long a slot is held while a customer fills in the form. */
    holdMinutes: z.number().int().min(1).max(30),
    /** Bookings wait for the owner's confirmation (REQUESTED) instead of being CONFIRMED at once. */
    requireConfirmation: z.boolean(),
    /** Customers may cancel or reschedule online until this many hours before. */
    changeCutoffHours: z
      .number()
      .int()
      .min(0)
      .max(24 * 14),
    reminders: z
      .object({
        enabled: z.boolean(),
        /** Minutes before the start; the issue's defaults are 24 h and 2 h. */
        offsetsMinutes: z
          .array(
            z
              .number()
              .int()
              .min(15)
              .max(60 * 24 * 7),
          )
          .max(4),
      })
      .strict(),
    /** Automated texts go out only inside these local hours of the recipient. */
    quietHours: z.object({ start: HHMM, end: HHMM }).strict(),
    serviceArea: z
      .object({
        mode: z.enum(["NONE", "ZIPS", "RADIUS"]),
        zips: z.array(ZIP).max(500),
        /** RADIUS: the ZIP the radius is measured from (its centroid), unless exact `center` coordinates are set. */
        centerZip: ZIP.nullable(),
        center: z
          .object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })
          .strict()
          .nullable(),
        radiusMiles: z.number().min(1).max(500),
      })
      .strict()
      .superRefine((area, ctx) => {
        if (area.mode === "ZIPS" && area.zips.length === 0)
          ctx.addIssue({ code: "custom", path: ["zips"], message: "validation.serviceAreaZips" });
        if (area.mode === "RADIUS" && !area.center) {
          if (!area.centerZip) ctx.addIssue({ code: "custom", path: ["centerZip"], message: "validation.serviceAreaCenter" });
          else if (!isKnownZip(area.centerZip)) ctx.addIssue({ code: "custom", path: ["centerZip"], message: "validation.unknownZip" });
        }
      }),
  })
  .strict();

export const CONFIG_NODE_SCHEMAS = {
  PHONE: ZPhoneConfigSchema,
  EMAIL: ZEmailConfigSchema,
  AI: ZAiConfigSchema,
  BILLING: ZBillingConfigSchema,
  SITE: ZSiteConfigSchema,
  HOURS: ZHoursConfigSchema,
  LOYALTY: ZLoyaltyConfigSchema,
  BOOKING: ZBookingConfigSchema,
} as const;

export type TConfigNodeKey = keyof typeof CONFIG_NODE_SCHEMAS;
export const CONFIG_NODE_KEYS = Object.keys(CONFIG_NODE_SCHEMAS) as TConfigNodeKey[];
export type TConfigNode<K extends TConfigNodeKey> = z.infer<(typeof CONFIG_NODE_SCHEMAS)[K]>;
export type TConfigValues = { [K in TConfigNodeKey]: TConfigNode<K> };

/** A partial of a node as a pack or an override holds it (deep partial; arrays whole). */
export type DeepPartial<T> = T extends Array<unknown> ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> | null } : T;
export type TConfigLayer = { [K in TConfigNodeKey]?: DeepPartial<TConfigNode<K>> };

/**
 * What a node's `update` accepts: every key optional at every depth of its nested objects (a
 * form that shows `reminders.enabled` alone posts `{ reminders: { enabled } }`). Leaves keep
 * their own schemas; writeConfig validates the merged value against the node's full schema.
 */
export function updateInputSchema<S extends z.ZodObject>(schema: S): ReturnType<S["partial"]> {
  return deepPartialObject(schema) as unknown as ReturnType<S["partial"]>;
}

function deepPartialObject(schema: z.ZodObject): z.ZodObject {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [key, field instanceof z.ZodObject ? deepPartialObject(field) : field]),
  );
  return z.strictObject(shape).partial();
}
