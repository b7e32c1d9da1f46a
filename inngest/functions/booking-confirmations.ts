import { IANAZone } from "luxon";
import { formatCents } from "../../server/money/money";
import { createManageToken, manageUrl } from "../../server/booking/manage-link.server";
import { deliverOutboundMessage } from "../../server/conversations/deliver-outbound-message.server";
import { recordOutboundMessage } from "../../server/conversations/record-outbound-message.server";
import { CONVERSATION_WINDOW_MS, CUSTOMER_CONTACT } from "../../server/conversations/sms-policy.server";
import { withTenant } from "../../server/db/db.server";
import { isSupportedLocale, pickLocale, type TLocale } from "../../server/i18n/localized-text";
import { translateNow } from "../../server/i18n/translate.server";
import { formatWhen } from "../../server/notifications/format";
import { sendTenantEmail } from "../../server/notifications/send-email.server";
import { renderLayout, tr } from "../../server/notifications/templates.server";
import { inngest } from "../client";
import { bookingCancelled, bookingConfirmed, bookingCreated, bookingRescheduled } from "../events";

/**
 * Tells the customer that a booking was made, confirmed, moved or cancelled: a text (only
 * with SMS consent, through the inbox's outbound path so the SMS policy applies and the
 * message is RECORDED in the customer's thread, where the owner sees it) and an email when
 * they gave an address (recorded in the same thread, sent with the branded layout).
 *
 * Idempotent per booking version: every message carries the key
 * `booking-<kind>:<bookingId>:v<version>:<channel>`, so a replayed event or a retried step
 * stores and sends nothing twice. A booking that changed again since the event (a newer
 * version) gets its own message from the newer event: the older one is skipped.
 */
export const BOOKING_CONFIRMATIONS_ID = "booking-confirmations";

export type ConfirmationKind = "confirmation" | "requested" | "rescheduled" | "cancelled";

export interface ConfirmationPlan {
  skipped: null | "stale" | "noCustomer" | "noChannel";
  sms: { messageId: string; status: string } | null;
  email: { messageId: string; status: string; to: string; subject: string; text: string; html: string } | null;
}

const validZone = (zone: string) => (IANAZone.isValidZone(zone) ? zone : "UTC");

/** Which message an event calls for, or null when the customer needs none. */
export function confirmationKindOf(event: { name: string; data: { status?: string } }): ConfirmationKind | null {
  if (event.name === "booking/created") return event.data.status === "REQUESTED" ? "requested" : "confirmation";
  if (event.name === "booking/confirmed") return "confirmation";
  if (event.name === "booking/rescheduled") return "rescheduled";
  if (event.name === "booking/cancelled") return "cancelled";
  return null;
}

/**
 * Writes the customer's messages for one booking version into their conversation (SMS and
 * EMAIL start QUEUED, or BLOCKED by the SMS policy) and returns what is left to send.
 */
export async function planBookingConfirmation(
  tenantId: string,
  ref: { bookingId: string; version: number; kind: ConfirmationKind; byCustomer?: boolean },
  options: { now?: Date } = {},
): Promise<ConfirmationPlan> {
  const now = options.now ?? new Date();
  return withTenant(tenantId, async (db): Promise<ConfirmationPlan> => {
    const none = (skipped: ConfirmationPlan["skipped"]): ConfirmationPlan => ({ skipped, sms: null, email: null });
    const booking = await db.booking.findUnique({
      where: { id: ref.bookingId },
      include: {
        service: { select: { name: true } },
        customer: { select: { id: true, phone: true, email: true, locale: true, smsConsent: true } },
      },
    });
    if (!booking || booking.version !== ref.version) return none("stale");
    if (ref.kind === "cancelled" ? booking.status !== "CANCELLED" : booking.status === "CANCELLED" || booking.status === "HELD")
      return none("stale");
    const customer = booking.customer;
    if (!customer) return none("noCustomer");
    // A customer who is texting or calling the business (the AI agent booked for them) gets
    // the text in that conversation even without standing consent (sms-policy.server.ts).
    const inConversation =
      !customer.smsConsent && customer.phone
        ? (await db.message.count({
            where: {
              conversation: { customerId: customer.id },
              ...CUSTOMER_CONTACT,
              createdAt: { gte: new Date(now.getTime() - CONVERSATION_WINDOW_MS) },
            },
          })) > 0
        : false;
    const wantsSms = (customer.smsConsent || inConversation) && Boolean(customer.phone);
    if (!wantsSms && !customer.email) return none("noChannel");

    const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { name: true, slug: true, timeZone: true } });
    const locale: TLocale = isSupportedLocale(customer.locale) ? customer.locale : "en";
    const params = {
      businessName: tenant.name,
      serviceName: pickLocale(booking.service.name as Record<string, string>, locale),
      when: formatWhen(booking.startsAt, locale, validZone(tenant.timeZone)),
      manageUrl: manageUrl(tenant.slug, createManageToken({ bookingId: booking.id, tenantId }, { now })),
    };
    const key = `booking-${ref.kind}:${booking.id}:v${booking.version}`;
    const metadata = { kind: `booking.${ref.kind}`, bookingId: booking.id, version: booking.version };
    const section = ref.kind === "requested" ? "confirmation" : ref.kind;

    // recordOutboundMessage is idempotent by key; looking the key up first (kept in
    // metadata too) also tells us the earlier message's delivery status.
    const earlier = async (channel: "SMS" | "EMAIL") =>
      db.message.findFirst({
        where: { channel, metadata: { path: ["confirmationKey"], equals: `${key}:${channel.toLowerCase()}` } },
        select: { id: true, status: true },
      });

    let sms: ConfirmationPlan["sms"] = null;
    const smsBefore = wantsSms ? await earlier("SMS") : null;
    if (smsBefore) sms = { messageId: smsBefore.id, status: smsBefore.status };
    else if (wantsSms) {
      const smsKey = ref.kind === "requested" ? "booking.confirmation.smsRequested" : `booking.${section}.sms`;
      const recorded = await recordOutboundMessage(db, {
        target: { customerId: customer.id },
        channel: "SMS",
        body: tr(locale, smsKey, params),
        authorUserId: null,
        // What the customer just did (booked, cancelled) is answered at once, even late in the evening.
        purpose: ref.byCustomer ? "customerAction" : undefined,
        idempotencyKey: `${key}:sms`,
        metadata: { ...metadata, confirmationKey: `${key}:sms` },
      });
      sms = { messageId: recorded.message.id, status: recorded.message.status };
    }

    let email: ConfirmationPlan["email"] = null;
    const emailBefore = customer.email ? await earlier("EMAIL") : null;
    if (emailBefore && emailBefore.status !== "QUEUED")
      email = { messageId: emailBefore.id, status: emailBefore.status, to: customer.email!, subject: "", text: "", html: "" };
    else if (customer.email) {
      const requested = ref.kind === "requested";
      const lines = [tr(locale, requested ? "booking.confirmation.bodyRequested" : `booking.${section}.body`, params)];
      if (ref.kind !== "cancelled") {
        lines.push(tr(locale, "booking.confirmation.price", { price: formatCents(booking.priceCents, locale) }));
        if (booking.depositCents > 0)
          lines.push(tr(locale, "booking.confirmation.deposit", { deposit: formatCents(booking.depositCents, locale) }));
      }
      const rendered = renderLayout({
        locale,
        businessName: tenant.name,
        subject: tr(locale, requested ? "booking.confirmation.subjectRequested" : `booking.${section}.subject`, params),
        heading: tr(locale, requested ? "booking.confirmation.headingRequested" : `booking.${section}.heading`, params),
        lines,
        action: ref.kind === "cancelled" ? undefined : { label: translateNow(locale, "notifications:manageCta"), url: params.manageUrl },
      });
      const recorded = await recordOutboundMessage(db, {
        target: { customerId: customer.id },
        channel: "EMAIL",
        subject: rendered.subject,
        body: rendered.text,
        authorUserId: null,
        idempotencyKey: `${key}:email`,
        metadata: { ...metadata, confirmationKey: `${key}:email` },
      });
      email = { messageId: recorded.message.id, status: recorded.message.status, to: customer.email, ...rendered };
    }
    return { skipped: null, sms, email };
  });
}

