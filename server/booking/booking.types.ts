import { z } from "zod";
import { ZOptionSelectionSchema } from "../catalog/options";
import { ZLocaleSchema } from "../i18n/localized-text";
import { zEmail, zId, zName, zSlug, zText, zToken } from "../validation/text";

/** zod inputs of the booking procedures (server/booking/router.server.ts). Times are ISO instants with an offset. */
const ZId = zId();
const ZInstant = z.iso.datetime({ offset: true, message: "validation.invalid" }).transform((s) => new Date(s));
const ZSlug = zSlug();
const ZToken = zToken(512);
const ZVersion = z.number().int().min(1).optional();
/** Limits the booking forms show (counters) and the schemas enforce. */
export const BOOKING_TEXT_LIMITS = {
  reason: 500,
  name: 120,
  phone: 40,
  notes: 2000,
  line: 200,
  city: 100,
  state: 50,
  postalCode: 10,
} as const;
const L = BOOKING_TEXT_LIMITS;
const ZReason = zText({ max: L.reason, multiline: true }).optional();
const ZName = zName({ min: 1, max: L.name });
const ZPhone = zText({
  min: 4,
  max: L.phone,
  required: "validation.phoneE164",
  tooShort: "validation.phoneE164",
  tooLong: "validation.phoneE164",
});
const ZEmail = zEmail({ optional: true })
  .transform((v) => v || null)
  .nullish();
const ZNotes = zText({ max: L.notes, multiline: true }).nullish();
const ZLine = (max: number, min = 0) => zText({ max, min });

/** Where the job happens (mobile businesses). line1 and the ZIP are what a visit needs. */
export const ZServiceAddressSchema = z
  .object({
    line1: ZLine(L.line, 1),
    line2: ZLine(L.line).optional(),
    city: ZLine(L.city).optional(),
    state: ZLine(L.state).optional(),
    postalCode: ZLine(L.postalCode, 1),
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
export const ZCheckAreaSchema = z.object({ slug: ZSlug, postalCode: ZLine(L.postalCode).optional() }).strict();

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
