import { inngest } from "../client";
import { bookingCancelled, bookingConfirmed, bookingCreated, bookingRescheduled, bookingStatusChanged } from "../events";
import {
  cancelSupersededReminderRuns,
  planBookingReminders,
  sendReminder,
  type ReminderOutcome,
} from "../../server/booking/reminders.server";

/**
 * Customer reminders before a booking (BOOKING.reminders: 24 h and 2 h by default).
 *
 * Every booking/* event first cancels the waiting runs of older versions of the same
 * booking (the local runner has no cancelOn; on Inngest cloud `cancelOn` does it). Events
 * that leave the booking CONFIRMED at a new version (created as CONFIRMED, confirmed,
 * rescheduled) then plan the reminders and, for each, sleep until its time and send it
 * only if the booking is STILL CONFIRMED at the event's version and start time
 * (sendReminder). So even a run that was never cancelled cannot remind anyone of a time
 * that is no longer booked. Each send is its own memoized step with a deterministic
 * message id: a retry never sends twice.
 */
export const BOOKING_REMINDERS_ID = "booking-reminders";

const supersededBy = (name: string) => ({
  event: name,
  if: "async.data.bookingId == event.data.bookingId && async.data.version > event.data.version",
});

/** The function with a given id (tests run isolated copies; the app uses BOOKING_REMINDERS_ID). */
export function createBookingReminders(id: string = BOOKING_REMINDERS_ID) {
  return inngest.createFunction(
    {
      id,
      name: "Booking reminders",
      retries: 5,
      triggers: [bookingCreated, bookingConfirmed, bookingRescheduled, bookingCancelled, bookingStatusChanged],
      cancelOn: ["booking/confirmed", "booking/rescheduled", "booking/cancelled", "booking/status-changed"].map(supersededBy),
    },
    async ({ event, step }) => {
      const { tenantId, bookingId, version, startsAt } = event.data;
      const superseded = await step.run("cancel-superseded", () =>
        cancelSupersededReminderRuns({ functionId: id, tenantId, bookingId, version }),
      );

      const schedules =
        event.name === "booking/confirmed" ||
        event.name === "booking/rescheduled" ||
        (event.name === "booking/created" && event.data.status === "CONFIRMED");
      if (!schedules) return { superseded, planned: 0, sent: 0 };

      const plan = await step.run("plan", () => planBookingReminders(tenantId, { bookingId, version, startsAt }));
      let sent = 0;
      for (const reminder of plan.reminders) {
        await step.sleepUntil(`wait-${reminder.offsetMinutes}`, reminder.sendAt);
        const outcome: ReminderOutcome = await step.run(`send-${reminder.offsetMinutes}`, () =>
          sendReminder(tenantId, { bookingId, version, startsAt, offsetMinutes: reminder.offsetMinutes, scheduledFor: reminder.sendAt }),
        );
        if (outcome.sent) sent++;
        else if (outcome.stop) return { superseded, planned: plan.reminders.length, sent, stopped: outcome.reason };
      }
      return { superseded, planned: plan.reminders.length, sent };
    },
  );
}

export const bookingReminders = createBookingReminders();
