import { z } from "zod";
import { ZLocaleSchema, type TLocale } from "../i18n/localized-text";
import { FIELD_LIMITS, type TCustomerFieldDef, type TCustomerFields } from "./customer-fields";
import { normalizePhone } from "./phone";
import { MAX_TAG_LENGTH, MAX_TAGS, normalizeTags } from "./tags";
import { textLength } from "../validation/clean-text";
import { zEmail, zId, zName, zPattern, zText, zToken } from "../validation/text";

/**
 * Inputs and outputs of the customers domain (zod schemas `Z…Schema`, inferred types `T…`).
 * Messages are i18n keys under `errors:validation.*`, so the procedures and the domain
 * functions report the same field errors. Pure: the dashboard imports the types and limits.
 */
const ZId = zId();

/** Limits the customer forms show (counters) and the schemas enforce. */
export const CUSTOMER_TEXT_LIMITS = {
  name: 120,
  phone: 40,
  email: 254,
  tag: 200,
  addressLine: 120,
  notes: 5000,
  consentWords: 1000,
  search: 100,
} as const;
const L = CUSTOMER_TEXT_LIMITS;

export const ZCustomerNameSchema = zName({ min: 1, max: L.name });

/** A phone number as typed -> E.164; empty -> null. */
export const ZCustomerPhoneSchema = zText({ max: L.phone, tooLong: "validation.phoneE164" }).transform((value, ctx) => {
  if (!value) return null;
  const e164 = normalizePhone(value);
  if (!e164) {
    ctx.addIssue({ code: "custom", message: "validation.phoneE164" });
    return z.NEVER;
  }
  return e164;
});

/** Lower-cased; empty -> null. */
export const ZCustomerEmailSchema = zEmail({ optional: true }).transform((v) => v || null);

export const ZCustomerTagsSchema = z
  .array(zText({ max: L.tag }))
  .max(MAX_TAGS * 2, { message: "validation.tooLong" })
  .transform((tags, ctx) => {
    const out = normalizeTags(tags);
    if (out.length > MAX_TAGS) ctx.addIssue({ code: "custom", message: "validation.tooMany", params: { max: MAX_TAGS } });
    out.forEach((tag, i) => {
      if (textLength(tag) > MAX_TAG_LENGTH)
        ctx.addIssue({ code: "custom", message: "validation.tooLongChars", params: { max: MAX_TAG_LENGTH }, path: [i] });
    });
    return out;
  });

const ZAddressLine = zText({ max: L.addressLine }).optional();
/** { line1, line2, city, state, postalCode, country }, all optional; nothing filled in -> null. */
export const ZCustomerAddressSchema = z
  .object({
    line1: ZAddressLine,
    line2: ZAddressLine,
    city: ZAddressLine,
    state: ZAddressLine,
    postalCode: ZAddressLine,
    country: ZAddressLine,
  })
  .strict()
  .transform((a) => {
    const filled = Object.fromEntries(Object.entries(a).filter(([, v]) => v)) as TCustomerAddress;
    return Object.keys(filled).length ? filled : null;
  });

export const ZCustomerNotesSchema = zText({ max: L.notes, multiline: true }).transform((v) => v || null);

/** Trade fields by key; their values are checked against the tenant's pack in the domain. */
export const ZCustomerFieldsInputSchema = z.record(
  zPattern(/^[a-zA-Z][a-zA-Z0-9]{0,63}$/),
  z.union([
    zText({ max: FIELD_LIMITS.textLength, multiline: true }),
    z.number(),
    z.array(zText({ max: FIELD_LIMITS.listItemLength })).max(100),
    z.null(),
  ]),
);

/** Where consent came from: "dashboard.phoneCall", "booking.public", "sms.keyword"... */
export const ZConsentSourceSchema = zPattern(/^[a-z][a-zA-Z0-9._-]{0,63}$/, { trim: true });
export const ZConsentWordsSchema = zText({ max: L.consentWords, multiline: true });

export const ZSmsConsentChangeSchema = z
  .object({
    granted: z.boolean(),
    source: ZConsentSourceSchema,
    words: ZConsentWordsSchema.nullish(),
    actorUserId: ZId.nullish(),
    /** When it was given (defaults to now): an import or a booking form may know better. */
    at: z.date().optional(),
  })
  .strict();
export type TSmsConsentChange = z.input<typeof ZSmsConsentChangeSchema>;

export const ZCustomerCreateSchema = z
  .object({
    name: ZCustomerNameSchema,
    phone: ZCustomerPhoneSchema.nullish(),
    email: ZCustomerEmailSchema.nullish(),
    /** Defaults to the business's language. */
    locale: ZLocaleSchema.optional(),
    tags: ZCustomerTagsSchema.optional(),
    fields: ZCustomerFieldsInputSchema.optional(),
    notes: ZCustomerNotesSchema.nullish(),
    address: ZCustomerAddressSchema.nullish(),
    /** Consent to automated texts given while adding the customer. */
    smsConsent: z.object({ source: ZConsentSourceSchema, words: ZConsentWordsSchema.nullish() }).strict().nullish(),
  })
  .strict();
