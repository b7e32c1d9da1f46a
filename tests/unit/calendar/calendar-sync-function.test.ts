import { describe, expect, it } from "vitest";
import { functions } from "../../../inngest/functions";
import { calendarSync } from "../../../inngest/functions/calendar-sync";
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
    // Six retries: Inngest's backoff then spans hours, long enough to ride out a Google outage.
    expect(calendarSync.opts.retries).toBe(6);
  });
});
