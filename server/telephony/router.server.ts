import { router, tenantProcedure } from "../trpc/init.server";
import { listRecentCalls, simulateCallInput, simulateCallStart, ZRecentCallsSchema, ZSimulatorCallInputRequestSchema, ZSimulatorCallStartSchema } from "./simulator.server";

/**
 * The telephony API. The simulator places test calls through the real call flow; managers
 * and owners may use it (it writes to the inbox and the call log like a real call).
 */
export const telephonyRouter = router({
  simulator: router({
    startCall: tenantProcedure("MANAGER")
      .input(ZSimulatorCallStartSchema)
      .mutation(({ ctx, input }) => simulateCallStart(ctx.tenant.tenantId, input)),
    callInput: tenantProcedure("MANAGER")
      .input(ZSimulatorCallInputRequestSchema)
      .mutation(({ ctx, input }) => simulateCallInput(ctx.tenant.tenantId, input.callId, input.input)),
    recentCalls: tenantProcedure("MANAGER")
      .input(ZRecentCallsSchema)
      .query(({ ctx, input }) => listRecentCalls(ctx.tenant.tenantId, input.limit)),
  }),
});
