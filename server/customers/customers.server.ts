import type { TenantDb } from "../db/db.server";
import { Prisma } from "../db/generated/prisma/client";
import { Invalid } from "../errors/domain-errors";
import { invalidPhone, parseOrInvalid, phoneTaken } from "./customer-errors";
import { applyFieldPatch, checkCustomerFields, readFields, type TCustomerFieldDef } from "./customer-fields";
import { loadActiveCustomer, resolveSurvivor, tenantCustomerFacts, toCustomerView } from "./customer-records.server";
import {
  ZCustomerCreateSchema,
  ZCustomerUpdateSchema,
  ZUpsertByPhoneSchema,
  type TCustomerAddress,
  type TCustomerCreate,
  type TCustomerUpdate,
  type TCustomerView,
  type TUpsertByPhone,
} from "./customers.types";
import { formatPhone, normalizePhone } from "./phone";
import { recordSmsConsent } from "./sms-consent.server";

/**
 * The business's customers: create, update, look up by phone. Phones are E.164 and unique
 * per tenant; a merged record keeps its phone so lookups by that number reach the survivor.
 */

/**
 * Makes sure `phone` can be given to customer `forId` (or to a new customer): another
 * active customer holding it is a conflict; a hidden merged record of the same person
 * gives it up.
 */
async function claimPhone(db: TenantDb, phone: string, forId: string | null): Promise<void> {
  const holder = await db.customer.findFirst({ where: { tenantId: db.tenantId, phone } });
  if (!holder || holder.id === forId) return;
  const survivor = await resolveSurvivor(db, holder);
  if (forId && holder.mergedIntoId && survivor.id === forId) {
    await db.customer.update({ where: { id: holder.id }, data: { phone: null } });
    return;
  }
  throw phoneTaken(survivor.name || formatPhone(survivor.phone ?? phone));
}

function fieldsOrThrow(defs: readonly TCustomerFieldDef[], input: Record<string, unknown> | undefined) {
  const { values, errors } = checkCustomerFields(defs, input ?? {});
  if (Object.keys(errors).length) throw Invalid("errors:invalidInput", errors);
  return values;
}

const jsonOrNull = (v: TCustomerAddress | null | undefined) => (v ? (v as Prisma.InputJsonValue) : Prisma.DbNull);

/** Adds a customer (phone as typed, trade fields checked against the pack), with their consent to texts when given. */
export async function createCustomer(db: TenantDb, raw: TCustomerCreate, actorUserId: string | null = null): Promise<TCustomerView> {
  const input = parseOrInvalid(ZCustomerCreateSchema, raw);
  const facts = await tenantCustomerFacts(db);
  const fields = applyFieldPatch({}, fieldsOrThrow(facts.fields, input.fields));
  if (input.phone) await claimPhone(db, input.phone, null);
  let row = await db.customer.create({
    data: {
      tenantId: db.tenantId,
      name: input.name,
      phone: input.phone ?? null,
      email: input.email ?? null,
      locale: input.locale ?? facts.defaultLocale,
      tags: input.tags ?? [],
      fields,
      notes: input.notes ?? null,
      address: jsonOrNull(input.address),
    },
  });
  if (input.smsConsent)
    row = await recordSmsConsent(db, row, {
      granted: true,
      source: input.smsConsent.source,
      words: input.smsConsent.words ?? null,
      actorUserId,
    });
  await db.auditEntry.create({
    data: {
      tenantId: db.tenantId,
      actorUserId,
      action: "customer.created",
      targetType: "customer",
      targetId: row.id,
      data: { via: "create" },
    },
  });
  return toCustomerView(row);
}

/**
 * Changes what is given. A new phone number withdraws consent to texts: it was given for
 * the old number (the ledger records why).
 */
