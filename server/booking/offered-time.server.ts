import type { TOptionSelection } from "../catalog/options";
import type { TenantDb } from "../db/db.server";
import { Conflict } from "../errors/domain-errors";
import { loadAvailabilityInput } from "../scheduling/availability.server";
import { isSlotAvailable } from "../scheduling/slot-engine";
import { BOOKING_ERRORS } from "./booking-errors";

/**
 * Customers (public page, manage link, AI agent) may only take a time the slot list could
 * have offered: inside business and staff hours, not on a holiday or time off, not against
 * a Google busy block, on the slot grid. The exclusion constraint still decides races;
 * this decides what is bookable at all. Members (dashboard) may book outside the rules.
 *
 * Returns the candidates (in their order) to whom the time is offered. None: the time is
 * taken (it would be offered with nobody busy) -> slotTaken, otherwise notOffered.
 */
export async function offeredCandidates(
  db: TenantDb,
  query: {
    serviceId: string;
    selection?: TOptionSelection;
    durationMinutes?: number;
    startsAt: Date;
    excludeBookingId?: string;
    now: Date;
  },
  candidates: string[],
): Promise<string[]> {
  const at = query.startsAt.getTime();
  const { input } = await loadAvailabilityInput(db, {
    serviceId: query.serviceId,
    selection: query.selection,
    durationMinutes: query.durationMinutes,
    from: query.startsAt,
    to: new Date(at + 1),
    now: query.now,
    rules: "customer",
    excludeBookingId: query.excludeBookingId,
  });
  const offered = candidates.filter((id) => isSlotAvailable(input, query.startsAt, id));
  if (offered.length) return offered;
  const freeOfBusy = { ...input, busy: [] };
  const wouldBeOffered = candidates.some((id) => isSlotAvailable(freeOfBusy, query.startsAt, id));
  throw Conflict(wouldBeOffered ? BOOKING_ERRORS.slotTaken : BOOKING_ERRORS.notOffered);
}
