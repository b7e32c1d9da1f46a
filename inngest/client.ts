import { Inngest } from "inngest";
import { logger } from "../server/observability/logger.server";

/**
 * The one Inngest client. With INNGEST_EVENT_KEY/INNGEST_SIGNING_KEY set the outbox
 * relay sends events to Inngest and Inngest calls /api/inngest; without them the same
 * functions run in-process through the local runner (server/jobs/).
 */
export const inngest = new Inngest({
  id: "servicepro",
  eventKey: process.env.INNGEST_EVENT_KEY || undefined,
  signingKey: process.env.INNGEST_SIGNING_KEY || undefined,
  baseUrl: process.env.INNGEST_BASE_URL || undefined,
  // SDK and function logs go to the structured log (with request and tenant ids), not the console.
  logger: logger.child({ component: "inngest" }),
});
