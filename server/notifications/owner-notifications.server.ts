import { readConfig } from "../config/config-service.server";
import { withTenant } from "../db/db.server";
import { env } from "../env.server";
import { isSupportedLocale, pickLocale, type TLocale } from "../i18n/localized-text";
import { formatCents } from "../money/money";
import { formatPhone } from "../customers/phone";
import { appBaseUrl, formatWhen } from "./format";
import { renderLayout, tr, type RenderedEmail } from "./templates.server";

/**
 * What the owners of a business are told, per the EMAIL node's notifyOwner switches:
 * new bookings, cancellations and new inbound messages, by email (one per owner, in that
 * owner's language), by text to EMAIL.notifySmsTo, or both (EMAIL.notifyChannel).
 */
export type OwnerNotice =
  | { kind: "owner.newBooking" | "owner.cancellation"; bookingId: string }
  | { kind: "owner.newMessage"; messageId: string }
  /** A customer with a booking coming up texted CANCEL: opted out of texts, the booking still on. Always sent (they may have meant the booking). */
  | { kind: "owner.cancelWord"; bookingId: string; messageId: string }
  /** A transcribed voicemail, with its summary. Always sent: a voicemail is never left unseen. */
  | { kind: "owner.voicemail"; messageId: string }
  /** A call (missed-call escalation, or every call with "always text and notify"); `textedBack` is what the caller was texted. */
  | { kind: "owner.call"; callId: string; textedBack: string | null };

export interface OwnerEmail extends RenderedEmail {
  to: string;
  kind: OwnerNotice["kind"];
}

/** A text to the number in EMAIL.notifySmsTo (the owner's own phone: an alert, not marketing). */
export interface OwnerText {
  to: string;
  body: string;
  kind: OwnerNotice["kind"];
}

export interface OwnerNotices {
  emails: OwnerEmail[];
  texts: OwnerText[];
}

type Built = { subject: string; lines: string[]; sms: string; action: { label: string; url: string } };

/**
 * The notices for one event, per the EMAIL node: emails to every owner (each in their own
 * language) and/or a text to EMAIL.notifySmsTo. SMS chosen but no number set: the owners
 * get the email instead, so a notice is never silently lost.
 */
