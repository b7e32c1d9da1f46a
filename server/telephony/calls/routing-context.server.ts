import { ACTIVE_STATUSES } from "../../booking/booking-machine";
import type { TConfigNode } from "../../config/schemas";
import { readConfig } from "../../config/config-service.server";
import { withTenant } from "../../db/db.server";
import { isSupportedLocale, type TLocale } from "../../i18n/localized-text";
import { isOpenAt, localDayBounds, type TRoutingInput } from "./routing";

/** Everything an inbound call's routing and flow need, read in one unit of work. */
export interface TRoutingContext {
  tenantName: string;
  timeZone: string;
  phone: TConfigNode<"PHONE">;
  ai: TConfigNode<"AI">;
  isOpen: boolean;
  caller: { known: boolean; vip: boolean; bookingToday: boolean; customerId: string | null };
  /** The caller's language before any menu choice: a known customer's, else the business's. */
  language: TLocale;
}

/** Gathers the routing inputs for a call from `from` (E.164) at `now`: config, hours, the caller's history. */
export async function loadRoutingContext(tenantId: string, from: string, now: Date = new Date()): Promise<TRoutingContext> {
  return withTenant(tenantId, async (db) => {
    const [tenant, phone, ai, hours, customer, exceptions] = await Promise.all([
      db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { name: true, timeZone: true, defaultLocale: true } }),
      readConfig(db, "PHONE"),
      readConfig(db, "AI"),
      readConfig(db, "HOURS"),
      db.customer.findFirst({
        where: { tenantId, phone: from, mergedIntoId: null },
        select: { id: true, tags: true, locale: true },
        orderBy: { createdAt: "asc" },
      }),
      // Business-wide closures and extra openings in force right now.
      db.scheduleException.findMany({
        where: { tenantId, staffId: null, startsAt: { lte: now }, endsAt: { gt: now } },
        select: { kind: true, startsAt: true, endsAt: true },
      }),
    ]);
    let bookingToday = false;
    if (customer) {
      const { start, end } = localDayBounds(now, tenant.timeZone);
      const count = await db.booking.count({
        where: { tenantId, customerId: customer.id, status: { in: [...ACTIVE_STATUSES] }, startsAt: { gte: start, lt: end } },
      });
      bookingToday = count > 0;
    }
    const fallback: TLocale = isSupportedLocale(tenant.defaultLocale) ? tenant.defaultLocale : "en";
    return {
      tenantName: tenant.name,
      timeZone: tenant.timeZone,
      phone,
      ai,
      isOpen: isOpenAt(hours.weekly, exceptions, now, tenant.timeZone),
      caller: {
        known: customer !== null,
        vip: customer?.tags.some((tag) => tag.trim().toLowerCase() === "vip") ?? false,
        bookingToday,
        customerId: customer?.id ?? null,
      },
      language: customer && isSupportedLocale(customer.locale) ? customer.locale : fallback,
    };
  });
}

/** The pure routing decision's input from a loaded context. */
export function routingInputOf(ctx: TRoutingContext): TRoutingInput {
  return {
    mode: ctx.phone.mode,
    isOpen: ctx.isOpen,
    ringTargetCount: ctx.phone.ringTargets.length,
    caller: { known: ctx.caller.known, vip: ctx.caller.vip, bookingToday: ctx.caller.bookingToday },
    aiEnabled: ctx.ai.enabled,
  };
}
