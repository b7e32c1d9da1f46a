import type { TInboxMessage, TReplyChannel } from "./conversations.types";
import { deliverOutboundMessage, type TenantRun } from "./deliver-outbound-message.server";
import { markConversationRead } from "./mark-read.server";
import { recordOutboundMessage } from "./record-outbound-message.server";

export interface TReplyInput {
  conversationId: string;
  channel: TReplyChannel;
  body: string;
  subject?: string | null;
  authorUserId: string;
}

/**
 * A member answers a thread: the message is recorded (QUEUED, or BLOCKED with a reason;
 * a NOTE is internal and never sent), the thread counts as read, and SMS/email go out
 * through their adapter after the record is committed. Takes a unit-of-work runner rather
 * than a transaction because the send is a network call.
 */
export async function replyToConversation(db: TenantRun, input: TReplyInput): Promise<TInboxMessage> {
  const recorded = await db(async (tx) => {
    const result = await recordOutboundMessage(tx, {
      target: { conversationId: input.conversationId },
      channel: input.channel,
      body: input.body,
      subject: input.subject,
      authorUserId: input.authorUserId,
    });
    await markConversationRead(tx, input.conversationId);
    return result.message;
  });
  return recorded.status === "QUEUED" ? deliverOutboundMessage(db, recorded.id) : recorded;
}