export async function updateCustomer(
  db: TenantDb,
  id: string,
  raw: TCustomerUpdate,
  actorUserId: string | null = null,
): Promise<TCustomerView> {
  const input = parseOrInvalid(ZCustomerUpdateSchema, raw);
  const current = await loadActiveCustomer(db, id);
  const facts = input.fields ? await tenantCustomerFacts(db) : null;
  const data: Prisma.CustomerUpdateInput = {};
  const changed: string[] = [];
  const change = <K extends keyof Prisma.CustomerUpdateInput & string>(key: K, value: Prisma.CustomerUpdateInput[K], differs: boolean) => {
    if (!differs) return;
    data[key] = value;
    changed.push(key);
  };
  if (input.name !== undefined) change("name", input.name, input.name !== current.name);
  if (input.email !== undefined) change("email", input.email ?? null, (input.email ?? null) !== current.email);
  if (input.locale !== undefined) change("locale", input.locale, input.locale !== current.locale);
  if (input.tags !== undefined) change("tags", input.tags, input.tags.join("\u0000") !== current.tags.join("\u0000"));
  if (input.notes !== undefined) change("notes", input.notes ?? null, (input.notes ?? null) !== current.notes);
  if (input.address !== undefined)
    change("address", jsonOrNull(input.address), JSON.stringify(input.address ?? null) !== JSON.stringify(current.address ?? null));
  if (facts) {
    const stored = readFields(current.fields);
    const next = applyFieldPatch(stored, fieldsOrThrow(facts.fields, input.fields));
    change("fields", next, JSON.stringify(next) !== JSON.stringify(stored));
  }
  const phone = input.phone === undefined ? current.phone : (input.phone ?? null);
  const phoneChanged = phone !== current.phone;
  if (phoneChanged) {
    if (phone) await claimPhone(db, phone, id);
    data.phone = phone;
    changed.push("phone");
  }
  if (!changed.length) return toCustomerView(current);
  let row = await db.customer.update({ where: { id }, data });
  if (phoneChanged && current.smsConsent) {
    row = await recordSmsConsent(
      db,
      row,
      { granted: false, source: "customers.phoneChanged", words: null, actorUserId },
      { phone: current.phone },
    );
  }
  await db.auditEntry.create({
    data: { tenantId: db.tenantId, actorUserId, action: "customer.updated", targetType: "customer", targetId: id, data: { changed } },
  });
  return toCustomerView(row);
}

/** The customer with this phone number (as typed or E.164), following merges; null when none or not a phone number. */
export async function findCustomerByPhone(db: TenantDb, rawPhone: string): Promise<TCustomerView | null> {
  const phone = normalizePhone(rawPhone);
  if (!phone) return null;
  const row = await db.customer.findFirst({ where: { tenantId: db.tenantId, phone } });
  return row ? toCustomerView(await resolveSurvivor(db, row)) : null;
}

/**
 * Bookings and inbound messages: the customer with this number (following merges), created
 * on first contact. Never renames a known customer; only fills in an email it lacked.
 * Safe under concurrency: two first contacts from one number create one customer.
 */
export async function upsertCustomerByPhone(
  db: TenantDb,
  raw: TUpsertByPhone,
  options: { actorUserId?: string | null } = {},
): Promise<{ customer: TCustomerView; created: boolean }> {
  const input = parseOrInvalid(ZUpsertByPhoneSchema, raw);
  const phone = input.phone;
  if (!phone) throw invalidPhone();
  const existing = await db.customer.findFirst({ where: { tenantId: db.tenantId, phone } });
  if (existing) {
    let survivor = await resolveSurvivor(db, existing);
    if (!survivor.email && input.email) survivor = await db.customer.update({ where: { id: survivor.id }, data: { email: input.email } });
    return { customer: toCustomerView(survivor), created: false };
  }
  const facts = await tenantCustomerFacts(db);
  // ON CONFLICT DO NOTHING: a concurrent first contact may win; then we read its row.
  const inserted = await db.customer.createMany({
    data: [
      {
        tenantId: db.tenantId,
        name: input.name || formatPhone(phone),
        phone,
        email: input.email ?? null,
        locale: input.locale ?? facts.defaultLocale,
      },
    ],
    skipDuplicates: true,
  });
  const row = await resolveSurvivor(db, await db.customer.findFirstOrThrow({ where: { tenantId: db.tenantId, phone } }));
  if (inserted.count) {
    await db.auditEntry.create({
      data: {
        tenantId: db.tenantId,
        actorUserId: options.actorUserId ?? null,
        action: "customer.created",
        targetType: "customer",
        targetId: row.id,
        data: { via: "phone" },
      },
    });
  }
  return { customer: toCustomerView(row), created: inserted.count > 0 };
}
