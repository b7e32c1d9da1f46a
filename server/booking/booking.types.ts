import { z } from "zod";
import { ZOptionSelectionSchema } from "../catalog/options";
import { ZLocaleSchema } from "../i18n/localized-text";

/** zod inputs of the booking procedures (server/booking/router.server.ts). Times are ISO instants with an offset. */
const ZId = z.string().min(1).max(64);
const ZInstant = z.iso.datetime({ offset: true, message: "validation.invalid" }).transform((s) => new Date(s));
const ZSlug = z.string().min(1).max(63);
const ZToken = z.string().min(1).max(512);
const ZVersion = z.number().int().min(1).optional();
const ZReason = z.string().trim().max(500, { message: "validation.tooLong" }).optional();
const ZName = z.string().trim().min(1, { message: "validation.required" }).max(120, { message: "validation.tooLong" });
const ZPhone = z.string().trim().min(4, { message: "validation.phoneE164" }).max(40, { message: "validation.phoneE164" });
const ZEmail = z
  .email({ message: "validation.email" })
  .max(254)
  .nullish()
  .or(z.literal("").transform(() => null));
const ZNotes = z.string().trim().max(2000, { message: "validation.tooLong" }).nullish();
const ZLine = (max: number) => z.string().trim().max(max, { message: "validation.tooLong" });

/** Where the job happens (mobile businesses). line1 and the ZIP are what a visit needs. */
export const ZServiceAddressSchema = z
  .object({
    line1: ZLine(200).min(1, { message: "validation.required" }),
    line2: ZLine(200).optional(),
    city: ZLine(100).optional(),
    state: ZLine(50).optional(),
    postalCode: ZLine(10).min(1, { message: "validation.required" }),
  })
  .strict()
  .transform((a) => Object.fromEntries(Object.entries(a).filter(([, v]) => v)) as unknown as TServiceAddress);
export interface TServiceAddress {
  line1: string;
  line2?: string;
  city?: string;
  state?: string;
  postalCode: string;
}

export const ZHoldSchema = z
  .object({ slug: ZSlug, serviceId: ZId, startsAt: ZInstant, staffId: ZId.nullish(), options: ZOptionSelectionSchema.optional() })
  .strict();

export const ZConfirmHoldSchema = z
  .object({
    slug: ZSlug,
    holdId: ZId,
    name: ZName,
    phone: ZPhone,
    email: ZEmail,
    locale: ZLocaleSchema,
    /** The unticked-by-default SMS consent checkbox. */
    smsConsent: z.boolean(),
    notes: ZNotes,
    address: ZServiceAddressSchema.nullish(),
  })
  .strict();

/** The public page asks whether the business comes to a ZIP (omit it to learn only whether an address is needed). */
export const ZCheckAreaSchema = z.object({ slug: ZSlug, postalCode: z.string().trim().max(10).optional() }).strict();

export const ZManageSchema = z.object({ slug: ZSlug, token: ZToken }).strict();
export const ZManageCancelSchema = ZManageSchema.extend({ reason: ZReason }).strict();
export const ZManageRescheduleSchema = ZManageSchema.extend({ startsAt: ZInstant }).strict();

export const ZListBookingsSchema = z
  .object({
    from: ZInstant,
    to: ZInstant,
    staffId: ZId.optional(),
    includeHolds: z.boolean().optional(),
    statuses: z
      .array(z.enum(["HELD", "REQUESTED", "CONFIRMED", "IN_PROGRESS", "COMPLETED", "CANCELLED", "NO_SHOW"]))
      .max(7)
      .optional(),
  })
  .strict();

const ZNewCustomer = z
  .object({ name: ZName, phone: ZPhone, email: ZEmail, locale: ZLocaleSchema, smsConsent: z.boolean().optional() })
  .strict();

export const ZCreateBookingSchema = z
  .object({
    serviceId: ZId,
    startsAt: ZInstant,
    staffId: ZId.nullish(),
    options: ZOptionSelectionSchema.optional(),
    customer: z.union([z.object({ id: ZId }).strict(), ZNewCustomer]),
    notes: ZNotes,
    address: ZServiceAddressSchema.nullish(),
  })
  .strict();

export const ZBookingIdSchema = z.object({ id: ZId, version: ZVersion, reason: ZReason }).strict();
export const ZRescheduleSchema = z
  .object({ id: ZId, startsAt: ZInstant, staffId: ZId.nullish(), version: ZVersion, reason: ZReason })
  .strict();

export type THoldInput = z.infer<typeof ZHoldSchema>;
export type TConfirmHoldInput = z.infer<typeof ZConfirmHoldSchema>;
export type TCreateBookingInput = z.infer<typeof ZCreateBookingSchema>;
