import { randomUUID } from "node:crypto";
import type { TenantDb } from "../db/db.server";
import type { Prisma } from "../db/generated/prisma/client";
import { Invalid, NotFound } from "../errors/domain-errors";
import { emitEvent } from "../events/outbox.server";
import { bumpConversation, ensureConversation } from "./conversation-writes.server";
import type { TBlockedReason, TInboxMessage, TReplyChannel } from "./conversations.types";
import { resolveCustomer } from "./customer-by-phone.server";
import { announceInboxEvent } from "./inbox-events.server";
import { MESSAGE_SELECT, toInboxMessage } from "./message-select";
import { messagePreview } from "./preview";
import { smsBlockReason, type TSmsPurpose } from "./sms-policy.server";

/** Messages ServicePro itself writes carry this provider until a carrier takes them (then its name and id). */
export const OWN_PROVIDER = "servicepro";

export interface TRecordOutboundInput {
  /** The thread, or the customer (their thread is created when needed). */
  target: { conversationId: string } | { customerId: string };
  channel: TReplyChannel;
  body: string;
  subject?: string | null;
  /** The member who wrote it; null for automated texts (reminders, the AI agent…). */
  authorUserId: string | null;
  /** Why an automated text goes out, when that changes the send rules (sms-policy.server.ts). */
  purpose?: TSmsPurpose;
  /** The clock the send rules judge by (jobs that run on a planned time, tests); defaults to now. */
  now?: Date;
  /** Re-running the same automated send with the same key is a no-op that returns the first message. */
  idempotencyKey?: string;
  metadata?: Record<string, unknown>;
}

export interface TRecordOutboundResult {
  message: TInboxMessage;
  conversationId: string;
  customer: { id: string; name: string; phone: string | null; email: string | null; locale: string };
  created: boolean;
}

/**
 * Records a message going to a customer (staff replies, automated texts) or an internal
 * note, before anything is sent: SMS/EMAIL start QUEUED, or BLOCKED with a reason when the
 * rules forbid sending (sms-policy.server.ts, no email address). NOTE is INTERNAL and
 * never sent. Emits `message/stored` in the same transaction. Sending is
 * `deliverOutboundMessage`, outside any transaction.
 */
export async function recordOutboundMessage(db: TenantDb, input: TRecordOutboundInput): Promise<TRecordOutboundResult> {
  const body = input.body.trim();
  if (!body) throw Invalid("errors:invalidInput", { body: "errors:validation.required" });
  const conversationId =
    "conversationId" in input.target
      ? input.target.conversationId
      : await ensureConversation(db, await customerIdOf(db, input.target.customerId));
  const conversation = await db.conversation.findFirst({
    where: { id: conversationId, tenantId: db.tenantId },
    select: { id: true, customer: { select: { id: true, name: true, phone: true, email: true, locale: true, smsConsent: true } } },
  });
  if (!conversation) throw NotFound("inbox:errors.conversationNotFound");
  const { customer } = conversation;

  const providerMessageId = `${input.channel === "NOTE" ? "note" : "out"}-${randomUUID()}`;
  // The key has its own column: delivery replaces providerMessageId with the carrier's id.
  const idempotencyKey = input.idempotencyKey ?? null;
  const byKey = idempotencyKey ? { tenantId_idempotencyKey: { tenantId: db.tenantId, idempotencyKey } } : null;
  if (byKey) {
    const known = await db.message.findUnique({ where: byKey, select: MESSAGE_SELECT });
    if (known) return { message: toInboxMessage(known), conversationId, customer, created: false };
  }

  let blockedReason: TBlockedReason | null = null;
  if (input.channel === "SMS")
    blockedReason = await smsBlockReason(db, {
      customer,
      conversationId,
      automated: input.authorUserId === null,
      purpose: input.purpose,
      now: input.now,
    });
  if (input.channel === "EMAIL" && !customer.email) blockedReason = "noEmail";
  const status = input.channel === "NOTE" ? "SENT" : blockedReason ? "BLOCKED" : "QUEUED";
  const direction = input.channel === "NOTE" ? "INTERNAL" : "OUTBOUND";

  const at = new Date();
  const inserted = await db.message.createManyAndReturn({
    data: [
      {
        tenantId: db.tenantId,
        conversationId,
        channel: input.channel,
        direction,
        status,
        body,
        subject: input.subject?.trim() || null,
        provider: OWN_PROVIDER,
        providerMessageId,
        idempotencyKey,
        authorUserId: input.authorUserId,
        blockedReason,
        metadata: (input.metadata ?? {}) as Prisma.InputJsonValue,
        createdAt: at,
      },
    ],
    skipDuplicates: true,
    select: MESSAGE_SELECT,
  });
  if (inserted.length === 0) {
    // Only a keyed message can collide (the provider id is a fresh uuid): a concurrent writer won.
    const existing = await db.message.findUniqueOrThrow({ where: byKey!, select: MESSAGE_SELECT });
    return { message: toInboxMessage(existing), conversationId, customer, created: false };
  }
  const message = toInboxMessage(inserted[0]);
  await bumpConversation(db, conversationId, at, messagePreview(body), 0);
  await emitEvent(db, "message/stored", {
    tenantId: db.tenantId,
    conversationId,
    messageId: message.id,
    customerId: customer.id,
    channel: input.channel,
    direction,
  });
  await announceInboxEvent(db, { kind: "message.stored", conversationId, messageId: message.id, channel: input.channel, direction });
  return { message, conversationId, customer, created: true };
}

async function customerIdOf(db: TenantDb, customerId: string): Promise<string> {
  return (await resolveCustomer(db, { id: customerId })).id;
}
