import type { TenantDb } from "../db/db.server";
import type { TLocale } from "../i18n/localized-text";
import { customerNotFound } from "./customer-errors";
import { toCustomerView } from "./customer-records.server";
import type { TBookingStatus, TCustomerBookingSummary, TCustomerDetails } from "./customers.types";
import { consentHistory } from "./sms-consent.server";

/** Jobs that happened or are happening (for "last visit"). */
export const VISIT_STATUSES = ["CONFIRMED", "IN_PROGRESS", "COMPLETED"] as const satisfies readonly TBookingStatus[];
/** Jobs still to come (for "next visit"). */
export const UPCOMING_STATUSES = ["REQUESTED", "CONFIRMED"] as const satisfies readonly TBookingStatus[];

const asText = (v: unknown): Record<TLocale, string> => {
  const o = (v ?? {}) as Partial<Record<TLocale, string>>;
  return { en: o.en ?? o.es ?? "", es: o.es ?? o.en ?? "" };
};

/** One customer with their bookings summary, the consent ledger and the records merged into them. Merged records are returned as they are (with `mergedIntoId`). */
export async function getCustomer(db: TenantDb, id: string, now = new Date()): Promise<TCustomerDetails> {
  const row = await db.customer.findFirst({ where: { id, tenantId: db.tenantId } });
  if (!row) throw customerNotFound();
  const mergedFrom = await db.customer.findMany({
    where: { tenantId: db.tenantId, mergedIntoId: id },
    select: { id: true, name: true, phone: true },
    orderBy: { updatedAt: "desc" },
  });
  const bookings = await bookingSummary(db, id, now);
  const history = await consentHistory(db, [id, ...mergedFrom.map((m) => m.id)]);
  return { customer: toCustomerView(row), bookings, consentHistory: history, mergedFrom };
}

async function bookingSummary(db: TenantDb, customerId: string, now: Date): Promise<TCustomerBookingSummary> {
  const where = { tenantId: db.tenantId, customerId, status: { not: "HELD" as const } };
  const byStatus = await db.booking.groupBy({ by: ["status"], where, _count: { _all: true }, _sum: { priceCents: true } });
  const count = (statuses: readonly string[]) => byStatus.filter((g) => statuses.includes(g.status)).reduce((n, g) => n + g._count._all, 0);
  const last = await db.booking.aggregate({
    where: { ...where, status: { in: [...VISIT_STATUSES] }, startsAt: { lte: now } },
    _max: { startsAt: true },
  });
  const next = await db.booking.aggregate({
    where: { ...where, status: { in: [...UPCOMING_STATUSES] }, startsAt: { gt: now } },
    _min: { startsAt: true },
    _count: { _all: true },
  });
  const recent = await db.booking.findMany({
    where,
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
    take: 20,
    select: { id: true, startsAt: true, status: true, priceCents: true, service: { select: { name: true } } },
  });
  return {
    total: count(byStatus.map((g) => g.status)),
    upcoming: next._count._all,
    completed: count(["COMPLETED"]),
    missed: count(["CANCELLED", "NO_SHOW"]),
    completedCents: byStatus.find((g) => g.status === "COMPLETED")?._sum.priceCents ?? 0,
    lastAt: last._max.startsAt,
    nextAt: next._min.startsAt,
    recent: recent.map((b) => ({
      id: b.id,
      startsAt: b.startsAt,
      status: b.status,
      priceCents: b.priceCents,
      service: asText(b.service.name),
    })),
  };
}
