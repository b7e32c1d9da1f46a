import type { TenantDb } from "../db/db.server";
import type { Booking, Prisma } from "../db/generated/prisma/client";
import type { BookingStatus } from "../db/generated/prisma/enums";
import { Conflict, Invalid, NotFound } from "../errors/domain-errors";
import { emitEvent } from "../events/outbox.server";
import { ACTIVE_STATUSES, nextStatus, type BookingMachineEvent } from "./booking-machine";
import { BOOKING_ERRORS } from "./booking-errors";
import type { BookingTimes } from "./booking-times";
import { isContention, isExclusionViolation } from "./pg-errors.server";
import { WORKING_STAFF } from "../scheduling/working-staff.server";

/**
 * The booking domain's shared moves over the database: who can do a job, placing and
 * moving a booking under the exclusion constraint, applying a machine transition with
 * optimistic locking, and writing the audit row and the outbox event. The exported
 * service functions (hold-slot, create-booking, change-booking...) are built from these.
 */
export type BookingActorKind = "CUSTOMER" | "MEMBER" | "SYSTEM" | "AGENT";

export interface BookingActor {
  kind: BookingActorKind;
  /** The member (or platform user) behind MEMBER actions. */
  userId?: string | null;
}

/** Options every service function takes: the clock (tests pass one; default now). */
export interface BookingCallOptions {
  now?: Date;
}

export const nowOf = (options?: BookingCallOptions): Date => options?.now ?? new Date();

/**
 * Lazy hold expiry: a HELD row past hold_expires_at is deleted before any booking is
 * placed or moved, so an expired hold never blocks anyone (its booking_events go with it:
 * a hold that never became a booking has no history worth keeping). One statement for
 * the whole tenant, so concurrent callers lock the rows in the same order.
 */
export async function clearExpiredHolds(db: TenantDb, now: Date): Promise<number> {
  const { count } = await db.booking.deleteMany({ where: { status: "HELD", holdExpiresAt: { lte: now } } });
  return count;
}

/** Staff who may do the service (its staffIds, or every active staff member), in display order. */
export async function eligibleStaffIds(db: TenantDb, service: { staffIds: string[] }, requested?: string | null): Promise<string[]> {
  const staff = await db.staff.findMany({
    where: { ...WORKING_STAFF, ...(service.staffIds.length ? { id: { in: service.staffIds } } : {}) },
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
    select: { id: true },
  });
  const ids = staff.map((s) => s.id);
  if (requested) {
    if (!ids.includes(requested)) throw Invalid(BOOKING_ERRORS.noStaff, { staffId: BOOKING_ERRORS.noStaff });
    return [requested];
  }
  if (!ids.length) throw Invalid(BOOKING_ERRORS.noStaff);
  return ids;
}

/** Whether a staff member already has a live booking or hold over [from, until) (a hint; the constraint decides). */
async function looksBusy(db: TenantDb, staffId: string, times: BookingTimes, excludeId?: string): Promise<boolean> {
  const hit = await db.booking.findFirst({
    where: {
      staffId,
      status: { in: [...ACTIVE_STATUSES] },
      blockedFrom: { lt: times.blockedUntil },
      blockedUntil: { gt: times.blockedFrom },
      ...(excludeId ? { id: { not: excludeId } } : {}),
    },
    select: { id: true },
  });
  return hit !== null;
}

/**
 * Runs `attempt` for each candidate staff member in turn, each inside a savepoint, until
 * one is accepted by the exclusion constraint (bookings_no_double_booking). A violation
 * only rolls back to the savepoint, so the caller's transaction stays usable; when every
 * candidate is taken the answer is Conflict "errors:booking.slotTaken".
 */
async function firstFreeStaff<T>(
  db: TenantDb,
  candidates: string[],
  times: BookingTimes,
  excludeId: string | undefined,
  attempt: (staffId: string) => Promise<T>,
): Promise<T> {
  for (const staffId of candidates) {
    if (candidates.length > 1 && (await looksBusy(db, staffId, times, excludeId))) continue;
    await db.$executeRawUnsafe("SAVEPOINT booking_place");
    try {
      const result = await attempt(staffId);
      await db.$executeRawUnsafe("RELEASE SAVEPOINT booking_place");
      return result;
    } catch (error) {
      await db.$executeRawUnsafe("ROLLBACK TO SAVEPOINT booking_place");
      if (isExclusionViolation(error) || isContention(error)) continue;
      throw error;
    }
  }
  throw Conflict(BOOKING_ERRORS.slotTaken);
}

