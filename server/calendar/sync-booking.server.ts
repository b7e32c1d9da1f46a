import { withTenant, type TenantDb } from "../db/db.server";
import { env } from "../env.server";
import { translateNow } from "../i18n/translate.server";
import { isSupportedLocale, pickLocale, type TLocale } from "../i18n/localized-text";
import { calendarMode, isCalendarError, type CalendarEventInput } from "../integrations/google-calendar";
import { appBaseUrl } from "../notifications/format";
import { connectionForStaff } from "./connections.server";
import { googleEventIdFor } from "./event-id";
import { recordCalendarFailure, recordCalendarSuccess } from "./health.server";
import { withGoogleAccess } from "./tokens.server";

/**
 * Writes one booking's current state to its Google calendar (the staff member's, else the
 * business's): creates or moves the event, or deletes it when the booking is cancelled.
 *
 * Idempotent: the event id is derived from the booking id (a retry updates, never
 * duplicates). Always the booking's CURRENT state is written, and an event older than the
 * booking's version is ignored, so a stale retry never moves an event back. If the booking
 * changes while Google is being called, the newest state is written again before SYNCED
 * is recorded (SYNCED is only stored for the version that was written).
 *
 * Failures are typed (see the port) and recorded on the connection (health.server.ts);
 * this function rethrows them so the durable caller can retry or stop.
 */
export type TSyncOutcome =
  | { status: "skipped"; reason: "missing" | "stale" | "internal" | "held" }
  | { status: "NOT_NEEDED" }
  | { status: "PENDING"; reason: "disconnected" | "changing"; connectionId: string }
  | { status: "SYNCED"; connectionId: string; action: "upserted" | "deleted"; externalEventId: string | null };

type Plan =
  | { kind: "done"; outcome: TSyncOutcome }
  | { kind: "upsert"; connectionId: string; version: number; event: CalendarEventInput; exists: boolean }
  | { kind: "delete"; connectionId: string; version: number; eventId: string };

const MAX_PASSES = 3;

export async function syncBookingToCalendar(
  tenantId: string,
  bookingId: string,
  options: { eventVersion?: number } = {},
): Promise<TSyncOutcome> {
  let connectionId = "";
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const plan = await withTenant(tenantId, (db) => planBookingSync(db, bookingId, options.eventVersion));
    if (plan.kind === "done") return plan.outcome;
    connectionId = plan.connectionId;
    try {
      await withGoogleAccess(tenantId, plan.connectionId, async ({ port, accessToken, calendarId }) => {
        if (plan.kind === "upsert") await port.upsertEvent(accessToken, calendarId, plan.event, { exists: plan.exists });
        else await port.deleteEvent(accessToken, calendarId, plan.eventId);
      });
    } catch (error) {
      if (isCalendarError(error)) await recordCalendarFailure(tenantId, plan.connectionId, error);
      throw error;
    }
    const externalEventId = plan.kind === "upsert" ? plan.event.id : null;
    const recorded = await withTenant(tenantId, (db) =>
      db.booking.updateMany({ where: { id: bookingId, version: plan.version }, data: { calendarSyncStatus: "SYNCED", externalEventId } }),
    );
    await recordCalendarSuccess(tenantId, plan.connectionId);
    if (recorded.count === 1)
      return {
        status: "SYNCED",
        connectionId: plan.connectionId,
        action: plan.kind === "upsert" ? "upserted" : "deleted",
        externalEventId,
      };
    // The booking changed meanwhile: write its newest state (any event version is fine now).
    options = {};
  }
  return { status: "PENDING", reason: "changing", connectionId };
}

/** After the retries ran out: the booking shows FAILED (a reconnect or "Sync now" tries again). */
export async function markBookingSyncFailed(tenantId: string, bookingId: string): Promise<void> {
  await withTenant(tenantId, (db) =>
    db.booking.updateMany({ where: { id: bookingId, calendarSyncStatus: "PENDING" }, data: { calendarSyncStatus: "FAILED" } }),
  );
}

async function planBookingSync(db: TenantDb, bookingId: string, eventVersion: number | undefined): Promise<Plan> {
  const booking = await db.booking.findUnique({
    where: { id: bookingId },
    select: {
      id: true,
      status: true,
      version: true,
      startsAt: true,
      endsAt: true,
      staffId: true,
      notes: true,
      calendarSyncStatus: true,
      externalEventId: true,
      service: { select: { name: true } },
      customer: { select: { name: true, phone: true } },
      staff: { select: { name: true } },
    },
  });
  const done = (outcome: TSyncOutcome): Plan => ({ kind: "done", outcome });
  if (!booking) return done({ status: "skipped", reason: "missing" });
  if (eventVersion !== undefined && eventVersion < booking.version) return done({ status: "skipped", reason: "stale" });
  if (calendarMode() === "local") return done({ status: "skipped", reason: "internal" });
  if (booking.status === "HELD") return done({ status: "skipped", reason: "held" });

  const setStatus = async (status: "NOT_NEEDED" | "PENDING") => {
    if (booking.calendarSyncStatus !== status) await db.booking.update({ where: { id: booking.id }, data: { calendarSyncStatus: status } });
  };
  const connection = await connectionForStaff(db, booking.staffId);
  const cancelled = booking.status === "CANCELLED";
  const neverWritten = booking.calendarSyncStatus === "NOT_NEEDED" && !booking.externalEventId;
  if (!connection || (cancelled && neverWritten)) {
    if (booking.calendarSyncStatus !== "SYNCED") await setStatus("NOT_NEEDED");
    return done({ status: "NOT_NEEDED" });
  }
  await setStatus("PENDING");
  // Waiting for the owner to reconnect: the catch-up after the reconnect writes it.
  if (connection.status === "DISCONNECTED") return done({ status: "PENDING", reason: "disconnected", connectionId: connection.id });
  const eventId = booking.externalEventId ?? googleEventIdFor(booking.id);
  if (cancelled) return { kind: "delete", connectionId: connection.id, version: booking.version, eventId };

  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { timeZone: true, defaultLocale: true } });
  const locale: TLocale = isSupportedLocale(tenant.defaultLocale) ? tenant.defaultLocale : "en";
  const t = (key: string, params: Record<string, unknown> = {}) => translateNow(locale, `calendar:event.${key}`, params);
  const serviceName = pickLocale(booking.service.name as Record<string, string>, locale);
  const requested = booking.status === "REQUESTED";
  const summary = [
    requested ? t("requestPrefix") : null,
    booking.customer ? t("summary", { serviceName, customerName: booking.customer.name }) : serviceName,
  ]
    .filter(Boolean)
    .join(" ");
  const description = [
    booking.customer ? t("customer", { name: booking.customer.name }) : null,
    booking.customer?.phone ? t("phone", { phone: booking.customer.phone }) : null,
    t("staff", { name: booking.staff.name }),
    booking.notes ? t("notes", { notes: booking.notes }) : null,
    "",
    t("footer", { url: `${appBaseUrl(env().APP_URL, env().PORT)}/dashboard` }),
  ]
    .filter((line) => line !== null)
    .join("\n");
  return {
    kind: "upsert",
    connectionId: connection.id,
    version: booking.version,
    exists: Boolean(booking.externalEventId),
    event: {
      id: eventId,
      summary: summary.slice(0, 300),
      description: description.slice(0, 4000),
      start: booking.startsAt,
      end: booking.endsAt,
      timeZone: tenant.timeZone,
      status: requested ? "tentative" : "confirmed",
      privateProperties: { serviceproBookingId: booking.id, serviceproTenantId: db.tenantId },
    },
  };
}
