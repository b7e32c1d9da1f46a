import type { TenantDb } from "../db/db.server";
import type { TServiceAddress } from "./booking.types";
import type { Booking } from "../db/generated/prisma/client";
import type { BookingSource, BookingStatus } from "../db/generated/prisma/enums";
import { Invalid, NotFound } from "../errors/domain-errors";
import type { TLocalizedText } from "../i18n/localized-text";
import type { PricedChoice } from "../catalog/options";
import { allowedEvents, type BookingEventType } from "./booking-machine";
import { BOOKING_ERRORS } from "./booking-errors";

/** A booking as the dashboard and the API show it: times as ISO strings (UTC), money in cents. */
export interface BookingView {
  id: string;
  status: BookingStatus;
  source: BookingSource;
  version: number;
  startsAt: string;
  endsAt: string;
  blockedFrom: string;
  blockedUntil: string;
  durationMinutes: number;
  priceCents: number;
  depositCents: number;
  options: PricedChoice[];
  notes: string | null;
  /** Where the job happens, when the customer or member gave it. */
  serviceAddress: TServiceAddress | null;
  holdExpiresAt: string | null;
  cancelReason: string | null;
  createdAt: string;
  service: { id: string; name: TLocalizedText };
  staff: { id: string; name: string };
  customer: { id: string; name: string; phone: string | null; email: string | null } | null;
  /** What the machine allows next (the dashboard's buttons). */
  allowedEvents: BookingEventType[];
}

export const BOOKING_VIEW_INCLUDE = {
  service: { select: { id: true, name: true } },
  staff: { select: { id: true, name: true } },
  customer: { select: { id: true, name: true, phone: true, email: true } },
} as const;

type BookingWithRelations = Booking & {
  service: { id: string; name: unknown };
  staff: { id: string; name: string };
  customer: { id: string; name: string; phone: string | null; email: string | null } | null;
};

export function toBookingView(b: BookingWithRelations): BookingView {
  const name = (b.service.name ?? {}) as Partial<TLocalizedText>;
  return {
    id: b.id,
    status: b.status,
    source: b.source,
    version: b.version,
    startsAt: b.startsAt.toISOString(),
    endsAt: b.endsAt.toISOString(),
    blockedFrom: b.blockedFrom.toISOString(),
    blockedUntil: b.blockedUntil.toISOString(),
    durationMinutes: b.durationMinutes,
    priceCents: b.priceCents,
    depositCents: b.depositCents,
    options: (Array.isArray(b.options) ? b.options : []) as unknown as PricedChoice[],
    notes: b.notes,
    serviceAddress: (b.serviceAddress as TServiceAddress | null) ?? null,
    holdExpiresAt: b.holdExpiresAt?.toISOString() ?? null,
    cancelReason: b.cancelReason,
    createdAt: b.createdAt.toISOString(),
    service: { id: b.service.id, name: { en: name.en ?? name.es ?? "", es: name.es ?? name.en ?? "" } },
    staff: b.staff,
    customer: b.customer,
    allowedEvents: allowedEvents(b.status),
  };
}

/** One booking of the tenant, or NotFound (another tenant's id is simply not there: RLS). */
export async function getBooking(db: TenantDb, bookingId: string): Promise<BookingView> {
  const b = await db.booking.findUnique({ where: { id: bookingId }, include: BOOKING_VIEW_INCLUDE });
  if (!b) throw NotFound(BOOKING_ERRORS.notFound);
  return toBookingView(b);
}

export const MAX_LIST_RANGE_DAYS = 62;

export interface ListBookingsInput {
  /** Bookings that overlap [from, to). */
  from: Date;
  to: Date;
  staffId?: string;
  /** Live holds are hidden unless asked for (expired ones never show). */
  includeHolds?: boolean;
  statuses?: BookingStatus[];
}

/** The dashboard's calendar: bookings overlapping a range (at most 62 days), by start time. */
export async function listBookings(db: TenantDb, input: ListBookingsInput, options: { now?: Date } = {}): Promise<BookingView[]> {
  const span = input.to.getTime() - input.from.getTime();
  if (!(span > 0) || span > MAX_LIST_RANGE_DAYS * 86_400_000)
    throw Invalid(BOOKING_ERRORS.rangeTooLong, { to: BOOKING_ERRORS.rangeTooLong }, { days: MAX_LIST_RANGE_DAYS });
  const now = options.now ?? new Date();
  const statuses = input.statuses?.length ? input.statuses : undefined;
  const rows = await db.booking.findMany({
    where: {
      startsAt: { lt: input.to },
      endsAt: { gt: input.from },
      ...(input.staffId ? { staffId: input.staffId } : {}),
      AND: [
        statuses ? { status: { in: statuses } } : {},
        input.includeHolds ? { OR: [{ status: { not: "HELD" } }, { holdExpiresAt: { gt: now } }] } : { status: { not: "HELD" } },
      ],
    },
    include: BOOKING_VIEW_INCLUDE,
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 2_000,
  });
  return rows.map(toBookingView);
}
