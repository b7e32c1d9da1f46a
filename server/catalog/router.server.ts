import { z } from "zod";
import { router, tenantProcedure } from "../trpc/init.server";
import { createService, listServices, listStaffChoices, updateService, ZServiceUpsertSchema } from "./services.server";
import { zId } from "../validation/text";

export const servicesRouter = router({
  list: tenantProcedure("STAFF")
    .input(z.object({ includeInactive: z.boolean().optional() }).optional())
    .query(({ ctx, input }) => ctx.tenant.db((db) => listServices(db, { includeInactive: input?.includeInactive }))),
  staffChoices: tenantProcedure("STAFF").query(({ ctx }) => ctx.tenant.db((db) => listStaffChoices(db))),
  create: tenantProcedure("services.manage")
    .input(ZServiceUpsertSchema)
    .mutation(({ ctx, input }) => ctx.tenant.db((db) => createService(db, input, ctx.user.id))),
  update: tenantProcedure("services.manage")
    .input(z.object({ id: zId(), service: ZServiceUpsertSchema }))
    .mutation(({ ctx, input }) => ctx.tenant.db((db) => updateService(db, input.id, input.service, ctx.user.id))),
});
