import type { TenantDb } from "../db/db.server";
import type { Customer } from "../db/generated/prisma/client";
import { isSupportedLocale, type TLocale } from "../i18n/localized-text";
import { findPack } from "../packs";
import { alreadyMerged, customerNotFound } from "./customer-errors";
import { readFields, type TCustomerFieldDef } from "./customer-fields";
import type { TCustomerAddress, TCustomerView } from "./customers.types";

/** Reading customer rows: the API view, the tenant facts they depend on, merges followed. */

/** A stored row -> what the API returns. */
export function toCustomerView(row: Customer): TCustomerView {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    locale: isSupportedLocale(row.locale) ? row.locale : "en",
    tags: row.tags,
    fields: readFields(row.fields),
    notes: row.notes,
    address: (row.address as TCustomerAddress | null) ?? null,
    smsConsent: { granted: row.smsConsent, source: row.smsConsentSource, at: row.smsConsentAt },
    mergedIntoId: row.mergedIntoId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The tenant facts customers depend on: the pack's trade fields, its language and time zone. */
export async function tenantCustomerFacts(
  db: TenantDb,
): Promise<{ fields: TCustomerFieldDef[]; defaultLocale: TLocale; timeZone: string }> {
  const tenant = await db.tenant.findUnique({
    where: { id: db.tenantId },
    select: { industryPackKey: true, defaultLocale: true, timeZone: true },
  });
  const pack = findPack(tenant?.industryPackKey);
  return {
    fields: pack?.customerFields ?? [],
    defaultLocale: isSupportedLocale(tenant?.defaultLocale) ? tenant.defaultLocale : "en",
    timeZone: tenant?.timeZone ?? "UTC",
  };
}

/** Follows merges from a record to the one that survived (a few hops at most). */
export async function resolveSurvivor(db: TenantDb, row: Customer): Promise<Customer> {
  let current = row;
  for (let hops = 0; current.mergedIntoId && hops < 10; hops++) {
    const next = await db.customer.findFirst({ where: { id: current.mergedIntoId, tenantId: db.tenantId } });
    if (!next) break;
    current = next;
  }
  return current;
}

/** An active (not merged) customer of this tenant, or NotFound / Conflict. */
export async function loadActiveCustomer(db: TenantDb, id: string): Promise<Customer> {
  const row = await db.customer.findFirst({ where: { id, tenantId: db.tenantId } });
  if (!row) throw customerNotFound();
  if (row.mergedIntoId) throw alreadyMerged();
  return row;
}
