import { IANAZone } from "luxon";
import { withGlobal, withTenant, type TenantDb } from "../db/db.server";
import { Prisma } from "../db/generated/prisma/client";
import { emitEvent } from "../events/outbox.server";
import { isSupportedLocale, pickLocale, type TLocale } from "../i18n/localized-text";
import { translateNow } from "../i18n/translate.server";
import { formatWhen } from "../notifications/format";
import { sendTenantEmail } from "../notifications/send-email.server";
import { renderLayout, tidySentence, tr } from "../notifications/templates.server";
import { readBookingConfig } from "./booking-rules.server";
import { createManageToken, manageUrl } from "./manage-link.server";
import { isInsideWindow, planReminders, type PlannedReminder, type SkippedReminder } from "./reminder-plan";
import { deliverOutboundMessage } from "../conversations/deliver-outbound-message.server";
import { quietHoursBlock } from "../telephony/compliance/quiet-hours";
import { recordOutboundMessage } from "../conversations/record-outbound-message.server";

/**
 * Booking reminders, as the durable function (inngest/functions/booking-reminders.ts)
 * uses them: plan the send times, then at each time send ONLY IF the booking is still
 * CONFIRMED at the version and start time the triggering event carried. That check is
 * the guarantee that no reminder ever goes out for a time that is no longer booked;
 * cancelling superseded sleeping runs (local runner) only saves wasted wake-ups.
 */
export interface ReminderRef {
  bookingId: string;
  version: number;
  /** ISO instant the triggering event carried. */
  startsAt: string;
}

export type ReminderSkipReason = "stale" | "disabled" | "started" | "quietHours" | "noCustomer" | "noChannel";

export type ReminderOutcome =
  | { sent: true; channels: Array<"SMS" | "EMAIL">; duplicate: boolean }
  /** `stop`: later reminders of this run would be skipped for the same reason. */
  | { sent: false; reason: ReminderSkipReason; stop: boolean };

const validZone = (zone: string) => (IANAZone.isValidZone(zone) ? zone : "UTC");

/** Whether the booking is still exactly what the event said (status CONFIRMED, same version, same start). */
function isCurrent(b: { status: string; version: number; startsAt: Date }, ref: ReminderRef): boolean {
  return b.status === "CONFIRMED" && b.version === ref.version && b.startsAt.getTime() === Date.parse(ref.startsAt);
}

/** The send times for a booking's reminders (none when it is no longer current or reminders are off). */
export async function planBookingReminders(
  tenantId: string,
  ref: ReminderRef,
  options: { now?: Date } = {},
): Promise<{ reminders: PlannedReminder[]; skipped: SkippedReminder[]; timeZone: string }> {
  return withTenant(tenantId, async (db) => {
    // One query at a time: a transaction is one connection.
    const booking = await db.booking.findUnique({
      where: { id: ref.bookingId },
      select: { status: true, version: true, startsAt: true, customer: { select: { phone: true, address: true } } },
    });
    const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { timeZone: true } });
    const config = await readBookingConfig(db);
    // Customers have no time zone of their own yet: the business's zone stands in.
    const timeZone = validZone(tenant.timeZone);
    if (!booking || !isCurrent(booking, ref) || !config.reminders.enabled) return { reminders: [], skipped: [], timeZone };
    const plan = planReminders({
      startsAt: booking.startsAt,
      offsetsMinutes: config.reminders.offsetsMinutes,
      quietHours: config.quietHours,
      timeZone,
      now: options.now ?? new Date(),
    });
    return { ...withinRecipientHours(plan, booking, timeZone), timeZone };
  });
}

/**
 * The text also has to fit the recipient's own quiet hours (their zone, stricter state
 * windows: telephony/compliance/quiet-hours.ts): a reminder planned outside them moves to
 * their next allowed time, or is skipped when that is not before the job.
 */
function withinRecipientHours(
  plan: { reminders: PlannedReminder[]; skipped: SkippedReminder[] },
  booking: { startsAt: Date; customer: { phone: string | null; address: unknown } | null },
  tenantTimeZone: string,
): { reminders: PlannedReminder[]; skipped: SkippedReminder[] } {
  const phone = booking.customer?.phone;
  if (!phone) return plan;
  const address = booking.customer?.address as { state?: unknown } | null;
  const addressState = address && typeof address.state === "string" ? address.state : null;
  const reminders: PlannedReminder[] = [];
  const skipped = [...plan.skipped];
  for (const r of plan.reminders) {
    const check = quietHoursBlock({ phone, addressState, tenantTimeZone, now: new Date(r.sendAt) });
    if (!check.blocked) reminders.push(r);
    else if (
      check.nextAllowedAt.getTime() < booking.startsAt.getTime() &&
      !reminders.some((x) => x.sendAt === check.nextAllowedAt.toISOString())
    )
      reminders.push({ ...r, sendAt: check.nextAllowedAt.toISOString(), moved: true });
    else skipped.push({ offsetMinutes: r.offsetMinutes, reason: "quietHours" });
  }
  return { reminders, skipped };
}

