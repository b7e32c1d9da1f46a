import { setup, transition } from "xstate";
import type { BookingStatus } from "../db/generated/prisma/enums";
import { Conflict } from "../errors/domain-errors";
import { BOOKING_ERRORS } from "./booking-errors";

/**
 * The life of a booking as an explicit state machine. The services never set a status
 * by hand: they ask `nextStatus(from, event)`, so an illegal move (completing a cancelled
 * job, confirming twice) is refused in one place, with one error.
 *
 *   HELD --SUBMIT--> REQUESTED | CONFIRMED (per BOOKING.requireConfirmation)
 *   HELD --EXPIRE_HOLD | CANCEL--> CANCELLED
 *   REQUESTED --CONFIRM--> CONFIRMED;  REQUESTED --RESCHEDULE--> REQUESTED;  --CANCEL--> CANCELLED
 *   CONFIRMED --START--> IN_PROGRESS;  --RESCHEDULE--> CONFIRMED;  --CANCEL--> CANCELLED;  --MARK_NO_SHOW--> NO_SHOW
 *   IN_PROGRESS --COMPLETE--> COMPLETED
 *   COMPLETED, CANCELLED, NO_SHOW are final.
 */
export type BookingMachineEvent =
  | { type: "SUBMIT"; requireConfirmation: boolean }
  | { type: "CONFIRM" }
  | { type: "START" }
  | { type: "COMPLETE" }
  | { type: "CANCEL" }
  | { type: "MARK_NO_SHOW" }
  | { type: "RESCHEDULE" }
  | { type: "EXPIRE_HOLD" };

export type BookingEventType = BookingMachineEvent["type"];

export const BOOKING_EVENT_TYPES = [
  "SUBMIT",
  "CONFIRM",
  "START",
  "COMPLETE",
  "CANCEL",
  "MARK_NO_SHOW",
  "RESCHEDULE",
  "EXPIRE_HOLD",
] as const satisfies readonly BookingEventType[];

export const BOOKING_STATUSES = [
  "HELD",
  "REQUESTED",
  "CONFIRMED",
  "IN_PROGRESS",
  "COMPLETED",
  "CANCELLED",
  "NO_SHOW",
] as const satisfies readonly BookingStatus[];

/** Statuses that occupy the staff member's time (the exclusion constraint's WHERE clause). */
export const ACTIVE_STATUSES = ["HELD", "REQUESTED", "CONFIRMED", "IN_PROGRESS"] as const satisfies readonly BookingStatus[];

export const bookingMachine = setup({
  types: { events: {} as BookingMachineEvent },
  guards: {
    needsConfirmation: ({ event }) => event.type === "SUBMIT" && event.requireConfirmation,
  },
}).createMachine({
  id: "booking",
  initial: "HELD",
  states: {
    HELD: {
      on: {
        SUBMIT: [{ guard: "needsConfirmation", target: "REQUESTED" }, { target: "CONFIRMED" }],
        EXPIRE_HOLD: "CANCELLED",
        CANCEL: "CANCELLED",
      },
    },
    REQUESTED: {
      on: { CONFIRM: "CONFIRMED", RESCHEDULE: "REQUESTED", CANCEL: "CANCELLED" },
    },
    CONFIRMED: {
      on: { START: "IN_PROGRESS", RESCHEDULE: "CONFIRMED", CANCEL: "CANCELLED", MARK_NO_SHOW: "NO_SHOW" },
    },
    IN_PROGRESS: {
      on: { COMPLETE: "COMPLETED" },
    },
    COMPLETED: { type: "final" },
    CANCELLED: { type: "final" },
    NO_SHOW: { type: "final" },
  },
});

function snapshotAt(status: BookingStatus) {
  return bookingMachine.resolveState({ value: status, context: {} });
}

/** Whether `event` is allowed from `status`. */
export function canTransition(status: BookingStatus, event: BookingMachineEvent): boolean {
  return snapshotAt(status).can(event);
}

/** The status after `event`, or a Conflict ("errors:booking.illegalTransition") when the machine refuses it. */
export function nextStatus(status: BookingStatus, event: BookingMachineEvent): BookingStatus {
  const snapshot = snapshotAt(status);
  if (!snapshot.can(event)) throw Conflict(BOOKING_ERRORS.illegalTransition, { from: status, event: event.type });
  const [next] = transition(bookingMachine, snapshot, event);
  return next.value as BookingStatus;
}

/** The events the machine accepts in `status` (for the dashboard's buttons). */
export function allowedEvents(status: BookingStatus): BookingEventType[] {
  return BOOKING_EVENT_TYPES.filter((type) =>
    canTransition(status, type === "SUBMIT" ? { type, requireConfirmation: false } : ({ type } as BookingMachineEvent)),
  );
}

/** The status a booking is born with when it skips the hold (dashboard and agent). */
export function initialStatusFor(source: "PUBLIC" | "DASHBOARD" | "AGENT", requireConfirmation: boolean): "REQUESTED" | "CONFIRMED" {
  // A member entering a booking is the business itself: there is nobody else to confirm it.
  if (source === "DASHBOARD") return "CONFIRMED";
  return requireConfirmation ? "REQUESTED" : "CONFIRMED";
}
