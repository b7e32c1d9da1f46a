import { withTenant } from "../db/db.server";
import { CalendarAuthError, CalendarRequestError, CalendarTemporaryError } from "../integrations/google-calendar";
import { logger } from "../observability/logger.server";
import { bookingsAwaitingSync } from "./connections.server";
import { markBookingSyncFailed, syncBookingToCalendar } from "./sync-booking.server";

/**
 * Writes every booking a connection still owes Google (PENDING, FAILED, or never written
 * because there was no calendar yet): after a connect or reconnect, on "Sync now", and
 * after any successful booking sync that finds a backlog. Each booking goes through the
 * same idempotent write as the booking events, so running this twice (or next to a
 * retry) never creates a second event. Stops at the first sign that Google is down or
 * the grant is gone: the rest stays as it is for the next try.
 */
export interface CatchUpResult {
  written: number;
  failed: number;
  /** Bookings still waiting after this run. */
  remaining: number;
  stoppedBy: "revoked" | "temporary" | null;
}

export async function catchUpConnection(
  tenantId: string,
  connectionId: string,
  options: { limit?: number; now?: Date } = {},
): Promise<CatchUpResult> {
  const limit = options.limit ?? 100;
  const ids = await withTenant(tenantId, async (db) => {
    const connection = await db.calendarConnection.findUnique({ where: { id: connectionId }, select: { staffId: true, status: true } });
    if (!connection || connection.status === "DISCONNECTED") return null;
    return bookingsAwaitingSync(db, connection, options.now ?? new Date(), limit);
  });
  if (!ids) return { written: 0, failed: 0, remaining: 0, stoppedBy: "revoked" };
  let written = 0;
  let failed = 0;
  let stoppedBy: CatchUpResult["stoppedBy"] = null;
  for (const id of ids) {
    try {
      const outcome = await syncBookingToCalendar(tenantId, id);
      if (outcome.status === "SYNCED") written++;
      else if (outcome.status === "PENDING" && outcome.reason === "disconnected") {
        stoppedBy = "revoked";
        break;
      }
    } catch (error) {
      if (error instanceof CalendarAuthError) {
        stoppedBy = "revoked";
        break;
      }
      if (error instanceof CalendarTemporaryError) {
        stoppedBy = "temporary";
        break;
      }
      if (error instanceof CalendarRequestError) {
        // This booking cannot be written as it is; the others may.
        await markBookingSyncFailed(tenantId, id);
        failed++;
        continue;
      }
      throw error;
    }
  }
  const remaining = await withTenant(tenantId, async (db) => {
    const connection = await db.calendarConnection.findUnique({ where: { id: connectionId }, select: { staffId: true } });
    return connection ? (await bookingsAwaitingSync(db, connection, options.now ?? new Date(), 1_000)).length : 0;
  });
  logger.info({ tenantId, connectionId, written, failed, remaining, stoppedBy }, "calendar catch-up finished");
  return { written, failed, remaining, stoppedBy };
}