export interface SendReminderInput extends ReminderRef {
  offsetMinutes: number;
  /** When the plan meant it to go out (ISO). */
  scheduledFor: string;
}

/** How late past its planned time a reminder may still go out inside quiet hours (a runner that was down). */
const QUIET_GRACE_MS = 15 * 60_000;

/**
 * Sends one reminder, idempotently: the SMS is recorded in the customer's conversation
 * through recordOutboundMessage with the key `reminder:<bookingId>:<version>:<offset>` (a
 * retry stores nothing twice; the send rules may record it BLOCKED with a reason) and
 * delivered through the SMS port after the commit. SMS only with consent and a phone;
 * email whenever there is an address (claimed with provider id `<key>:email`, sent after
 * the commit).
 */
export async function sendReminder(tenantId: string, input: SendReminderInput, options: { now?: Date } = {}): Promise<ReminderOutcome> {
  const now = options.now ?? new Date();
  const result = await withTenant(
    tenantId,
    async (db): Promise<{ outcome: ReminderOutcome; email?: PendingEmail; smsMessageId?: string }> => {
      const booking = await db.booking.findUnique({
        where: { id: input.bookingId },
        include: {
          service: { select: { name: true } },
          customer: { select: { id: true, name: true, phone: true, email: true, locale: true, smsConsent: true } },
        },
      });
      if (!booking || !isCurrent(booking, input)) return { outcome: { sent: false, reason: "stale", stop: true } };
      const config = await readBookingConfig(db);
      if (!config.reminders.enabled) return { outcome: { sent: false, reason: "disabled", stop: true } };
      if (now.getTime() >= booking.startsAt.getTime()) return { outcome: { sent: false, reason: "started", stop: true } };
      const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { name: true, slug: true, timeZone: true } });
      const timeZone = validZone(tenant.timeZone);
      const late = now.getTime() - Date.parse(input.scheduledFor) > QUIET_GRACE_MS;
      if (late && !isInsideWindow(now, config.quietHours, timeZone)) return { outcome: { sent: false, reason: "quietHours", stop: false } };
      const customer = booking.customer;
      if (!customer) return { outcome: { sent: false, reason: "noCustomer", stop: true } };

      const locale: TLocale = isSupportedLocale(customer.locale) ? customer.locale : "en";
      const params = {
        businessName: tenant.name,
        serviceName: pickLocale(booking.service.name as Record<string, string>, locale),
        when: formatWhen(booking.startsAt, locale, timeZone),
        manageUrl: manageUrl(tenant.slug, createManageToken({ bookingId: booking.id, tenantId }, { now })),
      };
      const key = `reminder:${booking.id}:${booking.version}:${input.offsetMinutes}`;
      const channels: Array<"SMS" | "EMAIL"> = [];
      let duplicate = false;
      let smsMessageId: string | undefined;
      if (customer.smsConsent && customer.phone) {
        // Through the inbox's outbound path: the send rules apply (opt-outs, the recipient's
        // quiet hours) and a blocked reminder is recorded with its reason in the thread.
        const body = tidySentence(translateNow(locale, "notifications:booking.reminder.sms", params));
        const recorded = await recordOutboundMessage(db, {
          target: { customerId: customer.id },
          channel: "SMS",
          body,
          authorUserId: null,
          idempotencyKey: key,
          metadata: { kind: "booking.reminder", bookingId: booking.id, offsetMinutes: input.offsetMinutes },
          // Judged at the time it was planned for (the planner put it inside the window), or
          // now when it runs late: the recipient's quiet hours then block it with a reason.
          now: new Date(Math.max(now.getTime(), Date.parse(input.scheduledFor))),
        });
        duplicate ||= !recorded.created;
        if (recorded.message.status !== "BLOCKED") channels.push("SMS");
        if (recorded.message.status === "QUEUED" || recorded.message.status === "SENDING") smsMessageId = recorded.message.id;
      }
      let email: PendingEmail | undefined;
      if (customer.email) {
        const rendered = renderLayout({
          locale,
          businessName: tenant.name,
          subject: tr(locale, "booking.reminder.subject", params),
          heading: tr(locale, "booking.reminder.heading", params),
          lines: [tr(locale, "booking.reminder.body", params)],
          action: { label: tr(locale, "manageCta"), url: params.manageUrl },
        });
        const claim = await storeOutbound(db, customer.id, {
          channel: "EMAIL",
          status: "QUEUED",
          body: rendered.text,
          subject: rendered.subject,
          providerMessageId: `${key}:email`,
          metadata: { kind: "booking.reminder", bookingId: booking.id, offsetMinutes: input.offsetMinutes },
        });
        channels.push("EMAIL");
        if (claim.status === "QUEUED") email = { messageId: claim.id, to: customer.email, ...rendered };
        else duplicate = true;
      }
      if (!channels.length) return { outcome: { sent: false, reason: "noChannel", stop: true } };
      return { outcome: { sent: true, channels, duplicate }, email, smsMessageId };
    },
  );
  // The text leaves after the commit too, through the SMS port (SignalWire, or the offline adapter).
  if (result.smsMessageId) await deliverOutboundMessage((fn) => withTenant(tenantId, fn), result.smsMessageId);
  // The email leaves after the commit, outside any transaction; a failure throws and the step retries (the claim is still QUEUED).
  if (result.email) {
    const { messageId, ...email } = result.email;
    const sent = await sendTenantEmail(tenantId, { kind: "booking.reminder", ...email });
    await withTenant(tenantId, (db) =>
      db.message.update({
        where: { id: messageId },
        data: { status: "SENT", metadata: { kind: "booking.reminder", emailMessageId: sent.id } },
      }),
    );
  }
  return result.outcome;
}