export async function composeOwnerNotices(tenantId: string, notice: OwnerNotice): Promise<OwnerNotices> {
  const none: OwnerNotices = { emails: [], texts: [] };
  return withTenant(tenantId, async (db) => {
    const email = await readConfig(db, "EMAIL");
    // Voicemails and call escalations follow the PHONE node's switches, which asked for them.
    const wanted =
      notice.kind === "owner.newBooking"
        ? email.notifyOwner.newBooking
        : notice.kind === "owner.cancellation"
          ? email.notifyOwner.cancellation
          : notice.kind === "owner.newMessage"
            ? email.notifyOwner.newMessage
            : true;
    if (!wanted) return none;
    const smsTo = email.notifyChannel !== "EMAIL" ? email.notifySmsTo : null;
    const sendEmail = email.notifyChannel !== "SMS" || !smsTo;
    const tenant = await db.tenant.findUniqueOrThrow({
      where: { id: tenantId },
      select: { name: true, timeZone: true, defaultLocale: true },
    });
    const owners = await db.membership.findMany({
      where: { role: "OWNER" },
      orderBy: { createdAt: "asc" },
      select: { user: { select: { email: true, locale: true } } },
    });
    const base = appBaseUrl(env().APP_URL, env().PORT);

    let build: (locale: TLocale) => Built;
    if (notice.kind === "owner.newMessage") {
      const message = await db.message.findUnique({
        where: { id: notice.messageId },
        select: { body: true, direction: true, conversationId: true, conversation: { select: { customer: { select: { name: true } } } } },
      });
      if (!message || message.direction !== "INBOUND") return none;
      const params = { customerName: message.conversation.customer.name, preview: message.body.slice(0, 140) };
      const url = `${base}/dashboard/inbox/${message.conversationId}`;
      build = (locale) => ({
        subject: tr(locale, "owner.newMessage.subject", params),
        lines: [tr(locale, "owner.newMessage.body", params)],
        sms: `${tr(locale, "owner.newMessage.sms", { ...params, preview: message.body.slice(0, 80) })} ${url}`,
        action: { label: tr(locale, "openInbox"), url },
      });
    } else if (notice.kind === "owner.voicemail") {
      const message = await db.message.findUnique({
        where: { id: notice.messageId },
        select: { metadata: true, conversationId: true, conversation: { select: { customer: { select: { name: true, phone: true } } } } },
      });
      if (!message) return none;
      const meta = (message.metadata ?? {}) as {
        transcript?: string;
        summary?: { summary: string; intent: string; urgency: string; callbackRequested: boolean };
      };
      const customer = message.conversation.customer;
      const url = `${base}/dashboard/inbox/${message.conversationId}`;
      build = (locale) => {
        const params = {
          customerName: customer.name,
          phone: formatPhone(customer.phone),
          summary: meta.summary?.summary ?? "",
          intent: tr(locale, `owner.voicemail.intent.${meta.summary?.intent ?? "OTHER"}`),
        };
        const lines = [tr(locale, "owner.voicemail.body", params)];
        if (meta.transcript) lines.push(tr(locale, "owner.voicemail.transcript", { transcript: meta.transcript.slice(0, 1500) }));
        if (meta.summary?.callbackRequested) lines.push(tr(locale, "owner.voicemail.callback"));
        return {
          subject: tr(locale, meta.summary?.urgency === "HIGH" ? "owner.voicemail.subjectUrgent" : "owner.voicemail.subject", params),
          lines,
          sms: `${tr(locale, "owner.voicemail.sms", { ...params, summary: params.summary.slice(0, 120) })} ${url}`,
          action: { label: tr(locale, "openInbox"), url },
        };
      };
    } else if (notice.kind === "owner.call") {
      const call = await db.call.findUnique({
        where: { id: notice.callId },
        select: { fromNumber: true, startedAt: true, outcome: true, customer: { select: { id: true, name: true } } },
      });
      if (!call) return none;
      const thread = call.customer
        ? await db.conversation.findFirst({ where: { customerId: call.customer.id }, select: { id: true } })
        : null;
      const url = thread ? `${base}/dashboard/inbox/${thread.id}` : `${base}/dashboard/inbox`;
      const missed = call.outcome === "MISSED" || call.outcome === "ABANDONED";
      build = (locale) => {
        const params = {
          customerName: call.customer?.name ?? formatPhone(call.fromNumber),
          phone: formatPhone(call.fromNumber),
          when: formatWhen(call.startedAt, locale, tenant.timeZone),
          outcome: tr(locale, `owner.call.outcome.${call.outcome ?? "MISSED"}`),
        };
        const key = missed ? "missedCall" : "call";
        const lines = [tr(locale, `owner.${key}.body`, params)];
        if (notice.textedBack) lines.push(tr(locale, "owner.missedCall.textedBack", { text: notice.textedBack }));
        return {
          subject: tr(locale, `owner.${key}.subject`, params),
          lines,
          sms: `${tr(locale, `owner.${key}.sms`, params)} ${url}`,
          action: { label: tr(locale, "openInbox"), url },
        };
      };
    } else if (notice.kind === "owner.cancelWord") {
      const booking = await db.booking.findUnique({
        where: { id: notice.bookingId },
        select: { startsAt: true, service: { select: { name: true } }, customer: { select: { name: true, phone: true } } },
      });
      const message = await db.message.findUnique({ where: { id: notice.messageId }, select: { body: true, conversationId: true } });
      if (!booking || !message) return none;
      const url = `${base}/dashboard/inbox/${message.conversationId}`;
      build = (locale) => {
        const params = {
          customerName: booking.customer?.name ?? "—",
          phone: formatPhone(booking.customer?.phone ?? null),
          words: message.body.slice(0, 80),
          serviceName: pickLocale(booking.service.name as Record<string, string>, locale),
          when: formatWhen(booking.startsAt, locale, tenant.timeZone),
        };
        return {
          subject: tr(locale, "owner.cancelWord.subject", params),
          lines: [tr(locale, "owner.cancelWord.body", params), tr(locale, "owner.cancelWord.next", params)],
          sms: `${tr(locale, "owner.cancelWord.sms", params)} ${url}`,
          action: { label: tr(locale, "openInbox"), url },
        };
      };
    } else {
      const booking = await db.booking.findUnique({
        where: { id: notice.bookingId },
        select: { startsAt: true, priceCents: true, service: { select: { name: true } }, customer: { select: { name: true } } },
      });
      if (!booking) return none;
      const key = notice.kind === "owner.newBooking" ? "newBooking" : "cancellation";
      build = (locale) => {
        const params = {
          customerName: booking.customer?.name ?? "—",
          serviceName: pickLocale(booking.service.name as Record<string, string>, locale),
          when: formatWhen(booking.startsAt, locale, tenant.timeZone),
        };
        return {
          subject: tr(locale, `owner.${key}.subject`, params),
          lines: [
            tr(locale, `owner.${key}.body`, params),
            tr(locale, "booking.confirmation.price", { price: formatCents(booking.priceCents, locale) }),
          ],
          sms: tr(locale, `owner.${key}.sms`, params),
          action: { label: tr(locale, "openDashboard"), url: `${base}/dashboard/schedule` },
        };
      };
    }
    const localeOf = (userLocale: string | null | undefined): TLocale =>
      isSupportedLocale(userLocale) ? userLocale : isSupportedLocale(tenant.defaultLocale) ? tenant.defaultLocale : "en";
    const emails = sendEmail
      ? owners.map(({ user }) => {
          const locale = localeOf(user.locale);
          const content = build(locale);
          return { to: user.email, kind: notice.kind, ...renderLayout({ locale, businessName: tenant.name, ...content }) };
        })
      : [];
    // The alert number is the business's, not one person's: the first owner's language.
    const texts = smsTo ? [{ to: smsTo, kind: notice.kind, body: `${tenant.name}: ${build(localeOf(owners[0]?.user.locale)).sms}` }] : [];
    return { emails, texts };
  });
}
