import { z } from "zod";
import { Forbidden } from "../errors/domain-errors";
import { can, CONFIG_WRITE_CAPABILITY } from "../tenants/roles";
import { router, tenantProcedure } from "../trpc/init.server";
import { getAllConfig, getConfig, readConfig, readRecommendedConfig, resetConfig, writeConfig } from "./config-service.server";
import { CONFIG_NODE_KEYS, CONFIG_NODE_SCHEMAS, updateInputSchema, type TConfigNodeKey } from "./schemas";

const ZNodeKeySchema = z.enum(CONFIG_NODE_KEYS as [TConfigNodeKey, ...TConfigNodeKey[]]);

/**
 * Typed read/write of config nodes: each node has its own `get` and `update`; `update`
 * takes a partial of the node, validated against the node's schema after merging.
 */
function nodeRouter<K extends TConfigNodeKey>(node: K) {
  return router({
    get: tenantProcedure("STAFF").query(({ ctx }) => getConfig(ctx.tenant.tenantId, node)),
    /** What the node is without the tenant's changes (Simple mode keeps hidden settings at this unless changed). */
    recommended: tenantProcedure("STAFF").query(({ ctx }) => ctx.tenant.db((db) => readRecommendedConfig(db, node))),
    update: tenantProcedure(CONFIG_WRITE_CAPABILITY[node])
      .input(updateInputSchema(CONFIG_NODE_SCHEMAS[node]))
      .mutation(({ ctx, input }) => ctx.tenant.db((db) => writeConfig(db, node, input as never, ctx.user.id))),
  });
}

export const configRouter = router({
  PHONE: nodeRouter("PHONE"),
  EMAIL: nodeRouter("EMAIL"),
  AI: nodeRouter("AI"),
  BILLING: nodeRouter("BILLING"),
  SITE: nodeRouter("SITE"),
  HOURS: nodeRouter("HOURS"),
  LOYALTY: nodeRouter("LOYALTY"),
  BOOKING: nodeRouter("BOOKING"),
  all: tenantProcedure("STAFF").query(({ ctx }) => getAllConfig(ctx.tenant.tenantId)),
  reset: tenantProcedure("MANAGER")
    .input(z.object({ node: ZNodeKeySchema }))
    .mutation(async ({ ctx, input }) => {
      if (!can(ctx.tenant.role, CONFIG_WRITE_CAPABILITY[input.node])) throw Forbidden();
      await ctx.tenant.db((db) => resetConfig(db, input.node, ctx.user.id));
      return ctx.tenant.db((db) => readConfig(db, input.node));
    }),
});
