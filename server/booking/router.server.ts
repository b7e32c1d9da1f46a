import { withTenant, type TenantDb } from "../db/db.server";
import { NotFound } from "../errors/domain-errors";
import { resolveTenantBySlug } from "../tenants/resolve-tenant.server";
import { publicProcedure, rateLimited, router, tenantProcedure } from "../trpc/init.server";
import { checkServiceArea } from "../catalog/service-area";
import { readBookingConfig } from "./booking-rules.server";
import { BOOKING_ERRORS } from "./booking-errors";
import {
  ZBookingIdSchema,
  ZCheckAreaSchema,
  ZConfirmHoldSchema,
  ZCreateBookingSchema,
  ZHoldSchema,
  ZListBookingsSchema,
  ZManageCancelSchema,
  ZManageRescheduleSchema,
  ZManageSchema,
  ZRescheduleSchema,
} from "./booking.types";
import { cancelBooking, completeBooking, confirmBooking, markNoShow, rescheduleBooking, startBooking } from "./change-booking.server";
import { createBooking } from "./create-booking.server";
import { getBooking, listBookings } from "./get-booking.server";
import { confirmHold, holdSlot } from "./hold-slot.server";
import { getManagedBooking, withManagedBooking } from "./manage-booking.server";
import { manageUrl } from "./manage-link.server";

/**
 * Booking procedures.
 *
 * Public, under `booking.public` (by the business's slug, rate-limited per IP as
 * "publicForm"): hold, confirm, and manage.get/cancel/reschedule through the signed
 * manage link. (Nested because the members' `confirm` approves a REQUESTED booking.)
 *
 * Members (roles from server/tenants/roles.ts, which this module may not extend):
 *  - list, get                                   "schedule.view"    (STAFF and up)
 *  - create, reschedule, start, complete, noShow "schedule.view"    (STAFF and up: the people doing the jobs run the day)
 *  - confirm (approve a request), cancel         "customers.manage" (MANAGER and up: accepting or dropping a customer's job is a business decision)
 */
const publicForm = publicProcedure.use(rateLimited("publicForm"));

async function withPublicTenant<T>(slug: string, fn: (db: TenantDb, tenant: { slug: string }) => Promise<T>): Promise<T> {
  const tenant = await resolveTenantBySlug(slug);
  if (!tenant) throw NotFound();
  return withTenant(tenant.id, (db) => fn(db, tenant));
}

const manageRouter = router({
  get: publicForm
    .input(ZManageSchema)
    .query(({ input }) => withManagedBooking(input.slug, input.token, (db, bookingId, tenant) => getManagedBooking(db, bookingId, tenant))),
  cancel: publicForm.input(ZManageCancelSchema).mutation(({ input }) =>
    withManagedBooking(input.slug, input.token, async (db, bookingId, tenant) => {
      await cancelBooking(db, bookingId, { kind: "CUSTOMER" }, { reason: input.reason });
      return getManagedBooking(db, bookingId, tenant);
    }),
  ),
  reschedule: publicForm.input(ZManageRescheduleSchema).mutation(({ input }) =>
    withManagedBooking(input.slug, input.token, async (db, bookingId, tenant) => {
      await rescheduleBooking(db, { bookingId, startsAt: input.startsAt }, { kind: "CUSTOMER" });
      return getManagedBooking(db, bookingId, tenant);
    }),
  ),
});

const member = (userId: string) => ({ kind: "MEMBER" as const, userId });

