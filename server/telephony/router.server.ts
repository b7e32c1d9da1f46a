import { z } from "zod";
import { getConfig } from "../config/config-service.server";
import { router, tenantProcedure } from "../trpc/init.server";
import { simulateInboundSms } from "./inbound-sms.server";
import {
  listRecentCalls,
  simulateCallInput,
  simulateCallStart,
  ZCallerPhoneSchema,
  ZRecentCallsSchema,
  ZSimulatorCallInputRequestSchema,
  ZSimulatorCallStartSchema,
} from "./simulator.server";
import { zText } from "../validation/text";

export const ZSimulatorSmsSchema = z
  .object({
    from: ZCallerPhoneSchema,
    body: zText({ min: 1, max: 1600, multiline: true }),
  })
  .strict();

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
    /** A text to the line: stored like a real one; the inbound-SMS function answers it (keywords, then the agent). */
    sendSms: tenantProcedure("MANAGER")
      .input(ZSimulatorSmsSchema)
      .mutation(async ({ ctx, input }) => {
        const tenantId = ctx.tenant.tenantId;
        const phone = await getConfig(tenantId, "PHONE");
        const stored = await simulateInboundSms(tenantId, { from: input.from, body: input.body, to: phone.number });
        if (stored.status !== "stored" && stored.status !== "duplicate") throw new Error(`simulated text not stored: ${stored.status}`);
        return { conversationId: stored.conversationId, messageId: stored.messageId };
      }),
    recentCalls: tenantProcedure("MANAGER")
      .input(ZRecentCallsSchema)
      .query(({ ctx, input }) => listRecentCalls(ctx.tenant.tenantId, input.limit)),
  }),
});
