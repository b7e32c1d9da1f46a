import { composeOwnerNotices, type OwnerNotice } from "../../server/notifications/owner-notifications.server";
import { sendTenantEmail } from "../../server/notifications/send-email.server";
import { sendOwnerText } from "../../server/notifications/send-owner-text.server";

/** The part of an Inngest step tool these helpers use. */
interface StepRunner {
  run<T>(id: string, fn: () => Promise<T>): Promise<unknown>;
}

/**
 * Tells the owners about one notice as durable steps: compose, then one memoized step per
 * email and per text, so a retry never sends one twice. Texts are metered (usage). Shared by the owner-notification,
 * voicemail and call follow-up functions. Returns how many went out.
 */
export async function sendOwnerNoticeSteps(
  step: StepRunner,
  tenantId: string,
  notice: OwnerNotice,
  composeStepId = "compose-owner-notice",
): Promise<number> {
  const { emails, texts } = (await step.run(composeStepId, () => composeOwnerNotices(tenantId, notice))) as Awaited<
    ReturnType<typeof composeOwnerNotices>
  >;
  for (const [i, email] of emails.entries()) await step.run(`email-${i}`, () => sendTenantEmail(tenantId, email));
  for (const [i, text] of texts.entries()) {
    await step.run(`sms-${i}`, () => sendOwnerText(tenantId, text, notice));
  }
  return emails.length + texts.length;
}
