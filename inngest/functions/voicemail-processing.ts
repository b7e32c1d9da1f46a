import { summarizeVoicemail, transcribeVoicemail } from "../../server/telephony/voicemail.server";
import { inngest } from "../client";
import { voicemailRecorded } from "../events";
import { sendOwnerNoticeSteps } from "./owner-notice-steps";

/**
 * A voicemail, from recording to the owner's phone: transcribe, summarise (intent,
 * urgency, call back?), write both onto the VOICEMAIL message in the caller's thread, then
 * tell the owners with the summary. Every step is durable and retried with backoff; a
 * finished step is never repeated, so nothing is transcribed, billed or sent twice.
 */
export const VOICEMAIL_PROCESSING_ID = "voicemail-processing";

export const voicemailProcessing = inngest.createFunction(
  { id: VOICEMAIL_PROCESSING_ID, name: "Voicemail: transcribe, summarise, notify", triggers: [voicemailRecorded], retries: 8 },
  async ({ event, step }) => {
    const { tenantId, messageId, language } = event.data;
    await step.run("transcribe", () => transcribeVoicemail(tenantId, messageId, language));
    const summary = await step.run("summarize", () => summarizeVoicemail(tenantId, messageId, language));
    const notified = await sendOwnerNoticeSteps(step, tenantId, { kind: "owner.voicemail", messageId });
    return { intent: summary.intent, urgency: summary.urgency, notified };
  },
);
