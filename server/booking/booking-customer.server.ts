import { normalizePhone } from "../customers/phone";
import type { TenantDb } from "../db/db.server";
import { Invalid } from "../errors/domain-errors";
import type { TLocale } from "../i18n/localized-text";
import type { Prisma } from "../db/generated/prisma/client";
import type { TServiceAddress } from "./booking.types";

/**
 * The customer side of a booking: find the business's customer by phone (E.164) or add
 * them, and record SMS consent in the ledger when, and only when, it was given.
 * (A customers domain may absorb this; the rules stay the same.)
 */
export interface CustomerDetails {
  name: string;
  phone: string;
  email?: string | null;
  locale: TLocale;
  /** The service address of a booking: kept as the customer's address when they have none yet. */
  address?: TServiceAddress | null;
}

/** How consent to automated texts was given: the form or the member who heard it, and the words shown. */
export interface SmsConsentGrant {
  /** "booking.public", "booking.dashboard", "booking.agent". */
  source: string;
  words?: string | null;
  actorUserId?: string | null;
}

const invalidPhone = () => Invalid("errors:invalidInput", { phone: "errors:validation.phoneE164" });

/** The customer with this phone (following a merge to the surviving record), created when new. */
export async function attachCustomer(
  db: TenantDb,
  details: CustomerDetails,
  options: { smsConsent?: SmsConsentGrant | null; now: Date },
): Promise<{ id: string }> {
  const phone = normalizePhone(details.phone);
  if (!phone) throw invalidPhone();
  const email = details.email?.trim().toLowerCase() || null;
  // Upsert: two first bookings from the same new number at once must not both insert.
  let customer = await db.customer.upsert({
    where: { tenantId_phone: { tenantId: db.tenantId, phone } },
    create: {
      tenantId: db.tenantId,
      name: details.name.trim(),
      phone,
      email,
      locale: details.locale,
      address: details.address ? (details.address as unknown as Prisma.InputJsonValue) : undefined,
    },
    update: {},
    select: { id: true, email: true, address: true, mergedIntoId: true },
  });
  if (customer.mergedIntoId) {
    const survivor = await db.customer.findUnique({
      where: { id: customer.mergedIntoId },
      select: { id: true, email: true, address: true, mergedIntoId: true },
    });
    if (survivor) customer = survivor;
  }
  // A public form never renames a known customer; it only fills in an email we did not have.
  const fill: Prisma.CustomerUpdateInput = {};
  if (!customer.email && email) fill.email = email;
  if (customer.address === null && details.address) fill.address = details.address as unknown as Prisma.InputJsonValue;
  if (Object.keys(fill).length) await db.customer.update({ where: { id: customer.id }, data: fill });
  if (options.smsConsent) await recordSmsConsent(db, customer.id, phone, options.smsConsent, options.now);
  return { id: customer.id };
}

async function recordSmsConsent(db: TenantDb, customerId: string, phone: string, grant: SmsConsentGrant, now: Date) {
  await db.customer.update({ where: { id: customerId }, data: { smsConsent: true, smsConsentSource: grant.source, smsConsentAt: now } });
  await db.consentEvent.create({
    data: {
      tenantId: db.tenantId,
      customerId,
      phone,
      channel: "SMS",
      action: "OPT_IN",
      source: grant.source,
      words: grant.words ?? null,
      actorUserId: grant.actorUserId ?? null,
      createdAt: now,
    },
  });
}
