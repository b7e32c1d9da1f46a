import { inngest } from "../client";
import { bookingCancelled, bookingCreated, messageStored } from "../events";
import { composeOwnerNotices, type OwnerNotice } from "../../server/notifications/owner-notifications.server";
import { sendTenantEmail } from "../../server/notifications/send-email.server";
import { smsPort } from "../../server/integrations/sms";

/**
 * Tells the owners about new bookings, cancellations and new inbound messages, as the
 * EMAIL node says: emails and/or a text to the owners' alert number. Voicemails and calls
 * are announced by their own functions (with the summary, per the PHONE node). One memoized step
 * per message, so a retry never sends one twice.
 */
export const ownerNotifications = inngest.createFunction(
  { id: "owner-notifications", name: "Owner notifications", triggers: [bookingCreated, bookingCancelled, messageStored], retries: 5 },
  async ({ event, step }) => {
    let notice: OwnerNotice | null = null;
    if (event.name === "booking/created") notice = { kind: "owner.newBooking", bookingId: event.data.bookingId };
    else if (event.name === "booking/cancelled") notice = event.data.by === "MEMBER" ? null : { kind: "owner.cancellation", bookingId: event.data.bookingId };
    else if (event.name === "message/stored") notice = event.data.direction === "INBOUND" && !["NOTE", "VOICEMAIL", "CALL"].includes(event.data.channel) ? { kind: "owner.newMessage", messageId: event.data.messageId } : null;
    if (!notice) return { sent: 0 };
    const tenantId = event.data.tenantId;
    const { emails, texts } = await step.run("compose", () => composeOwnerNotices(tenantId, notice));
    for (const [i, email] of emails.entries()) {
      await step.run(`email-${i}`, () => sendTenantEmail(tenantId, email));
    }
    for (const [i, text] of texts.entries()) {
      await step.run(`sms-${i}`, async () => {
        const sent = await smsPort().send(text.to, text.body, { tenantId });
        return { providerMessageId: sent.providerMessageId };
      });
    }
    return { sent: emails.length + texts.length };
  },
);
