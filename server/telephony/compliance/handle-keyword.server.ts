import { readConfig } from "../../config/config-service.server";
import { recordOutboundMessage } from "../../conversations/record-outbound-message.server";
import { deliverOutboundMessage } from "../../conversations/deliver-outbound-message.server";
import { formatPhone } from "../../customers/phone";
import { setSmsConsent } from "../../customers/sms-consent.server";
import { withTenant, type TenantDb } from "../../db/db.server";
import { translateNow } from "../../i18n/translate.server";
import { createManageToken, manageUrl } from "../../booking/manage-link.server";
import { emitEvent } from "../../events/outbox.server";
import { isSupportedLocale, pickLocale, type TLocale } from "../../i18n/localized-text";
import { formatWhen } from "../../notifications/format";
import { classifyComplianceKeyword, type TComplianceKind, type TComplianceMatch } from "./keywords";

export type THandleComplianceResult = { handled: false } | { handled: true; kind: TComplianceKind; replyMessageId: string | null };

/** A reply still QUEUED this long after it was recorded was abandoned by a crashed attempt: a later attempt sends it. */

/** Ledger source of consent changes made by a customer's own text. */
export const SMS_KEYWORD_SOURCE = "sms.keyword";

/**
 * Answers a customer's STOP / START / HELP (or plain-language opt-out) text, before anything
 * else reads it (the inbound-SMS function calls this first; `handled: true` means the AI
 * agent must not answer). In one transaction: the reply is recorded with the key
 * `compliance:<messageId>`, and only when that record is new the consent changes (OPT_OUT:
 * ledger row + smsConsent false, effective at once; OPT_IN: ledger row + smsConsent true;
 * HELP: no change). Then, outside the transaction, the attempt that recorded the reply
 * delivers it. Handling the same message again writes nothing and sends nothing more; only
 * a reply left QUEUED for over 30 s (the first attempt crashed before sending) is sent by a
 * later attempt.
 */
export async function handleComplianceKeyword(tenantId: string, messageId: string): Promise<THandleComplianceResult> {
  const run = <T>(fn: (db: TenantDb) => Promise<T>) => withTenant(tenantId, fn);
  const recorded = await run(async (db) => {
    const message = await db.message.findFirst({
      where: { id: messageId, tenantId, channel: "SMS", direction: "INBOUND" },
      select: {
        body: true,
        conversationId: true,
        conversation: { select: { customer: { select: { id: true, phone: true, smsConsent: true, locale: true } } } },
      },
    });
    const match = message ? classifyComplianceKeyword(message.body) : null;
    if (!message || !match) return null;
    const { customer } = message.conversation;
    const locale: TLocale = match.locale === "es" ? "es" : isSupportedLocale(customer.locale) ? customer.locale : "en";
    // CANCEL is an opt-out (carriers say so), but a customer with a booking coming up may
    // have meant the booking: the one reply says how to cancel or move it, and the owner is told.
    const booking = match.kind === "OPT_OUT" && isCancelWord(match.keyword) ? await upcomingBooking(db, customer.id) : null;
    const body = [await replyText(db, match.kind, locale), booking ? await bookingHint(db, booking, locale) : null]
      .filter(Boolean)
      .join(" ");
    // The one text an opt-out allows: recorded under the policy's "compliance" purpose (QUEUED even to a number that just opted out, at any hour).
    const reply = await recordOutboundMessage(db, {
      target: { conversationId: message.conversationId },
      channel: "SMS",
      body,
      authorUserId: null,
      purpose: "compliance",
      idempotencyKey: `compliance:${messageId}`,
      metadata: { kind: `compliance.${match.kind.toLowerCase()}`, inboundMessageId: messageId },
    });
    if (reply.created && match.kind !== "HELP" && customer.phone) await applyConsent(db, customer.id, match);
    if (reply.created && booking)
      await emitEvent(db, "compliance/cancel-word", { tenantId, messageId, customerId: customer.id, bookingId: booking.id });
    // Delivery claims the reply before the carrier is called (deliverOutboundMessage): a
    // concurrent duplicate finds it claimed and sends nothing; a claim left by a crash is
    // taken over once stale.
    return { kind: match.kind, reply: reply.message, deliver: reply.message.status === "QUEUED" || reply.message.status === "SENDING" };
  });
  if (!recorded) return { handled: false };
  const { kind, reply, deliver } = recorded;
  if (deliver) await deliverOutboundMessage(run, reply.id);
  return { handled: true, kind, replyMessageId: reply.id };
}

async function applyConsent(db: TenantDb, customerId: string, match: TComplianceMatch): Promise<void> {
  await setSmsConsent(db, customerId, {
    granted: match.kind === "OPT_IN",
    source: SMS_KEYWORD_SOURCE,
    words: match.words.slice(0, 1000),
    actorUserId: null,
  });
}

/** The opt-out words that also mean "cancel my booking" (English and Spanish). */
const CANCEL_WORDS = new Set(["cancel", "cancelar"]);
const isCancelWord = (keyword: string | null) => keyword !== null && CANCEL_WORDS.has(keyword);

interface UpcomingBooking {
  id: string;
  startsAt: Date;
  serviceName: Record<string, string>;
}

/** The customer's next booking that is still on (requested or confirmed, not started). */
async function upcomingBooking(db: TenantDb, customerId: string, now = new Date()): Promise<UpcomingBooking | null> {
  const booking = await db.booking.findFirst({
    where: { customerId, status: { in: ["REQUESTED", "CONFIRMED"] }, startsAt: { gt: now } },
    orderBy: { startsAt: "asc" },
    select: { id: true, startsAt: true, service: { select: { name: true } } },
  });
  return booking ? { id: booking.id, startsAt: booking.startsAt, serviceName: booking.service.name as Record<string, string> } : null;
}

/** How to cancel or move the booking without texts: the manage link (this number proved itself by texting) and the business's phone. */
async function bookingHint(db: TenantDb, booking: UpcomingBooking, locale: TLocale): Promise<string> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { slug: true, timeZone: true } });
  const phone = (await readConfig(db, "PHONE")).number;
  const params = {
    service: pickLocale(booking.serviceName, locale),
    when: formatWhen(booking.startsAt, locale, tenant.timeZone),
    url: manageUrl(tenant.slug, createManageToken({ bookingId: booking.id, tenantId: db.tenantId })),
    phone: phone ? formatPhone(phone) : "",
  };
  return translateNow(locale, phone ? "compliance:reply.bookingStillOn" : "compliance:reply.bookingStillOnNoPhone", params);
}

async function replyText(db: TenantDb, kind: TComplianceKind, locale: TLocale): Promise<string> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { name: true } });
  const business = tenant.name;
  if (kind === "OPT_OUT") return translateNow(locale, "compliance:reply.optOut", { business });
  if (kind === "OPT_IN") return translateNow(locale, "compliance:reply.optIn", { business });
  const contact = await helpContact(db);
  return contact
    ? translateNow(locale, "compliance:reply.help", { business, contact })
    : translateNow(locale, "compliance:reply.helpNoContact", { business });
}

/** Where a customer can reach a person: the business's phone number, else the owner's email. */
async function helpContact(db: TenantDb): Promise<string | null> {
  const phone = await readConfig(db, "PHONE");
  if (phone.number) return formatPhone(phone.number);
  const owner = await db.membership.findFirst({
    where: { tenantId: db.tenantId, role: "OWNER" },
    orderBy: { createdAt: "asc" },
    select: { user: { select: { email: true } } },
  });
  return owner?.user.email ?? null;
}
