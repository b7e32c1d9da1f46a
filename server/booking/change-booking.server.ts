import type { TenantDb } from "../db/db.server";
import { offeredCandidates } from "./offered-time.server";
import { Invalid } from "../errors/domain-errors";
import { emitEvent } from "../events/outbox.server";
import { BOOKING_ERRORS } from "./booking-errors";
import { nextStatus, type BookingMachineEvent } from "./booking-machine";
import { assertBeforeCutoff, assertBookableTime, readBookingConfig } from "./booking-rules.server";
import {
  assertVersion,
  bookingRef,
  clearExpiredHolds,
  eligibleStaffIds,
  emitStatusEvent,
  loadBooking,
  moveBooking,
  nowOf,
  recordBookingEvent,
  transitionBooking,
  type BookingActor,
  type BookingCallOptions,
} from "./booking-store.server";
import { bookingTimes } from "./booking-times";
import { getBooking, type BookingView } from "./get-booking.server";

/**
 * Changes to an existing booking. Every one goes through the booking machine, bumps the
 * version, writes a booking_events row and its outbox event in the caller's transaction.
 * `expectedVersion` (optional) refuses a change made on a stale screen.
 */
export interface ChangeOptions extends BookingCallOptions {
  expectedVersion?: number;
  reason?: string | null;
}

export interface RescheduleInput {
  bookingId: string;
  startsAt: Date;
  /** Another staff member; otherwise the same one if free, else the first free eligible one. */
  staffId?: string | null;
}

/** Moves a REQUESTED/CONFIRMED booking to a new time (customers: before the cutoff, with notice and horizon rules). */
export async function rescheduleBooking(
  db: TenantDb,
  input: RescheduleInput,
  actor: BookingActor,
  options: ChangeOptions = {},
): Promise<BookingView> {
  const now = nowOf(options);
  const booking = await loadBooking(db, input.bookingId);
  assertVersion(booking, options.expectedVersion);
  nextStatus(booking.status, { type: "RESCHEDULE" });
  const config = await readBookingConfig(db);
  const rules = actor.kind === "CUSTOMER" || actor.kind === "AGENT" ? "customer" : "member";
  if (actor.kind === "CUSTOMER") assertBeforeCutoff(booking.startsAt, config, now);
  assertBookableTime(input.startsAt, config, now, rules);
  const service = await db.service.findUniqueOrThrow({ where: { id: booking.serviceId }, select: { staffIds: true } });
  let candidates = await eligibleStaffIds(db, service, input.staffId);
  if (!input.staffId && candidates.includes(booking.staffId))
    candidates = [booking.staffId, ...candidates.filter((id) => id !== booking.staffId)];
  if (rules === "customer") {
    candidates = await offeredCandidates(
      db,
      {
        serviceId: booking.serviceId,
        durationMinutes: booking.durationMinutes,
        startsAt: input.startsAt,
        excludeBookingId: booking.id,
        now,
      },
      candidates,
    );
  }
  const times = bookingTimes(input.startsAt, booking.durationMinutes, config);
  await clearExpiredHolds(db, now);
  const moved = await moveBooking(db, booking, candidates, times);
  const reason = options.reason ?? null;
  await recordBookingEvent(db, moved, booking.status, actor, reason, {
    event: "RESCHEDULE",
    previousStartsAt: booking.startsAt.toISOString(),
    previousStaffId: booking.staffId,
  });
  await emitEvent(db, "booking/rescheduled", {
    ...bookingRef(moved),
    previousStartsAt: booking.startsAt.toISOString(),
    by: actor.kind === "CUSTOMER" || actor.kind === "AGENT" ? "CUSTOMER" : actor.kind === "SYSTEM" ? "SYSTEM" : "MEMBER",
  });
  return getBooking(db, moved.id);
}

/** Cancels a booking (or a hold). Customers only before BOOKING.changeCutoffHours. */
export async function cancelBooking(
  db: TenantDb,
  bookingId: string,
  actor: BookingActor,
  options: ChangeOptions = {},
): Promise<BookingView> {
  const now = nowOf(options);
  const booking = await loadBooking(db, bookingId);
  assertVersion(booking, options.expectedVersion);
  nextStatus(booking.status, { type: "CANCEL" });
  if (actor.kind === "CUSTOMER" && booking.status !== "HELD") assertBeforeCutoff(booking.startsAt, await readBookingConfig(db), now);
  return changeStatus(db, booking.id, { type: "CANCEL" }, actor, options, { cancelReason: options.reason?.trim() || null });
}

/** The owner (or a manager) approves a REQUESTED booking. */
export const confirmBooking = (db: TenantDb, bookingId: string, actor: BookingActor, options: ChangeOptions = {}) =>
  changeStatus(db, bookingId, { type: "CONFIRM" }, actor, options);

/** The job begins. */
export const startBooking = (db: TenantDb, bookingId: string, actor: BookingActor, options: ChangeOptions = {}) =>
  changeStatus(db, bookingId, { type: "START" }, actor, options);

/** The job is done. */
export const completeBooking = (db: TenantDb, bookingId: string, actor: BookingActor, options: ChangeOptions = {}) =>
  changeStatus(db, bookingId, { type: "COMPLETE" }, actor, options);

/** The customer did not show up (only once the start time has come). */
export async function markNoShow(db: TenantDb, bookingId: string, actor: BookingActor, options: ChangeOptions = {}): Promise<BookingView> {
  const booking = await loadBooking(db, bookingId);
  nextStatus(booking.status, { type: "MARK_NO_SHOW" });
  if (nowOf(options).getTime() < booking.startsAt.getTime()) throw Invalid(BOOKING_ERRORS.notStarted);
  return changeStatus(db, bookingId, { type: "MARK_NO_SHOW" }, actor, options);
}

async function changeStatus(
  db: TenantDb,
  bookingId: string,
  event: BookingMachineEvent,
  actor: BookingActor,
  options: ChangeOptions,
  data: { cancelReason?: string | null } = {},
): Promise<BookingView> {
  const booking = await loadBooking(db, bookingId);
  assertVersion(booking, options.expectedVersion);
  const reason = options.reason?.trim() || null;
  const { before, after } = await transitionBooking(db, booking, event, actor, {
    reason,
    // bookings_hold_check: only HELD rows carry a hold expiry.
    data: { ...data, ...(booking.status === "HELD" ? { holdExpiresAt: null } : {}) },
  });
  await emitStatusEvent(db, before, after, actor, reason);
  return getBooking(db, after.id);
}
