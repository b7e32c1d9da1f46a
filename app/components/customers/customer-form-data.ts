import type { TCustomerFieldDef } from "#server/customers/customer-fields";
import { CONSENT_METHODS, type TConsentMethod, type TCustomerCreate } from "#server/customers/customers.types";

/** Turning the customer forms into API input (used by the route actions), and finding a field's error. */

export const ADDRESS_KEYS = ["line1", "line2", "city", "state", "postalCode", "country"] as const;

const text = (form: FormData, key: string) => String(form.get(key) ?? "");

/** Everything the details form posts, as `customers.create` / `customers.update` input (the API validates it). */
export function customerInputFromForm(form: FormData, defs: readonly TCustomerFieldDef[]) {
  const address = Object.fromEntries(ADDRESS_KEYS.map((k) => [k, text(form, `address.${k}`)]));
  const fields = Object.fromEntries(
    defs.map((d) => [d.key, d.type === "list" ? form.getAll(`fields.${d.key}`).map(String) : text(form, `fields.${d.key}`)]),
  );
  return {
    name: text(form, "name"),
    phone: text(form, "phone"),
    email: text(form, "email"),
    locale: text(form, "locale") === "es" ? ("es" as const) : ("en" as const),
    tags: [text(form, "tags")],
    notes: text(form, "notes"),
    address,
    fields,
  } satisfies TCustomerCreate;
}

export function consentMethodFromForm(form: FormData): TConsentMethod {
  const method = text(form, "method");
  return (CONSENT_METHODS as readonly string[]).includes(method) ? (method as TConsentMethod) : "other";
}

/** The message for `path` or anything under it ("fields.vehicles" also matches "fields.vehicles.2"). */
export function errorFor(fields: Record<string, string> | null | undefined, path: string): string | undefined {
  if (!fields) return undefined;
  return fields[path] ?? Object.entries(fields).find(([k]) => k.startsWith(`${path}.`))?.[1];
}
