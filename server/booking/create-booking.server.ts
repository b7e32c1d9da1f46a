import type { TenantDb } from "../db/db.server";
import type { Prisma } from "../db/generated/prisma/client";
import { Invalid } from "../errors/domain-errors";
import { emitEvent } from "../events/outbox.server";
import type { TOptionSelection } from "../catalog/options";
import { attachCustomer, type CustomerDetails } from "./booking-customer.server";
import { initialStatusFor } from "./booking-machine";
import { assertBookableTime, assertInServiceArea, bookableService, priceBooking, readBookingConfig } from "./booking-rules.server";
import type { TServiceAddress } from "./booking.types";
import {
  bookingRef,
  clearExpiredHolds,
  eligibleStaffIds,
  nowOf,
  placeBooking,
  recordBookingEvent,
  type BookingActor,
  type BookingCallOptions,
} from "./booking-store.server";
import { bookingTimes } from "./booking-times";
import { getBooking, type BookingView } from "./get-booking.server";
import { offeredCandidates } from "./offered-time.server";

/**
 * A booking entered by a member (dashboard) or by the AI agent, without a hold: it is born
 * CONFIRMED (dashboard) or REQUESTED/CONFIRMED per BOOKING.requireConfirmation (agent),
 * under the same exclusion constraint as every other booking.
 */
export interface CreateBookingInput {
  source: "DASHBOARD" | "AGENT";
  serviceId: string;
  startsAt: Date;
  staffId?: string | null;
  options?: TOptionSelection;
  /** An existing customer, or the details to find/add one by phone. */
  customer: { id: string } | (CustomerDetails & { smsConsent?: boolean });
  notes?: string | null;
  /** Where the job happens (checked against the service area for the agent, stored as given for members). */
  address?: TServiceAddress | null;
}

export async function createBooking(
  db: TenantDb,
  input: CreateBookingInput,
  actor: BookingActor,
  options?: BookingCallOptions,
): Promise<BookingView> {
  const now = nowOf(options);
  const config = await readBookingConfig(db);
  // The agent books for a customer on the phone: customer rules (notice, horizon). Members may book any future time.
  const rules = input.source === "AGENT" ? "customer" : "member";
  const service = await bookableService(db, input.serviceId, rules);
  const priced = priceBooking(service, input.options);
  assertBookableTime(input.startsAt, config, now, rules);
  assertInServiceArea(input.address, config, rules);
  const eligible = await eligibleStaffIds(db, service, input.staffId);
  const candidates =
    rules === "customer"
      ? await offeredCandidates(db, { serviceId: service.id, selection: input.options, startsAt: input.startsAt, now }, eligible)
      : eligible;
  const customerId = await resolveCustomer(db, input, actor, now);
  const times = bookingTimes(input.startsAt, priced.durationMinutes, config);
  await clearExpiredHolds(db, now);
  const status = initialStatusFor(input.source, config.requireConfirmation);
  const booking = await placeBooking(db, candidates, times, {
    serviceId: service.id,
    customerId,
    status,
    source: input.source,
    durationMinutes: priced.durationMinutes,
    priceCents: priced.priceCents,
    depositCents: priced.depositCents,
    options: priced.choices as unknown as Prisma.InputJsonValue,
    notes: input.notes?.trim() || null,
    serviceAddress: input.address ? (input.address as unknown as Prisma.InputJsonValue) : undefined,
  });
  await recordBookingEvent(db, booking, null, actor, null, { event: "CREATE", source: input.source });
  await emitEvent(db, "booking/created", { ...bookingRef(booking), status, source: input.source });
  return getBooking(db, booking.id);
}

async function resolveCustomer(db: TenantDb, input: CreateBookingInput, actor: BookingActor, now: Date): Promise<string> {
  if ("id" in input.customer) {
    const found = await db.customer.findUnique({ where: { id: input.customer.id }, select: { id: true, mergedIntoId: true } });
    if (!found) throw Invalid("errors:invalidInput", { customerId: "errors:notFound" });
    return found.mergedIntoId ?? found.id;
  }
  const { smsConsent, ...details } = input.customer;
  const source = input.source === "AGENT" ? "booking.agent" : "booking.dashboard";
  const customer = await attachCustomer(db, details, {
    now,
    smsConsent: smsConsent ? { source, actorUserId: actor.userId ?? null } : null,
  });
  return customer.id;
}
