import { withTenant, type TenantDb } from "../db/db.server";
import { NotFound } from "../errors/domain-errors";
import type { TLocalizedText } from "../i18n/localized-text";
import { resolveTenantBySlug, type PublicTenant } from "../tenants/resolve-tenant.server";
import { publicCache } from "../site/public-cache.server";
import { BOOKING_ERRORS } from "./booking-errors";
import { canTransition } from "./booking-machine";
import { customerCanChange, readBookingConfig, type TBookingConfig } from "./booking-rules.server";
import { quote, type TOptionSelection } from "../catalog/options";
import { listServices, type ServiceView } from "../catalog/services.server";
import type { BookingStatus } from "../db/generated/prisma/enums";
import { verifyManageToken } from "./manage-link.server";

/**
 * The customer's side of a booking, reached only through a signed manage link on the
 * business's public site. The token must be genuine, unexpired, and for THIS business:
 * a valid token presented on another business's site is NotFound, exactly like an id
 * that does not exist (RLS would hide the row anyway).
 */
export interface ManagedBookingView {
  id: string;
  status: BookingStatus;
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  priceCents: number;
  depositCents: number;
  service: { id: string; name: TLocalizedText };
  staffName: string;
  customerName: string | null;
  business: { name: string; timeZone: string };
  /** Online changes are open until this instant (BOOKING.changeCutoffHours before the start). */
  changeDeadline: string;
  canCancel: boolean;
  canReschedule: boolean;
}

/** Runs `fn` on the booking a manage link names, inside the business's tenant. */
export async function withManagedBooking<T>(
  slug: string,
  token: string,
  fn: (db: TenantDb, bookingId: string, tenant: PublicTenant) => Promise<T>,
  options: { now?: Date } = {},
): Promise<T> {
  const claims = verifyManageToken(token, options);
  const tenant = await resolveTenantBySlug(slug);
  if (!tenant || tenant.id !== claims.tenantId) throw NotFound(BOOKING_ERRORS.notFound);
  return withTenant(tenant.id, (db) => fn(db, claims.bookingId, tenant));
}

/** What the manage page shows: the booking and which changes are still possible online. */
export async function getManagedBooking(
  db: TenantDb,
  bookingId: string,
  tenant: Pick<PublicTenant, "name" | "timeZone">,
  options: { now?: Date } = {},
): Promise<ManagedBookingView> {
  const now = options.now ?? new Date();
  const b = await db.booking.findUnique({
    where: { id: bookingId },
    include: { service: { select: { id: true, name: true } }, staff: { select: { name: true } }, customer: { select: { name: true } } },
  });
  // A hold is not a booking yet: there is nothing to manage.
  if (!b || b.status === "HELD") throw NotFound(BOOKING_ERRORS.notFound);
  const config = await readBookingConfig(db);
  const open = customerCanChange(b.startsAt, config, now);
  const name = (b.service.name ?? {}) as Partial<TLocalizedText>;
  return {
    id: b.id,
    status: b.status,
    startsAt: b.startsAt.toISOString(),
    endsAt: b.endsAt.toISOString(),
    durationMinutes: b.durationMinutes,
    priceCents: b.priceCents,
    depositCents: b.depositCents,
    service: { id: b.service.id, name: { en: name.en ?? name.es ?? "", es: name.es ?? name.en ?? "" } },
    staffName: b.staff.name,
    customerName: b.customer?.name ?? null,
    business: { name: tenant.name, timeZone: tenant.timeZone },
    changeDeadline: new Date(b.startsAt.getTime() - config.changeCutoffHours * 3_600_000).toISOString(),
    canCancel: open && canTransition(b.status, { type: "CANCEL" }),
    canReschedule: open && canTransition(b.status, { type: "RESCHEDULE" }),
  };
}

/**
 * The options a booking was made with, as a selection for the slot search (so a new time
 * fits the job's real length); null when the service's options changed since.
 */
export async function managedBookingSelection(db: TenantDb, bookingId: string): Promise<TOptionSelection | null> {
  const row = await db.booking.findUniqueOrThrow({ where: { id: bookingId }, select: { options: true, service: true } });
  const selection: TOptionSelection = {};
  for (const c of Array.isArray(row.options) ? (row.options as Array<{ groupKey?: unknown; choiceKey?: unknown }>) : []) {
    if (typeof c.groupKey !== "string" || typeof c.choiceKey !== "string") continue;
    (selection[c.groupKey] ??= []).push(c.choiceKey);
  }
  try {
    quote(row.service, selection);
    return selection;
  } catch {
    return null;
  }
}

/** What the public booking page offers: the active services (options and deposit included) and the BOOKING rules it shows. */
/** Cached per slug in process, evicted at once when the tenant's services or config change (server/site/public-cache.server.ts). */
export async function publicBookingCatalog(slug: string): Promise<{ services: ServiceView[]; booking: TBookingConfig } | null> {
  const entry = await publicCache().get(
    `catalog:${slug}`,
    async () => {
      const tenant = await resolveTenantBySlug(slug);
      if (!tenant) return null;
      const catalog = await withTenant(tenant.id, async (db) => ({
        services: await listServices(db),
        booking: await readBookingConfig(db),
      }));
      return { tenantId: tenant.id, catalog };
    },
    (e) => e?.tenantId ?? null,
  );
  return entry?.catalog ?? null;
}
