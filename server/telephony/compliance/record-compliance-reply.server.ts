import { randomUUID } from "node:crypto";
import { bumpConversation } from "../../conversations/conversation-writes.server";
import { announceInboxEvent } from "../../conversations/inbox-events.server";
import { MESSAGE_SELECT, toInboxMessage } from "../../conversations/message-select";
import { messagePreview } from "../../conversations/preview";
import { OWN_PROVIDER } from "../../conversations/record-outbound-message.server";
import { smsBlockReason } from "../../conversations/sms-policy.server";
import type { TInboxMessage } from "../../conversations/conversations.types";
import type { TenantDb } from "../../db/db.server";
import type { Prisma } from "../../db/generated/prisma/client";
import { emitEvent } from "../../events/outbox.server";

export interface TComplianceReplyInput {
  conversationId: string;
  customer: { id: string; phone: string | null; smsConsent: boolean };
  body: string;
  idempotencyKey: string;
  metadata: Record<string, unknown>;
}

/**
 * Records the one automated answer to STOP / START / HELP as an OUTBOUND SMS, like
 * recordOutboundMessage does, but under the policy's "compliance" purpose: it is QUEUED even
 * for a number that has just opted out and at any hour (only a missing number blocks it).
 * Idempotent on the key, also under concurrency (`created` is false for the loser).
 * Sending is deliverOutboundMessage, after the transaction.
 */
export async function recordComplianceReply(db: TenantDb, input: TComplianceReplyInput): Promise<{ message: TInboxMessage; created: boolean }> {
  const byKey = { tenantId_idempotencyKey: { tenantId: db.tenantId, idempotencyKey: input.idempotencyKey } };
  const known = await db.message.findUnique({ where: byKey, select: MESSAGE_SELECT });
  if (known) return { message: toInboxMessage(known), created: false };

  const blockedReason = await smsBlockReason(db, { customer: input.customer, conversationId: input.conversationId, automated: true, purpose: "compliance" });
  const at = new Date();
  const inserted = await db.message.createManyAndReturn({
    data: [
      {
        tenantId: db.tenantId,
        conversationId: input.conversationId,
        channel: "SMS",
        direction: "OUTBOUND",
        status: blockedReason ? "BLOCKED" : "QUEUED",
        body: input.body,
        provider: OWN_PROVIDER,
        providerMessageId: `out-${randomUUID()}`,
        idempotencyKey: input.idempotencyKey,
        authorUserId: null,
        blockedReason,
        metadata: input.metadata as Prisma.InputJsonValue,
        createdAt: at,
      },
    ],
    skipDuplicates: true,
    select: MESSAGE_SELECT,
  });
  if (inserted.length === 0) return { message: toInboxMessage(await db.message.findUniqueOrThrow({ where: byKey, select: MESSAGE_SELECT })), created: false };
  const message = toInboxMessage(inserted[0]!);
  await bumpConversation(db, input.conversationId, at, messagePreview(input.body), 0);
  const event = { tenantId: db.tenantId, conversationId: input.conversationId, messageId: message.id, channel: "SMS" as const, direction: "OUTBOUND" as const };
  await emitEvent(db, "message/stored", { ...event, customerId: input.customer.id });
  await announceInboxEvent(db, { kind: "message.stored", conversationId: input.conversationId, messageId: message.id, channel: "SMS", direction: "OUTBOUND" });
  return { message, created: true };
}
