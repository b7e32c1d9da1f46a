import { describe, expect, it } from "vitest";
import { functions } from "../../../inngest/functions";
import { CALENDAR_SYNC_RETRIES, calendarSync } from "../../../inngest/functions/calendar-sync";
import { triggerEventNames } from "../../../server/jobs/local-runner.server";

describe("calendar-sync function", () => {
  it("is registered, listens to every booking change that bumps the version, and retries with backoff", () => {
    expect(functions).toContain(calendarSync);
    expect(calendarSync.id()).toBe("calendar-sync");
    expect(triggerEventNames(calendarSync).sort()).toEqual([
      "booking/cancelled",
      "booking/confirmed",
      "booking/created",
      "booking/rescheduled",
      "booking/status-changed",
    ]);
    expect(calendarSync.opts.retries).toBe(CALENDAR_SYNC_RETRIES);
    expect(CALENDAR_SYNC_RETRIES).toBeGreaterThanOrEqual(3);
  });
});
