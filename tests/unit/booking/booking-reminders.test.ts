import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { functions } from "../../../inngest/functions";
import { bookingReminders } from "../../../inngest/functions/booking-reminders";
import { triggerEventNames } from "../../../server/jobs/local-runner.server";

/**
 * The reminder function's flow with every step mocked by id (no database). The database
 * side (the version check, quiet hours, the local runner) is in
 * tests/integration/booking/reminders.test.ts.
 */
const ref = { tenantId: "tenant-1", bookingId: "booking-1", version: 2, startsAt: "2030-06-12T19:00:00.000Z", customerId: "customer-1" };
const created = (status: "CONFIRMED" | "REQUESTED") => ({
  name: "booking/created" as const,
  data: { ...ref, status, source: "PUBLIC" as const },
});
const PLAN = {
  timeZone: "America/Chicago",
  skipped: [],
  reminders: [
    { offsetMinutes: 1440, sendAt: "2030-06-11T19:00:00.000Z", moved: false },
    { offsetMinutes: 120, sendAt: "2030-06-12T17:00:00.000Z", moved: false },
  ],
};
const SENT = { sent: true, channels: ["SMS"], duplicate: false };

describe("booking-reminders (mocked steps)", () => {
  it("a CONFIRMED booking: cancels older runs, plans, sleeps until each time and sends each reminder", async () => {
    const calls: string[] = [];
    const t = new InngestTestEngine({
      function: bookingReminders,
      events: [created("CONFIRMED")],
      steps: [
        { id: "cancel-superseded", handler: () => (calls.push("cancel-superseded"), 0) },
        { id: "plan", handler: () => (calls.push("plan"), PLAN) },
        { id: "wait-1440", handler: () => void calls.push("wait-1440") },
        { id: "send-1440", handler: () => (calls.push("send-1440"), SENT) },
        { id: "wait-120", handler: () => void calls.push("wait-120") },
        { id: "send-120", handler: () => (calls.push("send-120"), SENT) },
      ],
    });
    const { result, ctx } = await t.execute();
    expect(result).toEqual({ superseded: 0, planned: 2, sent: 2 });
    expect(calls).toEqual(["cancel-superseded", "plan", "wait-1440", "send-1440", "wait-120", "send-120"]);
    expect(ctx.step.sleepUntil).toHaveBeenCalledWith("wait-1440", "2030-06-11T19:00:00.000Z");
    expect(ctx.step.sleepUntil).toHaveBeenCalledWith("wait-120", "2030-06-12T17:00:00.000Z");
  });

  it("stops at the first reminder that finds the booking changed: nothing later is sent", async () => {
    const sends: string[] = [];
    const t = new InngestTestEngine({
      function: bookingReminders,
      events: [{ name: "booking/rescheduled" as const, data: { ...ref, previousStartsAt: "2030-06-10T19:00:00.000Z" } }],
      steps: [
        { id: "cancel-superseded", handler: () => 1 },
        { id: "plan", handler: () => PLAN },
        { id: "wait-1440", handler: () => undefined },
        { id: "send-1440", handler: () => (sends.push("1440"), { sent: false, reason: "stale", stop: true }) },
        { id: "wait-120", handler: () => undefined },
        { id: "send-120", handler: () => (sends.push("120"), SENT) },
      ],
    });
    const { result, ctx } = await t.execute();
    expect(result).toEqual({ superseded: 1, planned: 2, sent: 0, stopped: "stale" });
    expect(sends).toEqual(["1440"]);
    expect(ctx.step.sleepUntil).not.toHaveBeenCalledWith("wait-120", expect.anything());
  });

  it("a reminder skipped for quiet hours (runner woke late) does not stop the next one", async () => {
    const t = new InngestTestEngine({
      function: bookingReminders,
      events: [{ name: "booking/confirmed" as const, data: ref }],
      steps: [
        { id: "cancel-superseded", handler: () => 0 },
        { id: "plan", handler: () => PLAN },
        { id: "wait-1440", handler: () => undefined },
        { id: "send-1440", handler: () => ({ sent: false, reason: "quietHours", stop: false }) },
        { id: "wait-120", handler: () => undefined },
        { id: "send-120", handler: () => SENT },
      ],
    });
    expect((await t.execute()).result).toEqual({ superseded: 0, planned: 2, sent: 1 });
  });

  it.each([
    ["a REQUESTED booking (reminders wait for the confirmation)", created("REQUESTED")],
    ["a cancellation", { name: "booking/cancelled" as const, data: { ...ref, by: "CUSTOMER" as const, reason: null } }],
    ["a status change", { name: "booking/status-changed" as const, data: { ...ref, from: "CONFIRMED", to: "IN_PROGRESS" as const } }],
  ])("%s only cancels the older runs", async (_label, event) => {
    const t = new InngestTestEngine({
      function: bookingReminders,
      events: [event],
      steps: [{ id: "cancel-superseded", handler: () => 2 }],
    });
    const { result, ctx } = await t.execute();
    expect(result).toEqual({ superseded: 2, planned: 0, sent: 0 });
    expect(ctx.step.run).not.toHaveBeenCalledWith("plan", expect.any(Function));
    expect(ctx.step.sleepUntil).not.toHaveBeenCalled();
  });

  it("does not send before the sleep is over (the executor gets the Sleep op and stops)", async () => {
    const t = new InngestTestEngine({
      function: bookingReminders,
      events: [created("CONFIRMED")],
      steps: [
        { id: "cancel-superseded", handler: () => 0 },
        { id: "plan", handler: () => PLAN },
      ],
    });
    const { step, ctx } = await t.executeStep("wait-1440");
    expect(step).toMatchObject({ op: "Sleep", name: "2030-06-11T19:00:00.000Z", displayName: "wait-1440" });
    expect(ctx.step.run).not.toHaveBeenCalledWith("send-1440", expect.any(Function));
  });

  it("is registered, triggered by every booking event, and cancelled on cloud by newer versions", () => {
    expect(functions).toContain(bookingReminders);
    // The id is a contract with Inngest (runs and cancellations are keyed by it): pinned as text.
    expect(bookingReminders.id()).toBe("booking-reminders");
    expect(triggerEventNames(bookingReminders).sort()).toEqual([
      "booking/cancelled",
      "booking/confirmed",
      "booking/created",
      "booking/rescheduled",
      "booking/status-changed",
    ]);
    const cancelOn = bookingReminders.opts.cancelOn ?? [];
    expect(cancelOn.map((c) => c.event)).toEqual([
      "booking/confirmed",
      "booking/rescheduled",
      "booking/cancelled",
      "booking/status-changed",
    ]);
    expect(cancelOn.every((c) => c.if === "async.data.bookingId == event.data.bookingId && async.data.version > event.data.version")).toBe(
      true,
    );
  });
});
