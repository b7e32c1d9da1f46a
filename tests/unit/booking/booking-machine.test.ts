import { describe, expect, it } from "vitest";
import { isDomainError } from "../../../server/errors/domain-errors";
import {
  allowedEvents,
  BOOKING_EVENT_TYPES,
  BOOKING_STATUSES,
  bookingMachine,
  canTransition,
  initialStatusFor,
  nextStatus,
  type BookingEventType,
  type BookingMachineEvent,
} from "../../../server/booking/booking-machine";
import type { BookingStatus } from "../../../server/db/generated/prisma/enums";

/**
 * Every (status, event) pair of the booking machine: the legal ones land where the table
 * says, every other one is a Conflict with the i18n key errors:booking.illegalTransition.
 */
const LEGAL: Record<BookingStatus, Partial<Record<BookingEventType, BookingStatus>>> = {
  HELD: { SUBMIT: "CONFIRMED", EXPIRE_HOLD: "CANCELLED", CANCEL: "CANCELLED" },
  REQUESTED: { CONFIRM: "CONFIRMED", RESCHEDULE: "REQUESTED", CANCEL: "CANCELLED" },
  CONFIRMED: { START: "IN_PROGRESS", RESCHEDULE: "CONFIRMED", CANCEL: "CANCELLED", MARK_NO_SHOW: "NO_SHOW" },
  IN_PROGRESS: { COMPLETE: "COMPLETED" },
  COMPLETED: {},
  CANCELLED: {},
  NO_SHOW: {},
};

const eventOf = (type: BookingEventType, requireConfirmation = false): BookingMachineEvent =>
  type === "SUBMIT" ? { type, requireConfirmation } : ({ type } as BookingMachineEvent);

function conflictOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error("expected a domain error");
}

describe("booking machine", () => {
  const pairs = BOOKING_STATUSES.flatMap((status) => BOOKING_EVENT_TYPES.map((type) => [status, type] as const));

  it.each(pairs.filter(([s, e]) => LEGAL[s][e] !== undefined))("%s --%s--> legal", (status, type) => {
    expect(canTransition(status, eventOf(type))).toBe(true);
    expect(nextStatus(status, eventOf(type))).toBe(LEGAL[status][type]);
  });

  it.each(pairs.filter(([s, e]) => LEGAL[s][e] === undefined))(
    "%s --%s--> illegal: Conflict errors:booking.illegalTransition",
    (status, type) => {
      expect(canTransition(status, eventOf(type))).toBe(false);
      const error = conflictOf(() => nextStatus(status, eventOf(type)));
      expect(error.kind).toBe("Conflict");
      expect(error.key).toBe("errors:booking.illegalTransition");
      expect(error.params).toEqual({ from: status, event: type });
    },
  );

  it("SUBMIT goes to REQUESTED when the business confirms by hand, CONFIRMED otherwise", () => {
    expect(nextStatus("HELD", { type: "SUBMIT", requireConfirmation: true })).toBe("REQUESTED");
    expect(nextStatus("HELD", { type: "SUBMIT", requireConfirmation: false })).toBe("CONFIRMED");
  });

  it("covers all 56 pairs, and the final states accept nothing", () => {
    expect(pairs).toHaveLength(7 * 8);
    for (const status of ["COMPLETED", "CANCELLED", "NO_SHOW"] as const) {
      expect(allowedEvents(status)).toEqual([]);
      expect(bookingMachine.resolveState({ value: status, context: {} }).status).toBe("done");
    }
  });

  it("lists the allowed events per status (the dashboard's buttons)", () => {
    for (const status of BOOKING_STATUSES) expect(allowedEvents(status).sort()).toEqual(Object.keys(LEGAL[status]).sort());
  });

  it("bookings that skip the hold: dashboard always CONFIRMED, agent per requireConfirmation", () => {
    expect(initialStatusFor("DASHBOARD", true)).toBe("CONFIRMED");
    expect(initialStatusFor("DASHBOARD", false)).toBe("CONFIRMED");
    expect(initialStatusFor("AGENT", true)).toBe("REQUESTED");
    expect(initialStatusFor("AGENT", false)).toBe("CONFIRMED");
    expect(initialStatusFor("PUBLIC", true)).toBe("REQUESTED");
  });

  it("matches the Prisma enum, in order", () => {
    expect([...BOOKING_STATUSES]).toEqual(["HELD", "REQUESTED", "CONFIRMED", "IN_PROGRESS", "COMPLETED", "CANCELLED", "NO_SHOW"]);
  });
});
