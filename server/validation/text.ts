import { z } from "zod";
import { cleanText, textLength, type CleanTextOptions } from "./clean-text";

/**
 * The shared string schemas. Every string a procedure or a form action accepts goes through
 * one of these, so control characters get a translated field error instead of reaching the
 * database (PostgreSQL refuses NUL: a 500), invisible-only input is empty, names lose bidi
 * overrides, and every limit is enforced with a message that says the limit.
 * tests/unit/validation/inputs-use-shared-text.test.ts walks the API's input schemas and fails
 * on a string that skips them.
 */

/** Schemas built here; the walker test accepts these and nothing else for strings. */
const SHARED = new WeakSet<z.ZodType>();
export const isSharedStringSchema = (schema: unknown): boolean =>
  typeof schema === "object" && schema !== null && SHARED.has(schema as z.ZodType);

function mark<T extends z.ZodType>(schema: T): T {
  SHARED.add(schema);
  return schema;
}

export interface TextOptions extends CleanTextOptions {
  /** Most characters (code points, after cleaning). */
  max: number;
  /** Fewest characters; 1 or more makes the field required ("validation.required" when empty). */
  min?: number;
  /** i18n key (errors:) when empty and min is 1 or more; default "validation.required". */
  required?: string;
  /** i18n key (errors:) when shorter than min (other than empty); default "validation.tooShortChars". */
  tooShort?: string;
  /** i18n key (errors:) when longer than max; default "validation.tooLongChars" (says the limit). */
  tooLong?: string;
}

/**
 * Free text typed by a person: a name, a line of an address, a note, a message. A plain
 * string schema with a check and an overwrite (not a transform), so its problems never stop
 * the checks of the object around it: a form gets every field error at once.
 */
export function zText(options: TextOptions) {
  const { max, min = 0 } = options;
  return mark(
    z
      .string({ error: "validation.invalid" })
      .superRefine((raw, ctx) => {
        const cleaned = cleanText(raw, options);
        if (!cleaned.ok) {
          ctx.addIssue({ code: "custom", message: `validation.${cleaned.problem}` });
          return;
        }
        const length = textLength(cleaned.value);
        const params = { min, max, count: length };
        if (min > 0 && length === 0) ctx.addIssue({ code: "custom", message: options.required ?? "validation.required" });
        else if (length < min) ctx.addIssue({ code: "custom", message: options.tooShort ?? "validation.tooShortChars", params });
        else if (length > max) ctx.addIssue({ code: "custom", message: options.tooLong ?? "validation.tooLongChars", params });
      })
      .overwrite((raw) => {
        const cleaned = cleanText(raw, options);
        return cleaned.ok ? cleaned.value : raw;
      }),
  );
}

/** A person's or a business's name: one line, bidi overrides removed. */
export function zName(options: Omit<TextOptions, "stripBidi" | "multiline">) {
  return zText({ ...options, stripBidi: true });
}

/**
 * A machine value with a fixed shape (an id, a key, a date, a ZIP code). The pattern must be
 * anchored at both ends and single-line, so a control character can never match.
 */
export function zPattern(
  pattern: RegExp,
  options: {
    message?: string;
    max?: number;
    tooLong?: string;
    trim?: boolean;
    lowerCase?: boolean;
    check?: (value: string) => boolean;
  } = {},
) {
  if (!pattern.source.startsWith("^") || !pattern.source.endsWith("$") || pattern.multiline) {
    throw new Error(`zPattern needs an anchored, single-line pattern: ${pattern}`);
  }
  const message = options.message ?? "validation.invalid";
  let schema = z.string({ error: message });
  if (options.trim) schema = schema.trim();
  if (options.lowerCase) schema = schema.toLowerCase();
  if (options.max) schema = schema.max(options.max, { message: options.tooLong ?? message });
  schema = schema.regex(pattern, { message });
  // A refine makes a new schema, so an extra check is part of the shared one, not added after.
  return mark(options.check ? schema.refine(options.check, { message }) : schema);
}

/** A database id (uuid, or a test's readable id). */
export const zId = () => zPattern(/^[A-Za-z0-9_-]{1,64}$/);

/** A business's web address slug as it appears in a URL (lower-cased; the lookup decides whether it exists). */
export const zSlug = () => zPattern(/^[a-z0-9-]{1,63}$/, { trim: true, lowerCase: true });

/** An opaque value we issued (a signed token, a cursor, an OAuth code): printable ASCII, no spaces. */
export const zToken = (max: number) => zPattern(/^[\x21-\x7E]+$/, { max });

/** An email address as typed: trimmed and lower-cased ("" stays "" for optional fields to map to null). */
export function zEmail(options: { optional?: boolean } = {}) {
  return mark(
    zText({ max: 254 }).transform((value, ctx) => {
      const lower = value.toLowerCase();
      if (lower === "" && options.optional) return lower;
      if (!z.email().safeParse(lower).success) {
        ctx.addIssue({ code: "custom", message: "validation.email" });
        return z.NEVER;
      }
      return lower;
    }),
  );
}
