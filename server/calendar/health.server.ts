import { withTenant } from "../db/db.server";
import { CalendarAuthError, type CalendarError } from "../integrations/google-calendar/port";
import { sendTenantEmail } from "../notifications/send-email.server";
import { logger } from "../observability/logger.server";
import { composeCalendarAlert, type TCalendarAlert } from "./alert-email.server";

/**
 * A connection's health, the one place that decides what the owner sees and is told:
 *  - every failed call to Google adds one to consecutive_failures and stores the problem;
 *  - reaching FAILURE_ALERT_THRESHOLD moves CONNECTED -> ERROR and emails the owners, once:
 *    the move is a conditional update, so of many concurrent failures exactly one wins;
 *  - any success resets the counter and ERROR -> CONNECTED (the next outage alerts again);
 *  - a revoked or expired grant moves the connection to DISCONNECTED (also emailed once).
 * DISCONNECTED ends only by reconnecting: a late success from an older call never undoes it.
 */
export const FAILURE_ALERT_THRESHOLD = 3;

export async function recordCalendarSuccess(tenantId: string, connectionId: string): Promise<void> {
  await withTenant(tenantId, (db) =>
    db.calendarConnection.updateMany({
      where: {
        id: connectionId,
        status: { not: "DISCONNECTED" },
        OR: [{ consecutiveFailures: { gt: 0 } }, { status: "ERROR" }, { lastError: { not: null } }],
      },
      data: { status: "CONNECTED", consecutiveFailures: 0, lastError: null },
    }),
  );
}

/** Records a failed call to Google. Never throws (an alert that cannot be sent is logged). */
export async function recordCalendarFailure(
  tenantId: string,
  connectionId: string,
  error: CalendarError,
): Promise<{ alerted: TCalendarAlert | null }> {
  logger.warn({ tenantId, connectionId, problem: error.problem, status: error.status, err: error.message }, "calendar call failed");
  const alert = await withTenant(tenantId, async (db): Promise<TCalendarAlert | null> => {
    if (error instanceof CalendarAuthError) {
      const moved = await db.calendarConnection.updateMany({
        where: { id: connectionId, status: { not: "DISCONNECTED" } },
        data: { status: "DISCONNECTED", lastError: error.problem, consecutiveFailures: { increment: 1 } },
      });
      return moved.count === 1 ? "disconnected" : null;
    }
    const bumped = await db.calendarConnection.updateMany({
      where: { id: connectionId, status: { not: "DISCONNECTED" } },
      data: { consecutiveFailures: { increment: 1 }, lastError: error.problem },
    });
    if (bumped.count === 0) return null;
    // The row is locked by the update above until commit: concurrent failures queue here.
    const crossed = await db.calendarConnection.updateMany({
      where: { id: connectionId, status: "CONNECTED", consecutiveFailures: { gte: FAILURE_ALERT_THRESHOLD } },
      data: { status: "ERROR" },
    });
    return crossed.count === 1 ? "failing" : null;
  }).catch((err: unknown) => {
    logger.error({ err, tenantId, connectionId }, "could not record a calendar failure");
    return null;
  });
  if (alert) await alertOwners(tenantId, connectionId, alert);
  return { alerted: alert };
}

async function alertOwners(tenantId: string, connectionId: string, alert: TCalendarAlert): Promise<void> {
  try {
    const emails = await composeCalendarAlert(tenantId, connectionId, alert);
    for (const email of emails) {
      // Each send is recorded in email_messages (FAILED included), so a lost alert is visible.
      await sendTenantEmail(tenantId, email).catch((err: unknown) =>
        logger.error({ err, tenantId, connectionId, alert }, "calendar alert email failed"),
      );
    }
  } catch (err) {
    logger.error({ err, tenantId, connectionId, alert }, "could not compose the calendar alert");
  }
}
