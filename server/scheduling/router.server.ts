import { z } from "zod";
import { ZOptionSelectionSchema } from "../catalog/options";
import { withTenant } from "../db/db.server";
import { NotFound } from "../errors/domain-errors";
import { resolveTenantBySlug } from "../tenants/resolve-tenant.server";
import { publicProcedure, router, tenantProcedure } from "../trpc/init.server";
import { getSlotCalendar } from "./availability.server";
import { zId, zPattern, zSlug } from "../validation/text";

const ZLocalDate = zPattern(/^\d{4}-\d{2}-\d{2}$/);
const ZId = zId();

const ZSlotRangeSchema = z.object({
  serviceId: ZId,
  selection: ZOptionSelectionSchema.optional(),
  /** Local dates in the tenant's zone, inclusive; at most 31 days (checked with the zone). */
  fromDate: ZLocalDate,
  toDate: ZLocalDate,
});

export const ZPublicSlotsInputSchema = ZSlotRangeSchema.extend({ tenantSlug: zSlug() }).strict();
export const ZStaffSlotsInputSchema = ZSlotRangeSchema.extend({ staffId: ZId.optional() }).strict();

/**
 * Slot browsing. `slots` is public (the booking widget, by tenant slug): reads only, so no
 * form rate limit; it never says who is free. `staffSlots` is the dashboard's view: no
 * notice or horizon, any service, and which members are free.
 */
export const schedulingRouter = router({
  slots: publicProcedure.input(ZPublicSlotsInputSchema).query(async ({ input }) => {
    const tenant = await resolveTenantBySlug(input.tenantSlug);
    if (!tenant) throw NotFound("errors:notFound");
    const { tenantSlug: _slug, ...query } = input;
    const calendar = await withTenant(tenant.id, (db) => getSlotCalendar(db, { ...query, timeZone: tenant.timeZone, rules: "customer" }));
    return {
      timeZone: calendar.timeZone,
      durationMinutes: calendar.durationMinutes,
      lastDate: calendar.lastDate,
      days: calendar.days.map((d) => ({ date: d.date, slots: d.slots.map(({ time, startsAt, endsAt }) => ({ time, startsAt, endsAt })) })),
    };
  }),
  staffSlots: tenantProcedure("STAFF")
    .input(ZStaffSlotsInputSchema)
    .query(({ ctx, input }) => ctx.tenant.db((db) => getSlotCalendar(db, { ...input, rules: "member" }))),
});
