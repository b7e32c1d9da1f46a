import { inngest } from "../client";
import { bookingCancelled, bookingCreated, complianceCancelWord, messageStored } from "../events";
import type { OwnerNotice } from "../../server/notifications/owner-notifications.server";
import { sendOwnerNoticeSteps } from "./owner-notice-steps";

/**
 * Tells the owners about new bookings, cancellations and new inbound messages, as the
 * EMAIL node says: emails and/or a text to the owners' alert number. Voicemails and calls
 * are announced by their own functions (with the summary, per the PHONE node). One memoized step
 * per message, so a retry never sends one twice.
 */
export const ownerNotifications = inngest.createFunction(
  {
    id: "owner-notifications",
    name: "Owner notifications",
    triggers: [bookingCreated, bookingCancelled, messageStored, complianceCancelWord],
    retries: 5,
  },
  async ({ event, step }) => {
    let notice: OwnerNotice | null = null;
    if (event.name === "booking/created") notice = { kind: "owner.newBooking", bookingId: event.data.bookingId };
    else if (event.name === "booking/cancelled")
      notice = event.data.by === "MEMBER" ? null : { kind: "owner.cancellation", bookingId: event.data.bookingId };
    else if (event.name === "compliance/cancel-word")
      notice = { kind: "owner.cancelWord", bookingId: event.data.bookingId, messageId: event.data.messageId };
    else if (event.name === "message/stored")
      notice =
        event.data.direction === "INBOUND" && !["NOTE", "VOICEMAIL", "CALL"].includes(event.data.channel)
          ? { kind: "owner.newMessage", messageId: event.data.messageId }
          : null;
    if (!notice) return { sent: 0 };
    return { sent: await sendOwnerNoticeSteps(step, event.data.tenantId, notice, "compose") };
  },
);
