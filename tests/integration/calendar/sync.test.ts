import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { createCalendarSyncFunction } from "../../../inngest/functions/calendar-sync";
import { googleEventIdFor } from "../../../server/calendar/event-id";
import { catchUpConnection } from "../../../server/calendar/catch-up.server";
import { FAILURE_ALERT_THRESHOLD } from "../../../server/calendar/health.server";
import { withTenant } from "../../../server/db/db.server";
import { callerFor, createTestTenant, type TestTenant } from "../../helpers/factories";
import { failGoogle, googleEvents, googleRequests, googleRequestsTo, resetGoogleFaults, revokeGoogleAccess } from "../../mocks/google";
import { setupMockServer } from "../../mocks/index";
import {
  bookingEvent,
  changeBooking,
  connectGoogle,
  createBooking,
  firstStaff,
  inDays,
  runThroughLocalRunner,
  uid,
  withGoogleCredentials,
} from "./support";

setupMockServer();
withGoogleCredentials();

// Each file runs its own copy of the function: a runner claims runs by function id, and on a
// PostgreSQL server every test file shares one database.
const calendarSync = createCalendarSyncFunction(uid("calendar-sync"));
const execute = (event: ReturnType<typeof bookingEvent>) => new InngestTestEngine({ function: calendarSync, events: [event] }).execute();

const bookingRow = (tenantId: string, id: string) => withTenant(tenantId, (db) => db.booking.findUniqueOrThrow({ where: { id } }));
const connectionRow = (tenantId: string, id: string) =>
  withTenant(tenantId, (db) => db.calendarConnection.findUniqueOrThrow({ where: { id } }));
const alertsSent = (tenantId: string, kind: string) => withTenant(tenantId, (db) => db.emailMessage.findMany({ where: { kind } }));

async function connectedBusiness(email = "shop@example.com"): Promise<{ t: TestTenant; connectionId: string }> {
  const t = await createTestTenant();
  const { connectionId } = await connectGoogle(t, email);
  return { t, connectionId };
}

