import type { TLocalizedText } from "../i18n/localized-text";

/**
 * Trade-specific facts about a customer (vehicles for a detailer, pets for a groomer, a
 * gate code for lawn care), stored in `customers.fields` under the keys of the tenant's
 * industry pack (`customerFields`). Pure: shared by the domain, its tests and the forms.
 */
export type TCustomerFieldType = "text" | "number" | "list";
export interface TCustomerFieldDef {
  key: string;
  label: TLocalizedText;
  type: TCustomerFieldType;
}
export type TCustomerFieldValue = string | number | string[];
export type TCustomerFields = Record<string, TCustomerFieldValue>;

export const FIELD_LIMITS = { textLength: 1000, listItems: 30, listItemLength: 200 } as const;

export interface FieldCheck {
  /** Cleaned values; null means "remove this key". */
  values: Record<string, TCustomerFieldValue | null>;
  /** Field path ("fields.vehicles.2") -> i18n key. */
  errors: Record<string, string>;
}

const isBlank = (v: unknown) =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0);

/** Checks values against the pack's definitions: unknown keys, numbers that are not numbers, lists that are too long. */
export function checkCustomerFields(defs: readonly TCustomerFieldDef[], input: Record<string, unknown>): FieldCheck {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const values: FieldCheck["values"] = {};
  const errors: FieldCheck["errors"] = {};
  for (const [key, raw] of Object.entries(input)) {
    const def = byKey.get(key);
    const path = `fields.${key}`;
    if (!def) {
      errors[path] = "errors:customers.unknownField";
      continue;
    }
    if (isBlank(raw)) {
      values[key] = null;
      continue;
    }
    switch (def.type) {
      case "text": {
        const text = typeof raw === "string" ? raw.trim() : typeof raw === "number" ? String(raw) : null;
        if (text === null) errors[path] = "errors:validation.invalid";
        else if (text.length > FIELD_LIMITS.textLength) errors[path] = "errors:validation.tooLong";
        else values[key] = text;
        break;
      }
      case "number": {
        const n = typeof raw === "number" ? raw : typeof raw === "string" ? Number(raw.trim().replace(",", ".")) : Number.NaN;
        if (!Number.isFinite(n) || Math.abs(n) > 1e9) errors[path] = "errors:customers.notANumber";
        else values[key] = n;
        break;
      }
      case "list": {
        const items = typeof raw === "string" ? raw.split("\n") : Array.isArray(raw) ? raw : null;
        if (!items || items.some((i) => typeof i !== "string")) {
          errors[path] = "errors:validation.invalid";
          break;
        }
        const cleaned: string[] = [];
        (items as string[]).forEach((item, i) => {
          const text = item.replace(/\s+/g, " ").trim();
          if (text.length > FIELD_LIMITS.listItemLength) errors[`${path}.${i}`] = "errors:validation.tooLong";
          else if (text && !cleaned.some((c) => c.toLowerCase() === text.toLowerCase())) cleaned.push(text);
        });
        if (cleaned.length > FIELD_LIMITS.listItems) errors[path] = "errors:validation.tooLong";
        values[key] = cleaned.length ? cleaned : null;
        break;
      }
    }
  }
  return { values, errors };
}

/** Stored fields with a patch applied (null removes a key). Keys the pack no longer knows are kept. */
export function applyFieldPatch(current: TCustomerFields, patch: Record<string, TCustomerFieldValue | null>): TCustomerFields {
  const next: TCustomerFields = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

/** What two records of one customer know together: lists are united, other values come from the survivor unless it has none. */
export function unionFields(survivor: TCustomerFields, duplicate: TCustomerFields): TCustomerFields {
  const out: TCustomerFields = { ...duplicate, ...survivor };
  for (const [key, dupValue] of Object.entries(duplicate)) {
    const own = survivor[key];
    if (Array.isArray(own) && Array.isArray(dupValue)) {
      const merged = [...own];
      for (const item of dupValue) if (!merged.some((m) => m.toLowerCase() === item.toLowerCase())) merged.push(item);
      out[key] = merged;
    } else if (isBlank(own)) {
      out[key] = dupValue;
    }
  }
  return out;
}

/** Stored JSON -> typed fields (anything that is not a string, number or list of strings is dropped). */
export function readFields(json: unknown): TCustomerFields {
  if (!json || typeof json !== "object" || Array.isArray(json)) return {};
  const out: TCustomerFields = {};
  for (const [k, v] of Object.entries(json as Record<string, unknown>)) {
    if (typeof v === "string" || (typeof v === "number" && Number.isFinite(v))) out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((i): i is string => typeof i === "string");
  }
  return out;
}
