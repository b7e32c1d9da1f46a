import { answerInboundSms } from "../../server/ai/agent";
import { handleComplianceKeyword } from "../../server/telephony/compliance/handle-keyword.server";
import { inngest } from "../client";
import { messageStored } from "../events";

/**
 * What happens after a customer's text is stored (it already is: nothing here can lose it).
 * 1. Compliance first: STOP / START / HELP (and plain-language opt-outs) are answered by
 *    the rules, never by the AI agent, and end the processing.
 * 2. Otherwise the AI agent answers (when it is on for the business and the thread).
 * Each step is memoized; a failing AI provider makes the agent step retry with backoff, and
 * the reply's idempotency key means a retry after success never texts twice.
 */
export const INBOUND_SMS_ID = "inbound-sms";

export const inboundSms = inngest.createFunction(
  { id: INBOUND_SMS_ID, name: "Inbound SMS: compliance, then the AI agent", triggers: [messageStored], retries: 6 },
  async ({ event, step }) => {
    if (event.data.channel !== "SMS" || event.data.direction !== "INBOUND") return { skipped: "notInboundSms" };
    const { tenantId, messageId } = event.data;
    const compliance = await step.run("compliance", () => handleComplianceKeyword(tenantId, messageId));
    if (compliance.handled) return { compliance: compliance.kind };
    const agent = await step.run("agent-reply", () => answerInboundSms(tenantId, messageId));
    return { agent: agent.status, reason: agent.reason ?? null, handoff: agent.handoff };
  },
);