/** Sends the recorded email (branded layout) once: only a message still QUEUED goes out, then it is marked SENT or FAILED. */
export async function sendConfirmationEmail(tenantId: string, email: NonNullable<ConfirmationPlan["email"]>): Promise<{ status: string }> {
  const current = await withTenant(tenantId, (db) =>
    db.message.findUnique({ where: { id: email.messageId }, select: { status: true, metadata: true } }),
  );
  if (!current || current.status !== "QUEUED") return { status: current?.status ?? "MISSING" };
  const sent = await sendTenantEmail(tenantId, {
    to: email.to,
    kind: "booking.customerConfirmation",
    subject: email.subject,
    text: email.text,
    html: email.html,
  });
  const status = sent.status === "FAILED" ? "FAILED" : "SENT";
  await withTenant(tenantId, (db) =>
    db.message.updateMany({
      where: { id: email.messageId, status: "QUEUED" },
      data: {
        status,
        metadata: { ...(current.metadata as Record<string, unknown>), emailMessageId: sent.id, emailProvider: sent.provider },
      },
    }),
  );
  return { status };
}

/** The function with a given id (tests run isolated copies; the app uses BOOKING_CONFIRMATIONS_ID). */
export function createBookingConfirmations(id: string = BOOKING_CONFIRMATIONS_ID) {
  return inngest.createFunction(
    {
      id,
      name: "Booking confirmations to the customer",
      retries: 5,
      triggers: [bookingCreated, bookingConfirmed, bookingRescheduled, bookingCancelled],
    },
    async ({ event, step }) => {
      const kind = confirmationKindOf(event as { name: string; data: { status?: string } });
      if (!kind) return { kind: null, sms: null, email: null };
      const { tenantId, bookingId, version } = event.data;
      const data = event.data as { source?: string; by?: string };
      const byCustomer =
        (event.name === "booking/created" && (data.source === "PUBLIC" || data.source === "AGENT")) ||
        ((event.name === "booking/cancelled" || event.name === "booking/rescheduled") && data.by === "CUSTOMER");
      const plan = await step.run("record", () => planBookingConfirmation(tenantId, { bookingId, version, kind, byCustomer }));
      if (plan.skipped) return { kind, skipped: plan.skipped, sms: null, email: null };
      let sms: string | null = plan.sms?.status ?? null;
      const smsPlan = plan.sms;
      if (smsPlan && smsPlan.status === "QUEUED") {
        sms = await step.run(
          "send-sms",
          async () => (await deliverOutboundMessage((fn) => withTenant(tenantId, fn), smsPlan.messageId)).status,
        );
      }
      let email: string | null = plan.email?.status ?? null;
      const emailPlan = plan.email;
      if (emailPlan && emailPlan.status === "QUEUED") {
        email = (await step.run("send-email", () => sendConfirmationEmail(tenantId, emailPlan))).status;
      }
      return { kind, skipped: null, sms, email };
    },
  );
}

export const bookingConfirmations = createBookingConfirmations();
