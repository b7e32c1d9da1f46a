import { adminRouter } from "../admin/router.server";
import { bookingRouter } from "../booking/router.server";
import { servicesRouter } from "../catalog/router.server";
import { customersRouter } from "../customers/router.server";
import { schedulingRouter } from "../scheduling/router.server";
import { inboxRouter } from "../conversations/router.server";
import { calendarRouter } from "../calendar/router.server";
import { configRouter } from "../config/router.server";
import { packsRouter } from "../packs/router.server";
import { emailRouter } from "../notifications/router.server";
import { domainsRouter, teamRouter, tenantsRouter } from "../tenants/router.server";
import { meRouter } from "../users/router.server";
import { telephonyRouter } from "../telephony/router.server";
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
  customers: customersRouter,
  scheduling: schedulingRouter,
  booking: bookingRouter,
  inbox: inboxRouter,
  calendar: calendarRouter,
  admin: adminRouter,
  email: emailRouter,
  telephony: telephonyRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side calls (Remix loaders and actions, tests) with the same checks as HTTP calls. */
export const createCaller = createCallerFactory(appRouter);
