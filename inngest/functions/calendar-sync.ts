import { NonRetriableError } from "inngest";
import { inngest } from "../client";
import { bookingCancelled, bookingConfirmed, bookingCreated, bookingRescheduled, bookingStatusChanged } from "../events";
import { refreshBusyBlocks, BUSY_MAX_AGE_MS } from "../../server/calendar/busy.server";
import { catchUpConnection } from "../../server/calendar/catch-up.server";
import { markBookingSyncFailed, syncBookingToCalendar } from "../../server/calendar/sync-booking.server";
import { withTenant } from "../../server/db/db.server";
import { CalendarAuthError, CalendarRequestError } from "../../server/integrations/google-calendar";

/**
 * Keeps a booking's Google Calendar event in step with the booking: written on create and
 * confirm, moved on reschedule, deleted on cancel. Status changes (in progress, done, no
 * show) also bump the booking's version, so they trigger a rewrite too: otherwise a
 * reschedule whose retry arrives after a newer version would be skipped as stale.
 *
 *  - Google slow or failing: the step throws, the runner retries with exponential backoff
 *    (`retries`); each failure counts on the connection, which turns ERROR and emails the
 *    owners once at the threshold. Out of retries: the booking shows FAILED.
 *  - Grant revoked or expired: the connection turns DISCONNECTED (owners emailed once),
 *    the booking stays PENDING, and the run stops (NonRetriableError): retrying cannot help
 *    until the owner reconnects, and the reconnect's catch-up writes it.
 *  - Success: any backlog of the same connection is written too (events missed during an
 *    outage), and stale busy times are refreshed, since there is no scheduler to do it.
 * Bookings themselves never wait for any of this.
 */
export const CALENDAR_SYNC_RETRIES = 6;

/** The function under another id (tests give each file its own, since a runner claims runs by function id). */
export function createCalendarSyncFunction(id = "calendar-sync") {
  return inngest.createFunction(
    {
      id,
      name: "Calendar sync (Google)",
      triggers: [bookingCreated, bookingConfirmed, bookingRescheduled, bookingCancelled, bookingStatusChanged],
      retries: CALENDAR_SYNC_RETRIES,
    },
    async ({ event, step }) => {
      const { tenantId, bookingId, version } = event.data;
      let outcome;
      try {
        outcome = await step.run("write-event", async () => {
          try {
            return await syncBookingToCalendar(tenantId, bookingId, { eventVersion: version });
          } catch (error) {
            if (error instanceof CalendarAuthError) {
              throw new NonRetriableError(`Google Calendar access was revoked or expired; booking ${bookingId} waits for a reconnect`, {
                cause: error,
              });
            }
            if (error instanceof CalendarRequestError) {
              await markBookingSyncFailed(tenantId, bookingId);
              throw new NonRetriableError(`Google Calendar refused booking ${bookingId} (${error.problem})`, { cause: error });
            }
            throw error;
          }
        });
      } catch (error) {
        if ((error as Error)?.name === "NonRetriableError") throw new NonRetriableError((error as Error).message);
        // Temporary failures outlived every retry.
        await step.run("give-up", () => markBookingSyncFailed(tenantId, bookingId));
        return { status: "FAILED" as const, bookingId };
      }

      if (outcome.status !== "SYNCED") return outcome;
      const { connectionId } = outcome;
      const followUp = await step.run("check-connection", () =>
        withTenant(tenantId, async (db) => {
          const c = await db.calendarConnection.findUnique({ where: { id: connectionId }, select: { lastSyncedAt: true, staffId: true } });
          if (!c) return { backlog: 0, busyStale: false };
          const backlog = await db.booking.count({
            where: {
              id: { not: bookingId },
              calendarSyncStatus: { in: ["PENDING", "FAILED"] },
              ...(c.staffId ? { staffId: c.staffId } : {}),
            },
          });
          return { backlog, busyStale: !c.lastSyncedAt || Date.now() - c.lastSyncedAt.getTime() > BUSY_MAX_AGE_MS };
        }),
      );
      if (followUp.backlog > 0) await step.run("catch-up", () => catchUpConnection(tenantId, connectionId, { limit: 25 }));
      if (followUp.busyStale) await step.run("refresh-busy", async () => (await refreshBusyBlocks(tenantId, connectionId)).ok);
      return outcome;
    },
  );
}

export const calendarSync = createCalendarSyncFunction();
