import type { TenantDb } from "../db/db.server";
import type { Customer } from "../db/generated/prisma/client";
import { consentNeedsPhone, customerNotFound, parseOrInvalid } from "./customer-errors";
import { resolveSurvivor } from "./customer-records.server";
import { ZSmsConsentChangeSchema, type TConsentHistoryEntry, type TSmsConsentChange, type TSmsConsentState } from "./customers.types";

/**
 * Consent to automated texts. The customer row holds the current state (granted, how, when);
 * `consent_events` is the append-only ledger of every statement: who recorded it, when,
 * how (source) and the words the customer saw or said.
 */

interface ConsentStatement {
  granted: boolean;
  source: string;
  words: string | null;
  actorUserId: string | null;
}

/** Internal: applies a statement to a loaded row and appends it to the ledger. `phone` overrides the number it concerns. */
export async function recordSmsConsent(
  db: TenantDb,
  row: Customer,
  statement: ConsentStatement,
  options: { phone?: string | null; at?: Date } = {},
): Promise<Customer> {
  if (statement.granted && !row.phone) throw consentNeedsPhone();
  const at = options.at ?? new Date();
  const updated = await db.customer.update({
    where: { id: row.id },
    data: { smsConsent: statement.granted, smsConsentSource: statement.source, smsConsentAt: at },
  });
  await db.consentEvent.create({
    data: {
      tenantId: db.tenantId,
      customerId: row.id,
      phone: options.phone === undefined ? row.phone : options.phone,
      channel: "SMS",
      action: statement.granted ? "OPT_IN" : "OPT_OUT",
      source: statement.source,
      words: statement.words,
      actorUserId: statement.actorUserId,
      createdAt: at,
    },
  });
  return updated;
}

/**
 * Records that a customer agreed to (or refused) automated texts, for any domain: the
 * dashboard ("dashboard.phoneCall"), bookings ("booking.public"), SMS keywords
 * ("sms.keyword" with the words "STOP"). Every call is appended to the ledger, even when
 * the state does not change (a renewed "yes" is evidence too). A merged record's consent
 * goes to the survivor.
 */
export async function setSmsConsent(
  db: TenantDb,
  customerId: string,
  change: TSmsConsentChange,
): Promise<TSmsConsentState & { customerId: string; changed: boolean }> {
  const input = parseOrInvalid(ZSmsConsentChangeSchema, change);
  const found = await db.customer.findFirst({ where: { id: customerId, tenantId: db.tenantId } });
  if (!found) throw customerNotFound();
  const row = await resolveSurvivor(db, found);
  const updated = await recordSmsConsent(
    db,
    row,
    { granted: input.granted, source: input.source, words: input.words ?? null, actorUserId: input.actorUserId ?? null },
    { at: input.at },
  );
  return {
    customerId: row.id,
    granted: updated.smsConsent,
    source: updated.smsConsentSource,
    at: updated.smsConsentAt,
    changed: row.smsConsent !== updated.smsConsent,
  };
}

/** The ledger for these customers (a record and those merged into it), newest first, with who recorded each entry. */
export async function consentHistory(db: TenantDb, customerIds: string[], limit = 50): Promise<TConsentHistoryEntry[]> {
  const events = await db.consentEvent.findMany({
    where: { tenantId: db.tenantId, customerId: { in: customerIds } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  const actorIds = [...new Set(events.map((e) => e.actorUserId).filter((id): id is string => Boolean(id)))];
  const actors = actorIds.length ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(actors.map((a) => [a.id, a.name]));
  return events.map((e) => ({
    id: e.id,
    action: e.action,
    channel: e.channel,
    source: e.source,
    words: e.words,
    phone: e.phone,
    actor: e.actorUserId ? { id: e.actorUserId, name: names.get(e.actorUserId) ?? "" } : null,
    at: e.createdAt,
  }));
}
