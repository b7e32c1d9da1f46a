import { describe, expect, it } from "vitest";
import { ensureFreshBusyBlocks, getBusyBlocks, refreshBusyBlocks } from "../../../server/calendar/busy.server";
import { syncBookingToCalendar } from "../../../server/calendar/sync-booking.server";
import { withTenant } from "../../../server/db/db.server";
import { installCalendarPort } from "../../../server/integrations/google-calendar";
import { createGoogleCalendar } from "../../../server/integrations/google-calendar/google";
import { callerFor, createTestTenant } from "../../helpers/factories";
import { failGoogle, GOOGLE_TEST_CLIENT, googleRequestsTo, setGoogleBusy } from "../../mocks/google";
import { setupMockServer } from "../../mocks/index";
import { connectGoogle, createBooking, firstStaff, inDays, withGoogleCredentials } from "./support";

setupMockServer();
withGoogleCredentials();

const iso = (d: Date) => d.toISOString();
const hour = 3_600_000;

async function storedBlocks(tenantId: string, connectionId: string) {
  const rows = await withTenant(tenantId, (db) => db.calendarBusyBlock.findMany({ where: { connectionId }, orderBy: { startsAt: "asc" } }));
  return rows.map((r) => [iso(r.startsAt), iso(r.endsAt)]);
}

