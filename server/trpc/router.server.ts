import { adminRouter } from "../admin/router.server";
import { servicesRouter } from "../catalog/router.server";
import { configRouter } from "../config/router.server";
import { packsRouter } from "../packs/router.server";
import { emailRouter } from "../notifications/router.server";
import { domainsRouter, teamRouter, tenantsRouter } from "../tenants/router.server";
import { meRouter } from "../users/router.server";
import { createCallerFactory, router } from "./init.server";

/** The whole API. The dashboard's typed client and the SDK are generated from this type. */
export const appRouter = router({
  me: meRouter,
  tenants: tenantsRouter,
  team: teamRouter,
  domains: domainsRouter,
  config: configRouter,
  packs: packsRouter,
  services: servicesRouter,
  admin: adminRouter,
  email: emailRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side calls (Remix loaders and actions, tests) with the same checks as HTTP calls. */
export const createCaller = createCallerFactory(appRouter);
