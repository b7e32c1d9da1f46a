import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCalendarSyncFunction } from "../../../inngest/functions/calendar-sync";
import { ensureFreshBusyBlocks, getBusyBlocks } from "../../../server/calendar/busy.server";
import { withTenant } from "../../../server/db/db.server";
import { resetEnvCache } from "../../../server/env.server";
import { calendarMode, calendarPort } from "../../../server/integrations/google-calendar";
import { callerFor, createTestTenant } from "../../helpers/factories";
import { googleRequests } from "../../mocks/google";
import { setupMockServer } from "../../mocks/index";
import { bookingEvent, createBooking, inDays, uid } from "./support";

setupMockServer();

/** No GOOGLE_CLIENT_ID / GOOGLE_CLIENT_SECRET: the local adapter, everything stays in ServicePro. */
const saved = { id: process.env.GOOGLE_CLIENT_ID, secret: process.env.GOOGLE_CLIENT_SECRET };
beforeAll(() => {
  delete process.env.GOOGLE_CLIENT_ID;
  delete process.env.GOOGLE_CLIENT_SECRET;
  resetEnvCache();
});
afterAll(() => {
  if (saved.id !== undefined) process.env.GOOGLE_CLIENT_ID = saved.id;
  if (saved.secret !== undefined) process.env.GOOGLE_CLIENT_SECRET = saved.secret;
  resetEnvCache();
});

describe("local mode (no Google credentials)", () => {
  it("offers no connection, keeps bookings internal, reads no busy times, and never touches the network", async () => {
    expect(calendarMode()).toBe("local");
    expect(calendarPort()).toMatchObject({ provider: "local", configured: false });

    const t = await createTestTenant();
    const owner = callerFor(t.owner, t.id);
    expect(await owner.calendar.mode()).toEqual({ mode: "local" });
    expect(await owner.calendar.connections()).toMatchObject({ mode: "local", connections: [] });
    await expect(owner.calendar.connectUrl({ staffId: null })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "calendar:errors.notConfigured",
    });

    const booking = await createBooking(t.id, { startsAt: inDays(2) });
    const { result } = await new InngestTestEngine({
      function: createCalendarSyncFunction(uid("calendar-sync")),
      events: [bookingEvent("booking/created", booking)],
    }).execute();
    expect(result).toEqual({ status: "skipped", reason: "internal" });
    const row = await withTenant(t.id, (db) => db.booking.findUniqueOrThrow({ where: { id: booking.id } }));
    expect(row).toMatchObject({ calendarSyncStatus: "NOT_NEEDED", externalEventId: null });

    expect(await ensureFreshBusyBlocks(t.id)).toEqual([]);
    expect(await withTenant(t.id, (db) => getBusyBlocks(db, { from: new Date(), to: inDays(30) }))).toEqual({ blocks: [], sources: [] });
    expect(googleRequests).toHaveLength(0);
  });
});
