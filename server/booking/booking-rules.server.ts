import { readConfig } from "../config/config-service.server";
import type { TConfigNode } from "../config/schemas";
import type { TenantDb } from "../db/db.server";
import type { Service } from "../db/generated/prisma/client";
import { Forbidden, Invalid } from "../errors/domain-errors";
import { InvalidSelectionError, quote, type Quote, type TOptionSelection } from "../catalog/options";
import { checkServiceArea } from "../catalog/service-area";
import { BOOKING_ERRORS } from "./booking-errors";
import type { TServiceAddress } from "./booking.types";

/**
 * The rules a booking time and a service must pass before the database is asked: the
 * BOOKING node's notice, horizon and change cutoff, the service being bookable, and the
 * options priced by the catalogue's `quote`.
 */
export type TBookingConfig = TConfigNode<"BOOKING">;

export const readBookingConfig = (db: TenantDb): Promise<TBookingConfig> => readConfig(db, "BOOKING");

const MINUTE = 60_000;

/**
 * `customer` rules (public site, agent, customer reschedule): not before now + minNotice,
 * not after now + horizon. `member` rules (dashboard): only not in the past.
 */
export function assertBookableTime(startsAt: Date, config: TBookingConfig, now: Date, rules: "customer" | "member"): void {
  const at = startsAt.getTime();
  if (at <= now.getTime()) throw Invalid(BOOKING_ERRORS.inPast, { startsAt: BOOKING_ERRORS.inPast });
  if (rules === "member") return;
  if (at < now.getTime() + config.minNoticeMinutes * MINUTE) {
    throw Invalid(BOOKING_ERRORS.tooSoon, { startsAt: BOOKING_ERRORS.tooSoon }, { minutes: config.minNoticeMinutes });
  }
  if (at > now.getTime() + config.horizonDays * 24 * 60 * MINUTE) {
    throw Invalid(BOOKING_ERRORS.tooFarAhead, { startsAt: BOOKING_ERRORS.tooFarAhead }, { days: config.horizonDays });
  }
}

/** Customers change or cancel online only until changeCutoffHours before the start. */
export function assertBeforeCutoff(startsAt: Date, config: TBookingConfig, now: Date): void {
  if (now.getTime() > startsAt.getTime() - config.changeCutoffHours * 60 * MINUTE) {
    throw Forbidden(BOOKING_ERRORS.pastCutoff, { hours: config.changeCutoffHours });
  }
}

/** The changes a customer may still make online (for the manage page). */
export function customerCanChange(startsAt: Date, config: TBookingConfig, now: Date): boolean {
  return now.getTime() <= startsAt.getTime() - config.changeCutoffHours * 60 * MINUTE;
}

/** The service if it can be booked (customers: active only). */
export async function bookableService(db: TenantDb, serviceId: string, rules: "customer" | "member"): Promise<Service> {
  const service = await db.service.findUnique({ where: { id: serviceId } });
  if (!service || (rules === "customer" && !service.active))
    throw Invalid(BOOKING_ERRORS.serviceUnavailable, { serviceId: BOOKING_ERRORS.serviceUnavailable });
  return service;
}

/** Price, duration and deposit in integer cents for the chosen options. */
export function priceBooking(service: Service, selection: TOptionSelection | undefined): Quote {
  try {
    return quote(service, selection ?? {});
  } catch (error) {
    if (error instanceof InvalidSelectionError)
      throw Invalid(BOOKING_ERRORS.invalidOptions, { [`options.${error.groupKey}`]: BOOKING_ERRORS.invalidOptions });
    throw error;
  }
}

const AREA_ERRORS = {
  zipRequired: BOOKING_ERRORS.zipRequired,
  unknownZip: BOOKING_ERRORS.unknownZip,
  outside: BOOKING_ERRORS.outsideServiceArea,
} as const;

/**
 * Customers (public page, agent) book only inside BOOKING.serviceArea: with an area set,
 * the service address and its ZIP are required. Members may book anywhere (they know
 * their exceptions); their address is stored as given.
 */
export function assertInServiceArea(
  address: TServiceAddress | null | undefined,
  config: TBookingConfig,
  rules: "customer" | "member",
): void {
  if (rules === "member" || config.serviceArea.mode === "NONE") return;
  if (!address?.line1) throw Invalid(BOOKING_ERRORS.addressRequired, { "address.line1": BOOKING_ERRORS.addressRequired });
  const check = checkServiceArea(config.serviceArea, address.postalCode);
  if (!check.ok) throw Invalid(AREA_ERRORS[check.reason], { "address.postalCode": AREA_ERRORS[check.reason] });
}
