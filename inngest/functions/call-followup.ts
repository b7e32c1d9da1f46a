import { callFollowUpPlan, textCallerAfterCall } from "../../server/telephony/call-followup.server";
import { inngest } from "../client";
import { callEnded } from "../events";
import { sendOwnerNoticeSteps } from "./owner-notice-steps";

/**
 * After every call, per the PHONE node: the missed-call text-back (within a minute: this
 * runs as soon as the call ends) and the owner's notice, or the "always text and notify"
 * follow-up. The caller's text is recorded in their thread (blocked with a reason when the
 * send rules forbid it); the owner's notice says what the caller was texted.
 */
export const CALL_FOLLOWUP_ID = "call-followup";

export const callFollowUp = inngest.createFunction(
  { id: CALL_FOLLOWUP_ID, name: "After a call: text the caller, tell the owner", triggers: [callEnded], retries: 6 },
  async ({ event, step }) => {
    const tenantId = event.data.tenantId;
    const plan = await step.run("plan", () => callFollowUpPlan(event.data));
    const texted = plan.text ? await step.run("text-caller", () => textCallerAfterCall(event.data, plan.text!)) : null;
    if (!plan.notifyOwner) return { texted: texted?.status ?? null, notified: 0 };
    const notified = await sendOwnerNoticeSteps(step, tenantId, {
      kind: "owner.call",
      callId: event.data.callId,
      textedBack: texted?.body ?? null,
    });
    return { texted: texted?.status ?? null, notified };
  },
);