interface PendingEmail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Stores an outbound message in the customer's conversation unless one with the same provider id exists. */
async function storeOutbound(
  db: TenantDb,
  customerId: string,
  m: {
    channel: "SMS" | "EMAIL";
    status: "SENT" | "QUEUED";
    body: string;
    subject: string | null;
    providerMessageId: string;
    metadata: Record<string, unknown>;
  },
): Promise<{ id: string; status: string; created: boolean }> {
  const existing = await db.message.findUnique({
    where: { tenantId_provider_providerMessageId: { tenantId: db.tenantId, provider: "local", providerMessageId: m.providerMessageId } },
    select: { id: true, status: true },
  });
  if (existing) return { ...existing, created: false };
  const now = new Date();
  const conversation = await db.conversation.upsert({
    where: { tenantId_customerId: { tenantId: db.tenantId, customerId } },
    create: { tenantId: db.tenantId, customerId, lastMessageAt: now, lastMessagePreview: m.body.slice(0, 140) },
    update: { lastMessageAt: now, lastMessagePreview: m.body.slice(0, 140) },
    select: { id: true },
  });
  // ON CONFLICT DO NOTHING: a concurrent retry that got here first wins, without aborting this transaction.
  const [row] = await db.message.createManyAndReturn({
    data: [
      {
        tenantId: db.tenantId,
        conversationId: conversation.id,
        channel: m.channel,
        direction: "OUTBOUND",
        status: m.status,
        body: m.body,
        subject: m.subject,
        provider: "local",
        providerMessageId: m.providerMessageId,
        metadata: m.metadata as Prisma.InputJsonValue,
      },
    ],
    skipDuplicates: true,
    select: { id: true, status: true },
  });
  if (!row) {
    const again = await db.message.findUniqueOrThrow({
      where: { tenantId_provider_providerMessageId: { tenantId: db.tenantId, provider: "local", providerMessageId: m.providerMessageId } },
      select: { id: true, status: true },
    });
    return { ...again, created: false };
  }
  await emitEvent(db, "message/stored", {
    tenantId: db.tenantId,
    conversationId: conversation.id,
    messageId: row.id,
    customerId,
    channel: m.channel,
    direction: "OUTBOUND",
  });
  return { ...row, created: true };
}

/**
 * The local runner has no cancelOn: when a booking changes, the reminder runs started by
 * its older versions that are still waiting (QUEUED or SLEEPING) are marked CANCELLED.
 * Opens its own global transaction: call it outside any withTenant (a step does).
 * In Inngest cloud mode job_runs is empty and this changes nothing (cancelOn does it there).
 */
export async function cancelSupersededReminderRuns(
  ref: { functionId: string; tenantId: string; bookingId: string; version: number },
  options: { now?: Date } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  return withGlobal(
    (g) =>
      g.$executeRaw`
      UPDATE job_runs
         SET status = 'CANCELLED', finished_at = ${now}::timestamptz, updated_at = ${now}::timestamptz,
             locked_by = NULL, locked_until = NULL,
             last_error = ${`superseded by booking version ${ref.version}`}
       WHERE function_id = ${ref.functionId}
         AND tenant_id = ${ref.tenantId}
         AND status IN ('QUEUED', 'SLEEPING')
         AND event->'data'->>'bookingId' = ${ref.bookingId}
         AND (event->'data'->>'version')::int < ${ref.version}::int`,
  );
}
