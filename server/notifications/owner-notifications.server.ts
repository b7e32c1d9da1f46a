import { readConfig } from "../config/config-service.server";
import { withTenant } from "../db/db.server";
import { env } from "../env.server";
import { isSupportedLocale, pickLocale, type TLocale } from "../i18n/localized-text";
import { formatCents } from "../../app/lib/money";
import { appBaseUrl, formatWhen } from "./format";
import { renderLayout, tr, type RenderedEmail } from "./templates.server";

/**
 * What the owners of a business are told, per the EMAIL node's notifyOwner switches:
 * new bookings, cancellations and new inbound messages. Returns one email per owner (in
 * that owner's language); an empty list when the switch is off or nothing applies.
 */
export type OwnerNotice =
  | { kind: "owner.newBooking" | "owner.cancellation"; bookingId: string }
  | { kind: "owner.newMessage"; messageId: string };

export interface OwnerEmail extends RenderedEmail {
  to: string;
  kind: OwnerNotice["kind"];
}

export async function composeOwnerNotices(tenantId: string, notice: OwnerNotice): Promise<OwnerEmail[]> {
  return withTenant(tenantId, async (db) => {
    const email = await readConfig(db, "EMAIL");
    const wanted = notice.kind === "owner.newBooking" ? email.notifyOwner.newBooking : notice.kind === "owner.cancellation" ? email.notifyOwner.cancellation : email.notifyOwner.newMessage;
    if (!wanted || email.notifyChannel === "SMS") return [];
    const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { name: true, timeZone: true, defaultLocale: true } });
    const owners = await db.membership.findMany({ where: { role: "OWNER" }, select: { user: { select: { email: true, locale: true } } } });
    const base = appBaseUrl(env().APP_URL, env().PORT);

    let build: (locale: TLocale) => { subject: string; lines: string[]; action: { label: string; url: string } };
    if (notice.kind === "owner.newMessage") {
      const message = await db.message.findUnique({ where: { id: notice.messageId }, select: { body: true, direction: true, conversationId: true, conversation: { select: { customer: { select: { name: true } } } } } });
      if (!message || message.direction !== "INBOUND") return [];
      const params = { customerName: message.conversation.customer.name, preview: message.body.slice(0, 140) };
      build = (locale) => ({
        subject: tr(locale, "owner.newMessage.subject", params),
        lines: [tr(locale, "owner.newMessage.body", params)],
        action: { label: tr(locale, "openInbox"), url: `${base}/dashboard/inbox/${message.conversationId}` },
      });
    } else {
      const booking = await db.booking.findUnique({
        where: { id: notice.bookingId },
        select: { startsAt: true, priceCents: true, service: { select: { name: true } }, customer: { select: { name: true } } },
      });
      if (!booking) return [];
      const key = notice.kind === "owner.newBooking" ? "newBooking" : "cancellation";
      build = (locale) => {
        const params = {
          customerName: booking.customer?.name ?? "—",
          serviceName: pickLocale(booking.service.name as Record<string, string>, locale),
          when: formatWhen(booking.startsAt, locale, tenant.timeZone),
        };
        return {
          subject: tr(locale, `owner.${key}.subject`, params),
          lines: [tr(locale, `owner.${key}.body`, params), tr(locale, "booking.confirmation.price", { price: formatCents(booking.priceCents, locale) })],
          action: { label: tr(locale, "openDashboard"), url: `${base}/dashboard` },
        };
      };
    }
    return owners.map(({ user }) => {
      const locale: TLocale = isSupportedLocale(user.locale) ? user.locale : isSupportedLocale(tenant.defaultLocale) ? tenant.defaultLocale : "en";
      const content = build(locale);
      return { to: user.email, kind: notice.kind, ...renderLayout({ locale, businessName: tenant.name, ...content }) };
    });
  });
}