describe("busy times", () => {
  it("are read at connect, stored for the slot engine, and replaced (not appended) on the next refresh", async () => {
    const t = await createTestTenant();
    const a = inDays(2, 14);
    const b = inDays(3, 9);
    setGoogleBusy("shop@example.com", [
      { start: iso(a), end: iso(new Date(a.getTime() + hour)) },
      { start: iso(b), end: iso(new Date(b.getTime() + 2 * hour)) },
    ]);
    const { connectionId } = await connectGoogle(t, "shop@example.com");
    expect(await storedBlocks(t.id, connectionId)).toEqual([
      [iso(a), iso(new Date(a.getTime() + hour))],
      [iso(b), iso(new Date(b.getTime() + 2 * hour))],
    ]);
    const rows = await withTenant(t.id, (db) => db.calendarBusyBlock.findMany({ where: { connectionId } }));
    expect(rows.every((r) => r.staffId === null && r.tenantId === t.id)).toBe(true);

    // Google changed: the first block is gone, a new one appeared.
    const c = inDays(4, 16);
    setGoogleBusy("shop@example.com", [
      { start: iso(b), end: iso(new Date(b.getTime() + 2 * hour)) },
      { start: iso(c), end: iso(new Date(c.getTime() + hour)) },
    ]);
    const result = await refreshBusyBlocks(t.id, connectionId);
    expect(result).toMatchObject({ ok: true, blocks: 2 });
    expect(await storedBlocks(t.id, connectionId)).toEqual([
      [iso(b), iso(new Date(b.getTime() + 2 * hour))],
      [iso(c), iso(new Date(c.getTime() + hour))],
    ]);

    // What the slot engine reads, with the age of the data.
    const staff = await firstStaff(t.id);
    const read = await withTenant(t.id, (db) => getBusyBlocks(db, { from: new Date(), to: inDays(30), staffId: staff.id }));
    expect(read.blocks).toHaveLength(2);
    expect(read.sources).toEqual([expect.objectContaining({ connectionId, status: "CONNECTED", stale: false })]);
    expect(read.sources[0].ageMs).toBeLessThan(60_000);
  });

  it("leave out ServicePro's own events (their bookings block the time already) and keep the rest of an overlapping busy time", async () => {
    const t = await createTestTenant();
    const { connectionId } = await connectGoogle(t, "shop@example.com");
    const start = inDays(5, 13);
    const booking = await createBooking(t.id, { startsAt: start });
    await syncBookingToCalendar(t.id, booking.id);
    // Google reports the booking's own event merged with a private appointment right after it.
    setGoogleBusy("shop@example.com", [{ start: iso(start), end: iso(new Date(start.getTime() + 2 * hour)) }]);
    await refreshBusyBlocks(t.id, connectionId);
    expect(await storedBlocks(t.id, connectionId)).toEqual([
      [iso(new Date(start.getTime() + hour)), iso(new Date(start.getTime() + 2 * hour))],
    ]);
  });

  it("a staff member's calendar blocks only that staff member", async () => {
    const t = await createTestTenant();
    const staff = await firstStaff(t.id);
    const d = inDays(2, 10);
    setGoogleBusy("tech@example.com", [{ start: iso(d), end: iso(new Date(d.getTime() + hour)) }]);
    const { connectionId } = await connectGoogle(t, "tech@example.com", { staffId: staff.id });
    const rows = await withTenant(t.id, (db) => db.calendarBusyBlock.findMany({ where: { connectionId } }));
    expect(rows.map((r) => r.staffId)).toEqual([staff.id]);
    const other = await withTenant(t.id, (db) =>
      getBusyBlocks(db, { from: new Date(), to: inDays(30), staffId: "00000000-0000-0000-0000-000000000001" }),
    );
    expect(other.blocks).toHaveLength(0);
  });

  it("a slow Google (beyond the timeout) keeps the last good blocks, never throws into the booking path, and says how old they are", async () => {
    const t = await createTestTenant();
    const d = inDays(2, 10);
    setGoogleBusy("shop@example.com", [{ start: iso(d), end: iso(new Date(d.getTime() + hour)) }]);
    const { connectionId } = await connectGoogle(t, "shop@example.com");
    const before = await storedBlocks(t.id, connectionId);
    expect(before).toHaveLength(1);
    // Make the stored busy times old, so the booking path wants a refresh.
    const old = new Date(Date.now() - 30 * 60_000);
    await withTenant(t.id, (db) => db.calendarConnection.update({ where: { id: connectionId }, data: { lastSyncedAt: old } }));

    installCalendarPort(createGoogleCalendar({ clientId: GOOGLE_TEST_CLIENT.id, clientSecret: GOOGLE_TEST_CLIENT.secret, timeoutMs: 200 }));
    setGoogleBusy("shop@example.com", []);
    failGoogle("freeBusy", { delayMs: 1_000, times: 5 });

    const started = Date.now();
    const freshness = await ensureFreshBusyBlocks(t.id, { budgetMs: 100 });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(freshness).toEqual([expect.objectContaining({ connectionId, fresh: false })]);
    expect(freshness[0].ageMs).toBeGreaterThanOrEqual(30 * 60_000);

    // The refresh that outlived the budget ends in a timeout: nothing is replaced.
    const direct = await refreshBusyBlocks(t.id, connectionId);
    expect(direct).toEqual({ ok: false, connectionId, problem: "timeout" });
    const { settleCalendarBackgroundWork } = await import("../../../server/calendar/background.server");
    await settleCalendarBackgroundWork();
    expect(await storedBlocks(t.id, connectionId)).toEqual(before);
    const { connections } = await callerFor(t.owner, t.id).calendar.connections();
    expect(connections[0]).toMatchObject({
      status: "CONNECTED",
      consecutiveFailures: 2,
      lastError: "timeout",
      lastErrorMessage: "Google took too long to answer.",
    });
    expect(connections[0].lastSyncedAt).toEqual(old);

    // While cooling down after failures, the booking path does not even ask Google.
    const asked = googleRequestsTo("freeBusy").length;
    await ensureFreshBusyBlocks(t.id, { budgetMs: 100 });
    expect(googleRequestsTo("freeBusy")).toHaveLength(asked);
  });

  it("a 500 from Google leaves the old blocks; the next good answer replaces them and clears the problem", async () => {
    const t = await createTestTenant();
    const d = inDays(2, 10);
    setGoogleBusy("shop@example.com", [{ start: iso(d), end: iso(new Date(d.getTime() + hour)) }]);
    const { connectionId } = await connectGoogle(t, "shop@example.com");
    failGoogle("freeBusy", { status: 503 });
    setGoogleBusy("shop@example.com", []);
    expect(await refreshBusyBlocks(t.id, connectionId)).toMatchObject({ ok: false, problem: "unavailable" });
    expect(await storedBlocks(t.id, connectionId)).toHaveLength(1);
    expect(await refreshBusyBlocks(t.id, connectionId)).toMatchObject({ ok: true, blocks: 0 });
    expect(await storedBlocks(t.id, connectionId)).toHaveLength(0);
    const c = await withTenant(t.id, (db) => db.calendarConnection.findUniqueOrThrow({ where: { id: connectionId } }));
    expect(c).toMatchObject({ status: "CONNECTED", consecutiveFailures: 0, lastError: null });
  });
});