export type TCustomerCreate = z.input<typeof ZCustomerCreateSchema>;

/** A patch: only the properties given change; `fields` changes only the keys given (null removes one). */
export const ZCustomerUpdateSchema = z
  .object({
    name: ZCustomerNameSchema.optional(),
    phone: ZCustomerPhoneSchema.nullish(),
    email: ZCustomerEmailSchema.nullish(),
    locale: ZLocaleSchema.optional(),
    tags: ZCustomerTagsSchema.optional(),
    fields: ZCustomerFieldsInputSchema.optional(),
    notes: ZCustomerNotesSchema.nullish(),
    address: ZCustomerAddressSchema.nullish(),
  })
  .strict();
export type TCustomerUpdate = z.input<typeof ZCustomerUpdateSchema>;

export const ZUpsertByPhoneSchema = z
  .object({
    phone: zText({ min: 1, max: L.phone, required: "validation.phoneE164", tooLong: "validation.phoneE164" }).pipe(ZCustomerPhoneSchema),
    name: zName({ max: L.name }).nullish(),
    email: ZCustomerEmailSchema.nullish(),
    locale: ZLocaleSchema.optional(),
  })
  .strict();
export type TUpsertByPhone = z.input<typeof ZUpsertByPhoneSchema>;

export const ZSearchCustomersSchema = z
  .object({
    q: zText({ max: L.search }).optional(),
    tag: zText({ max: L.search }).optional(),
    limit: z.number().int().min(1).max(100).default(25),
    /** From a previous page's `nextCursor`. */
    cursor: zToken(400).optional(),
  })
  .strict();
export type TSearchCustomers = z.input<typeof ZSearchCustomersSchema>;

export const ZCustomerIdSchema = z.object({ id: ZId }).strict();
export const ZMergeCustomersSchema = z.object({ survivorId: ZId, duplicateId: ZId }).strict();

/** How a member heard a customer agree (or refuse): the source is "dashboard.<method>". */
export const CONSENT_METHODS = ["phoneCall", "inPerson", "paperForm", "textMessage", "other"] as const;
export type TConsentMethod = (typeof CONSENT_METHODS)[number];

// ------------------------------------------------------------------------------- views

export interface TCustomerAddress {
  line1?: string;
  line2?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
}

export interface TSmsConsentState {
  granted: boolean;
  source: string | null;
  at: Date | null;
}

export interface TCustomerView {
  id: string;
  name: string;
  /** E.164. */
  phone: string | null;
  email: string | null;
  locale: TLocale;
  tags: string[];
  fields: TCustomerFields;
  notes: string | null;
  address: TCustomerAddress | null;
  smsConsent: TSmsConsentState;
  /** Set when this record was merged into another; merged records are hidden from lists. */
  mergedIntoId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface TCustomerListItem {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  tags: string[];
  smsConsent: boolean;
  /** The latest job that happened (confirmed, in progress or completed). */
  lastBookingAt: Date | null;
  /** The next requested or confirmed job. */
  nextBookingAt: Date | null;
}

export interface TCustomerPage {
  items: TCustomerListItem[];
  nextCursor: string | null;
}

export type TBookingStatus = "HELD" | "REQUESTED" | "CONFIRMED" | "IN_PROGRESS" | "COMPLETED" | "CANCELLED" | "NO_SHOW";

export interface TCustomerBooking {
  id: string;
  startsAt: Date;
  status: TBookingStatus;
  service: Record<TLocale, string>;
  priceCents: number;
}

export interface TCustomerBookingSummary {
  total: number;
  upcoming: number;
  completed: number;
  /** Cancelled or no-show. */
  missed: number;
  /** Sum of completed jobs' prices, integer cents. */
  completedCents: number;
  lastAt: Date | null;
  nextAt: Date | null;
  /** The most recent and upcoming jobs, newest first (at most 20). */
  recent: TCustomerBooking[];
}

export interface TConsentHistoryEntry {
  id: string;
  action: "OPT_IN" | "OPT_OUT";
  channel: "SMS" | "EMAIL";
  source: string;
  words: string | null;
  phone: string | null;
  actor: { id: string; name: string } | null;
  at: Date;
}

export interface TCustomerDetails {
  customer: TCustomerView;
  bookings: TCustomerBookingSummary;
  /** Newest first; includes the history of records merged into this one. */
  consentHistory: TConsentHistoryEntry[];
  /** Records merged into this one. */
  mergedFrom: Array<{ id: string; name: string; phone: string | null }>;
}

export type TDuplicateReason = "phone" | "email" | "name";
export interface TDuplicateCandidate {
  customer: TCustomerListItem & { createdAt: Date };
  reasons: TDuplicateReason[];
}

export interface TCustomerContext {
  /** The pack's trade fields, in the order to show them. */
  fields: TCustomerFieldDef[];
  /** Every tag in use, for the filter. */
  tags: string[];
  timeZone: string;
  defaultLocale: TLocale;
}

export interface TMergeResult {
  survivor: TCustomerView;
  moved: { bookings: number; messages: number; conversation: "none" | "moved" | "combined"; mergedRecords: number; phone: boolean };
}