/** The customer's side, on the business's public site (no sign-in). */
const publicRouter = router({
  hold: publicForm
    .input(ZHoldSchema)
    .mutation(({ input }) =>
      withPublicTenant(input.slug, (db) =>
        holdSlot(db, { serviceId: input.serviceId, startsAt: input.startsAt, staffId: input.staffId, options: input.options }),
      ),
    ),
  confirm: publicForm.input(ZConfirmHoldSchema).mutation(({ input }) =>
    withPublicTenant(input.slug, async (db, tenant) => {
      const { slug: _slug, ...details } = input;
      const booking = await confirmHold(db, details);
      return { ...booking, manageUrl: manageUrl(tenant.slug, booking.manageToken) };
    }),
  ),
  manage: manageRouter,
  /**
   * Whether the business asks for the service address (it has a service area) and, given a
   * ZIP, whether it comes there: the form says so before the customer fills in the rest.
   * Reads only, so no form rate limit; the confirm step checks again.
   */
  area: publicProcedure.input(ZCheckAreaSchema).query(({ input }) =>
    withPublicTenant(input.slug, async (db) => {
      const { serviceArea } = await readBookingConfig(db);
      const addressRequired = serviceArea.mode !== "NONE";
      if (input.postalCode === undefined) return { addressRequired, ok: null, messageKey: null };
      const check = checkServiceArea(serviceArea, input.postalCode);
      const keys = {
        zipRequired: BOOKING_ERRORS.zipRequired,
        unknownZip: BOOKING_ERRORS.unknownZip,
        outside: BOOKING_ERRORS.outsideServiceArea,
      } as const;
      return { addressRequired, ok: check.ok, messageKey: check.ok ? null : keys[check.reason] };
    }),
  ),
});

export const bookingRouter = router({
  public: publicRouter,
  list: tenantProcedure("schedule.view")
    .input(ZListBookingsSchema)
    .query(({ ctx, input }) => ctx.tenant.db((db) => listBookings(db, input))),
  get: tenantProcedure("schedule.view")
    .input(ZBookingIdSchema.pick({ id: true }))
    .query(({ ctx, input }) => ctx.tenant.db((db) => getBooking(db, input.id))),
  create: tenantProcedure("schedule.view")
    .input(ZCreateBookingSchema)
    .mutation(({ ctx, input }) => ctx.tenant.db((db) => createBooking(db, { ...input, source: "DASHBOARD" }, member(ctx.user.id)))),
  reschedule: tenantProcedure("schedule.view")
    .input(ZRescheduleSchema)
    .mutation(({ ctx, input }) =>
      ctx.tenant.db((db) =>
        rescheduleBooking(db, { bookingId: input.id, startsAt: input.startsAt, staffId: input.staffId }, member(ctx.user.id), {
          expectedVersion: input.version,
          reason: input.reason,
        }),
      ),
    ),
  cancel: tenantProcedure("customers.manage")
    .input(ZBookingIdSchema)
    .mutation(({ ctx, input }) =>
      ctx.tenant.db((db) => cancelBooking(db, input.id, member(ctx.user.id), { expectedVersion: input.version, reason: input.reason })),
    ),
  confirm: tenantProcedure("customers.manage")
    .input(ZBookingIdSchema)
    .mutation(({ ctx, input }) =>
      ctx.tenant.db((db) => confirmBooking(db, input.id, member(ctx.user.id), { expectedVersion: input.version, reason: input.reason })),
    ),
  start: tenantProcedure("schedule.view")
    .input(ZBookingIdSchema)
    .mutation(({ ctx, input }) =>
      ctx.tenant.db((db) => startBooking(db, input.id, member(ctx.user.id), { expectedVersion: input.version, reason: input.reason })),
    ),
  complete: tenantProcedure("schedule.view")
    .input(ZBookingIdSchema)
    .mutation(({ ctx, input }) =>
      ctx.tenant.db((db) => completeBooking(db, input.id, member(ctx.user.id), { expectedVersion: input.version, reason: input.reason })),
    ),
  noShow: tenantProcedure("schedule.view")
    .input(ZBookingIdSchema)
    .mutation(({ ctx, input }) =>
      ctx.tenant.db((db) => markNoShow(db, input.id, member(ctx.user.id), { expectedVersion: input.version, reason: input.reason })),
    ),
});
