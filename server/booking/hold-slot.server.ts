import type { TenantDb } from "../db/db.server";
import type { Prisma } from "../db/generated/prisma/client";
import { Conflict } from "../errors/domain-errors";
import { emitEvent } from "../events/outbox.server";
import type { TOptionSelection } from "../catalog/options";
import type { TLocale } from "../i18n/localized-text";
import { translateNow } from "../i18n/translate.server";
import { attachCustomer } from "./booking-customer.server";
import { BOOKING_ERRORS } from "./booking-errors";
import { nextStatus } from "./booking-machine";
import { assertBookableTime, assertInServiceArea, bookableService, priceBooking, readBookingConfig } from "./booking-rules.server";
import type { TServiceAddress } from "./booking.types";
import {
  bookingRef,
  clearExpiredHolds,
  eligibleStaffIds,
  nowOf,
  placeBooking,
  recordBookingEvent,
  type BookingCallOptions,
} from "./booking-store.server";
import { addMinutes, bookingTimes } from "./booking-times";
import { createManageToken } from "./manage-link.server";
import { offeredCandidates } from "./offered-time.server";

/**
 * The public booking flow: a customer picks a time (holdSlot: the slot is theirs for
 * BOOKING.holdMinutes), then fills in the form (confirmHold: the hold becomes a booking,
 * REQUESTED or CONFIRMED per BOOKING.requireConfirmation).
 */
export interface HoldSlotInput {
  serviceId: string;
  startsAt: Date;
  /** A specific staff member; otherwise the first free one who can do the service. */
  staffId?: string | null;
  options?: TOptionSelection;
}

export interface HoldView {
  holdId: string;
  expiresAt: string;
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  priceCents: number;
  depositCents: number;
  staffId: string;
}

/** Holds a slot for a customer: a HELD booking until now + holdMinutes, on the first free eligible staff member. */
export async function holdSlot(db: TenantDb, input: HoldSlotInput, options?: BookingCallOptions): Promise<HoldView> {
  const now = nowOf(options);
  const config = await readBookingConfig(db);
  const service = await bookableService(db, input.serviceId, "customer");
  const priced = priceBooking(service, input.options);
  assertBookableTime(input.startsAt, config, now, "customer");
  const eligible = await eligibleStaffIds(db, service, input.staffId);
  const candidates = await offeredCandidates(
    db,
    { serviceId: service.id, selection: input.options, startsAt: input.startsAt, now },
    eligible,
  );
  const times = bookingTimes(input.startsAt, priced.durationMinutes, config);
  await clearExpiredHolds(db, now);
  const expiresAt = addMinutes(now, config.holdMinutes);
  const hold = await placeBooking(db, candidates, times, {
    serviceId: service.id,
    status: "HELD",
    source: "PUBLIC",
    durationMinutes: priced.durationMinutes,
    priceCents: priced.priceCents,
    depositCents: priced.depositCents,
    options: priced.choices as unknown as Prisma.InputJsonValue,
    holdExpiresAt: expiresAt,
  });
  await recordBookingEvent(db, hold, null, { kind: "CUSTOMER" }, null, { event: "HOLD" });
  return {
    holdId: hold.id,
    expiresAt: expiresAt.toISOString(),
    startsAt: hold.startsAt.toISOString(),
    endsAt: hold.endsAt.toISOString(),
    durationMinutes: hold.durationMinutes,
    priceCents: hold.priceCents,
    depositCents: hold.depositCents,
    staffId: hold.staffId,
  };
}

export interface ConfirmHoldInput {
  holdId: string;
  name: string;
  phone: string;
  email?: string | null;
  locale: TLocale;
  /** The SMS consent checkbox: consent is recorded only when true, never revoked by false. */
  smsConsent: boolean;
  notes?: string | null;
  /** Where the job happens; required when the business has a service area. */
  address?: TServiceAddress | null;
}

export interface ConfirmedBooking {
  bookingId: string;
  status: "REQUESTED" | "CONFIRMED";
  version: number;
  startsAt: string;
  endsAt: string;
  priceCents: number;
  depositCents: number;
  /** The signed token of the customer's manage link. */
  manageToken: string;
}

/** The words of the consent checkbox, stored in the ledger in the customer's language. */
export const SMS_CONSENT_WORDS_KEY = "booking:form.smsConsent";

/**
 * Turns a hold into a booking for the customer (found or added by phone). A hold past its
 * expiry can still be confirmed while its row exists: nobody else took the time (taking
 * it deletes the expired hold first), so the customer keeps it; once deleted, or when the
 * start itself is no longer bookable, the answer is Conflict "errors:booking.holdExpired".
 */
export async function confirmHold(db: TenantDb, input: ConfirmHoldInput, options?: BookingCallOptions): Promise<ConfirmedBooking> {
  const now = nowOf(options);
  const hold = await db.booking.findUnique({ where: { id: input.holdId } });
  if (!hold) throw Conflict(BOOKING_ERRORS.holdExpired);
  const config = await readBookingConfig(db);
  const to = nextStatus(hold.status, { type: "SUBMIT", requireConfirmation: config.requireConfirmation });
  if (hold.holdExpiresAt && hold.holdExpiresAt.getTime() <= now.getTime()) {
    try {
      assertBookableTime(hold.startsAt, config, now, "customer");
    } catch {
      throw Conflict(BOOKING_ERRORS.holdExpired);
    }
  }
  assertInServiceArea(input.address, config, "customer");
  const customer = await attachCustomer(
    db,
    { name: input.name, phone: input.phone, email: input.email, locale: input.locale, address: input.address ?? null },
    { now, smsConsent: input.smsConsent ? { source: "booking.public", words: translateNow(input.locale, SMS_CONSENT_WORDS_KEY) } : null },
  );
  const { count } = await db.booking.updateMany({
    where: { id: hold.id, status: "HELD", version: hold.version },
    data: {
      status: to,
      holdExpiresAt: null,
      customerId: customer.id,
      notes: input.notes?.trim() || null,
      serviceAddress: input.address ? (input.address as unknown as Prisma.InputJsonValue) : undefined,
      version: { increment: 1 },
    },
  });
  // Deleted meanwhile by someone who took the expired hold's time, or confirmed twice at once.
  if (count === 0) throw Conflict(BOOKING_ERRORS.holdExpired);
  const booking = await db.booking.findUniqueOrThrow({ where: { id: hold.id } });
  await recordBookingEvent(db, booking, "HELD", { kind: "CUSTOMER" }, null, { event: "SUBMIT", customerId: customer.id });
  await emitEvent(db, "booking/created", { ...bookingRef(booking), status: to as "REQUESTED" | "CONFIRMED", source: "PUBLIC" });
  return {
    bookingId: booking.id,
    status: to as "REQUESTED" | "CONFIRMED",
    version: booking.version,
    startsAt: booking.startsAt.toISOString(),
    endsAt: booking.endsAt.toISOString(),
    priceCents: booking.priceCents,
    depositCents: booking.depositCents,
    manageToken: createManageToken({ bookingId: booking.id, tenantId: db.tenantId }, { now }),
  };
}