/** Inserts a booking for the first candidate staff member who is free over the blocked range. */
export async function placeBooking(
  db: TenantDb,
  candidates: string[],
  times: BookingTimes,
  data: Omit<Prisma.BookingUncheckedCreateInput, "tenantId" | "staffId" | "startsAt" | "endsAt" | "blockedFrom" | "blockedUntil">,
): Promise<Booking> {
  return firstFreeStaff(db, candidates, times, undefined, (staffId) =>
    db.booking.create({ data: { ...data, tenantId: db.tenantId, staffId, ...times } }),
  );
}

/**
 * Moves a booking (same or another staff member) if it is still at `expectedVersion`;
 * bumps the version. Conflict "errors:conflict" when someone else changed it meanwhile.
 */
export async function moveBooking(db: TenantDb, booking: Booking, candidates: string[], times: BookingTimes): Promise<Booking> {
  return firstFreeStaff(db, candidates, times, booking.id, async (staffId) => {
    const { count } = await db.booking.updateMany({
      where: { id: booking.id, version: booking.version },
      data: { staffId, ...times, version: { increment: 1 } },
    });
    if (count === 0) throw Conflict("errors:conflict");
    return db.booking.findUniqueOrThrow({ where: { id: booking.id } });
  });
}

/** The booking (RLS: only this tenant's), or NotFound "errors:booking.notFound". */
export async function loadBooking(db: TenantDb, bookingId: string): Promise<Booking> {
  const booking = await db.booking.findUnique({ where: { id: bookingId } });
  if (!booking) throw NotFound(BOOKING_ERRORS.notFound);
  return booking;
}

export function assertVersion(booking: Booking, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && booking.version !== expectedVersion) throw Conflict("errors:conflict");
}

/**
 * Applies a machine event: the machine decides the next status (Conflict when illegal),
 * the row is updated only if nobody changed it since it was read (version check), the
 * version grows, and the audit row is written. Returns the booking before and after.
 */
export async function transitionBooking(
  db: TenantDb,
  booking: Booking,
  event: BookingMachineEvent,
  actor: BookingActor,
  change: { reason?: string | null; data?: Prisma.BookingUncheckedUpdateManyInput; audit?: Record<string, unknown> } = {},
): Promise<{ before: Booking; after: Booking }> {
  const to = nextStatus(booking.status, event);
  const { count } = await db.booking.updateMany({
    where: { id: booking.id, version: booking.version, status: booking.status },
    data: { ...change.data, status: to, version: { increment: 1 } },
  });
  if (count === 0) throw Conflict("errors:conflict");
  const after = await db.booking.findUniqueOrThrow({ where: { id: booking.id } });
  await recordBookingEvent(db, after, booking.status, actor, change.reason ?? null, { event: event.type, ...change.audit });
  return { before: booking, after };
}

/** One row of the audit trail (booking_events, append-only for the tenant role). */
export async function recordBookingEvent(
  db: TenantDb,
  booking: Booking,
  from: BookingStatus | null,
  actor: BookingActor,
  reason: string | null,
  data: Record<string, unknown> = {},
): Promise<void> {
  await db.bookingEvent.create({
    data: {
      tenantId: db.tenantId,
      bookingId: booking.id,
      fromStatus: from,
      toStatus: booking.status,
      actorKind: actor.kind,
      actorUserId: actor.userId ?? null,
      reason,
      data: {
        version: booking.version,
        startsAt: booking.startsAt.toISOString(),
        staffId: booking.staffId,
        ...data,
      } as Prisma.InputJsonValue,
    },
  });
}

/** The fields every booking/* event carries. */
export function bookingRef(booking: Booking) {
  return {
    tenantId: booking.tenantId,
    bookingId: booking.id,
    version: booking.version,
    startsAt: booking.startsAt.toISOString(),
    customerId: booking.customerId,
  };
}

/** booking/cancelled names who cancelled; the event schema has no AGENT, so the agent counts as SYSTEM. */
export const cancelledBy = (kind: BookingActorKind): "CUSTOMER" | "MEMBER" | "SYSTEM" => (kind === "AGENT" ? "SYSTEM" : kind);

/** Emits the outbox event that matches a status change (holds emit nothing: they are not bookings yet). */
export async function emitStatusEvent(
  db: TenantDb,
  before: Booking,
  after: Booking,
  actor: BookingActor,
  reason: string | null,
): Promise<void> {
  if (before.status === "HELD") return;
  const ref = bookingRef(after);
  if (after.status === "CANCELLED") await emitEvent(db, "booking/cancelled", { ...ref, by: cancelledBy(actor.kind), reason });
  else if (after.status === "CONFIRMED" && before.status === "REQUESTED") await emitEvent(db, "booking/confirmed", ref);
  else if (after.status === "IN_PROGRESS" || after.status === "COMPLETED" || after.status === "NO_SHOW") {
    await emitEvent(db, "booking/status-changed", { ...ref, from: before.status, to: after.status });
  }
}