describe("booking events -> Google Calendar", () => {
  it("writes a new booking as an event (deterministic id, our marker, business time zone) and marks it SYNCED; a replay never duplicates", async () => {
    const { t } = await connectedBusiness();
    const booking = await createBooking(t.id, { startsAt: inDays(3, 16), customerName: "Ana López" });
    const { result } = await execute(bookingEvent("booking/created", booking));
    expect(result).toMatchObject({ status: "SYNCED", action: "upserted", externalEventId: googleEventIdFor(booking.id) });

    const events = googleEvents("shop@example.com");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      id: googleEventIdFor(booking.id),
      status: "confirmed",
      start: { dateTime: booking.startsAt.toISOString(), timeZone: "America/Chicago" },
      extendedProperties: { private: { serviceproBookingId: booking.id, serviceproTenantId: t.id } },
    });
    expect(events[0].summary).toContain("Ana López");
    expect(events[0].description).toContain("Customer: Ana López");
    expect(await bookingRow(t.id, booking.id)).toMatchObject({
      calendarSyncStatus: "SYNCED",
      externalEventId: googleEventIdFor(booking.id),
    });

    // At-least-once delivery: the same event again updates the same Google event.
    await execute(bookingEvent("booking/created", booking));
    expect(googleEvents("shop@example.com")).toHaveLength(1);
    expect(googleRequestsTo("events.insert")).toHaveLength(1);
  });

  it("moves the event on reschedule, deletes it on cancel, and ignores an older version (a stale retry never moves it back)", async () => {
    const { t } = await connectedBusiness();
    const booking = await createBooking(t.id, { startsAt: inDays(3, 16) });
    await execute(bookingEvent("booking/created", booking));

    const moved = await changeBooking(t.id, booking.id, { startsAt: inDays(4, 18) });
    await execute(bookingEvent("booking/rescheduled", moved));
    expect(googleEvents("shop@example.com")[0].start.dateTime).toBe(moved.startsAt.toISOString());

    // The created event (version 1) arrives late: skipped, no call to Google.
    const calls = googleRequests.length;
    const { result: stale } = await execute(bookingEvent("booking/created", booking));
    expect(stale).toEqual({ status: "skipped", reason: "stale" });
    expect(googleRequests).toHaveLength(calls);
    expect(googleEvents("shop@example.com")[0].start.dateTime).toBe(moved.startsAt.toISOString());

    const cancelled = await changeBooking(t.id, booking.id, { status: "CANCELLED" });
    const { result } = await execute(bookingEvent("booking/cancelled", cancelled));
    expect(result).toMatchObject({ status: "SYNCED", action: "deleted" });
    expect(googleEvents("shop@example.com")).toHaveLength(0);
    expect(await bookingRow(t.id, booking.id)).toMatchObject({ calendarSyncStatus: "SYNCED", externalEventId: null });
  });

  it("a request waiting for the owner is tentative; a staff member's booking goes to their own calendar", async () => {
    const t = await createTestTenant();
    const staff = await firstStaff(t.id);
    await connectGoogle(t, "shop@example.com");
    await connectGoogle(t, "tech@example.com", { staffId: staff.id });
    const booking = await createBooking(t.id, { startsAt: inDays(2, 15), status: "REQUESTED", staffId: staff.id });
    await execute(bookingEvent("booking/created", booking));
    expect(googleEvents("shop@example.com")).toHaveLength(0);
    expect(googleEvents("tech@example.com")).toEqual([
      expect.objectContaining({ status: "tentative", summary: expect.stringMatching(/^\[Request\]/) }),
    ]);
  });

  it("without a connection the booking is NOT_NEEDED and Google is never called", async () => {
    const t = await createTestTenant();
    const booking = await createBooking(t.id, { startsAt: inDays(2) });
    const { result } = await execute(bookingEvent("booking/created", booking));
    expect(result).toEqual({ status: "NOT_NEEDED" });
    expect(googleRequests).toHaveLength(0);
  });

  it("a 500 then success: the runner retries with backoff, the event is written once, and the failure is forgotten", async () => {
    const { t, connectionId } = await connectedBusiness();
    const booking = await createBooking(t.id, { startsAt: inDays(3) });
    failGoogle("events.insert", { status: 500, times: 1 });
    const run = await runThroughLocalRunner(calendarSync, bookingEvent("booking/created", booking));
    expect(run.status).toBe("COMPLETED");
    expect(run.steps.filter((s) => s.op === "StepError")).toHaveLength(1);
    expect(run.steps.find((s) => s.op === "StepError")?.error).toMatchObject({ backoffMs: 750 });
    expect(googleRequestsTo("events.insert")).toHaveLength(2);
    expect(googleEvents("shop@example.com")).toHaveLength(1);
    expect(await bookingRow(t.id, booking.id)).toMatchObject({ calendarSyncStatus: "SYNCED" });
    expect(await connectionRow(t.id, connectionId)).toMatchObject({ status: "CONNECTED", consecutiveFailures: 0, lastError: null });
  });

  it("repeated failures: ERROR and ONE email to the owners per outage; the booking ends FAILED; recovery clears it and a new outage alerts again", async () => {
    const { t, connectionId } = await connectedBusiness();
    const first = await createBooking(t.id, { startsAt: inDays(3) });
    failGoogle("events.insert", { status: 503, times: 100 });
    const run = await runThroughLocalRunner(calendarSync, bookingEvent("booking/created", first), { maxTicks: 20 });
    expect(run.status).toBe("COMPLETED");
    expect(run.output).toEqual({ status: "FAILED", bookingId: first.id });
    expect(await bookingRow(t.id, first.id)).toMatchObject({ calendarSyncStatus: "FAILED" });
    const broken = await connectionRow(t.id, connectionId);
    expect(broken.status).toBe("ERROR");
    expect(broken.consecutiveFailures).toBeGreaterThanOrEqual(FAILURE_ALERT_THRESHOLD);
    let alerts = await alertsSent(t.id, "calendar.failing");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ toAddress: t.owner.email, subject: "Google Calendar sync is failing" });
    expect(alerts[0].text).toContain("Bookings keep working");

    // Still down: a second booking fails too, without a second email.
    const second = await createBooking(t.id, { startsAt: inDays(4) });
    await runThroughLocalRunner(calendarSync, bookingEvent("booking/created", second), { maxTicks: 20 });
    expect(await alertsSent(t.id, "calendar.failing")).toHaveLength(1);

    // The owner sees it in plain words.
    const view = (await callerFor(t.owner, t.id).calendar.connections()).connections[0];
    expect(view).toMatchObject({
      status: "ERROR",
      lastError: "unavailable",
      lastErrorMessage: "Google Calendar is having problems on its side.",
      failedCount: 2,
    });

    // Google is back: "Sync now" writes both, the connection is healthy again.
    resetGoogleFaults();
    const sync = await callerFor(t.owner, t.id).calendar.syncNow({ connectionId });
    expect(sync).toMatchObject({ ok: true, status: "CONNECTED", events: { written: 2, failed: 0, remaining: 0 } });
    expect(googleEvents("shop@example.com")).toHaveLength(2);

    // A new outage is a new alert.
    failGoogle("events.insert", { status: 503, times: 100 });
    const third = await createBooking(t.id, { startsAt: inDays(5) });
    await runThroughLocalRunner(calendarSync, bookingEvent("booking/created", third), { maxTicks: 20 });
    alerts = await alertsSent(t.id, "calendar.failing");
    expect(alerts).toHaveLength(2);
  });

  it("invalid_grant: DISCONNECTED (visible, owner emailed once), bookings stay PENDING, no retries; after a reconnect the missed events are written exactly once", async () => {
    const { t, connectionId } = await connectedBusiness();
    const owner = callerFor(t.owner, t.id);
    const before = await createBooking(t.id, { startsAt: inDays(2) });
    await execute(bookingEvent("booking/created", before));

    revokeGoogleAccess("shop@example.com");
    const missedA = await createBooking(t.id, { startsAt: inDays(3) });
    const run = await runThroughLocalRunner(calendarSync, bookingEvent("booking/created", missedA));
    expect(run.status).toBe("FAILED");
    expect(run.steps.filter((s) => s.op === "StepError")).toHaveLength(0); // NonRetriableError: one attempt
    expect(run.lastError).toMatch(/revoked or expired/);
    expect(googleRequestsTo("token", { grantType: "refresh_token" })).toHaveLength(1);
    expect(await bookingRow(t.id, missedA.id)).toMatchObject({ calendarSyncStatus: "PENDING" });

    const { connections } = await owner.calendar.connections();
    expect(connections[0]).toMatchObject({ status: "DISCONNECTED", lastError: "revoked", pendingCount: 1 });
    expect(connections[0].lastErrorMessage).toMatch(/no longer accepts ServicePro's access/);
    const mails = await alertsSent(t.id, "calendar.disconnected");
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe("Reconnect your Google Calendar");

    // While disconnected, new bookings wait without calling Google at all, and no more email.
    const calls = googleRequests.length;
    const missedB = await createBooking(t.id, { startsAt: inDays(4) });
    const { result } = await execute(bookingEvent("booking/created", missedB));
    expect(result).toEqual({ status: "PENDING", reason: "disconnected", connectionId });
    const cancelled = await changeBooking(t.id, before.id, { status: "CANCELLED" });
    await execute(bookingEvent("booking/cancelled", cancelled));
    expect(googleRequests).toHaveLength(calls);
    expect(await alertsSent(t.id, "calendar.disconnected")).toHaveLength(1);

    // Reconnect (same account, new consent): the same connection comes back and catches up.
    const sinceReconnect = googleRequests.length;
    const again = await connectGoogle(t, "shop@example.com");
    expect(again).toMatchObject({ connectionId, reconnected: true });
    const inserts = googleRequests.slice(sinceReconnect).filter((r) => r.route === "events.insert");
    expect(inserts.filter((r) => r.eventId === googleEventIdFor(missedA.id))).toHaveLength(1);
    expect(inserts.filter((r) => r.eventId === googleEventIdFor(missedB.id))).toHaveLength(1);
    expect(
      googleEvents("shop@example.com")
        .map((e) => e.id)
        .sort(),
    ).toEqual([googleEventIdFor(missedA.id), googleEventIdFor(missedB.id)].sort());
    for (const id of [missedA.id, missedB.id, before.id]) expect((await bookingRow(t.id, id)).calendarSyncStatus).toBe("SYNCED");
    expect(await connectionRow(t.id, connectionId)).toMatchObject({ status: "CONNECTED", consecutiveFailures: 0, lastError: null });

    // Nothing is owed any more: another catch-up calls Google for nothing.
    const writes = googleRequests.filter((r) => r.route.startsWith("events.")).length;
    expect(await catchUpConnection(t.id, connectionId)).toMatchObject({ written: 0, remaining: 0 });
    expect(googleRequests.filter((r) => r.route.startsWith("events."))).toHaveLength(writes);
  });

  it("a successful sync after an outage also writes the backlog it finds", async () => {
    const { t } = await connectedBusiness();
    const waiting = await createBooking(t.id, { startsAt: inDays(3), calendarSyncStatus: "FAILED" });
    const fresh = await createBooking(t.id, { startsAt: inDays(4) });
    const { result } = await execute(bookingEvent("booking/created", fresh));
    expect(result).toMatchObject({ status: "SYNCED" });
    expect(await bookingRow(t.id, waiting.id)).toMatchObject({ calendarSyncStatus: "SYNCED" });
    expect(googleEvents("shop@example.com")).toHaveLength(2);
  });
});
