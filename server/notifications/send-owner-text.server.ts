import { withTenant } from "../db/db.server";
import { smsPort } from "../integrations/sms";
import { recordUsage } from "../usage/usage.server";
import type { OwnerNotice, OwnerText } from "./owner-notifications.server";

/** The row an owner alert is about (its usage record points there). */
export function ownerNoticeSubject(notice: OwnerNotice): string {
  switch (notice.kind) {
    case "owner.newBooking":
    case "owner.cancellation":
      return notice.bookingId;
    case "owner.newMessage":
    case "owner.cancelWord":
    case "owner.voicemail":
      return notice.messageId;
    case "owner.call":
      return notice.callId;
  }
}

/**
 * Sends one owner alert text and meters it like every other text the platform sends: the
 * carrier bills an alert to the owner's phone as it bills a reply to a customer. Counted once
 * per carrier message; the offline adapter's texts are marked simulated.
 */
export async function sendOwnerText(tenantId: string, text: OwnerText, notice: OwnerNotice): Promise<{ providerMessageId: string }> {
  const port = smsPort();
  const sent = await port.send(text.to, text.body, { tenantId });
  await withTenant(tenantId, (db) =>
    recordUsage(db, {
      kind: "SMS_SEGMENT_OUTBOUND",
      quantity: Math.max(1, sent.segments || 1),
      idempotencyKey: `sms-owner:${sent.providerMessageId}`,
      sourceType: "ownerAlert",
      sourceId: ownerNoticeSubject(notice),
      simulated: port.provider === "local",
    }),
  );
  return { providerMessageId: sent.providerMessageId };
}
