import { authedProcedure, publicProcedure, router } from "../trpc/init.server";
import { listUserTenants } from "../tenants/memberships.server";
import { setLastTenant, updateUserPreferences, ZUserPreferencesSchema } from "./users.server";
import { z } from "zod";
import { Forbidden } from "../errors/domain-errors";
import { zId } from "../validation/text";

export const meRouter = router({
  /** The signed-in user (or null) and their businesses. */
  get: publicProcedure.query(async ({ ctx }) => {
    if (!ctx.user) return { user: null, tenants: [] };
    return { user: ctx.user, tenants: await listUserTenants(ctx.user.id) };
  }),
  updatePreferences: authedProcedure.input(ZUserPreferencesSchema).mutation(({ ctx, input }) => updateUserPreferences(ctx.user.id, input)),
  switchTenant: authedProcedure.input(z.object({ tenantId: zId() })).mutation(async ({ ctx, input }) => {
    const tenants = await listUserTenants(ctx.user.id);
    if (!tenants.some((t) => t.tenantId === input.tenantId)) throw Forbidden("errors:tenant.notMember");
    await setLastTenant(ctx.user.id, input.tenantId);
    return { tenantId: input.tenantId };
  }),
});
