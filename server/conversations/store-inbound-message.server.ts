import type { TenantDb } from "../db/db.server";
import { Invalid } from "../errors/domain-errors";
import { emitEvent } from "../events/outbox.server";
import type { Prisma } from "../db/generated/prisma/client";
import { bumpConversation, ensureConversation } from "./conversation-writes.server";
import type { TInboxMessage, TMessageChannel } from "./conversations.types";
import { resolveCustomer, type TCustomerRef } from "./customer-by-phone.server";
import { announceInboxEvent } from "./inbox-events.server";
import { MESSAGE_SELECT, toInboxMessage } from "./message-select";
import { messagePreview } from "./preview";

export interface TStoreInboundInput {
  /** The customer by id, or by phone (found or created, E.164-normalised). */
  customer: TCustomerRef;
  channel: Exclude<TMessageChannel, "NOTE">;
  body: string;
  subject?: string | null;
  /** Who carried it ("signalwire", "smtp", "web", "local"…) and its id there: the pair is stored once. */
  provider: string;
  providerMessageId: string;
  /** When the carrier received it (defaults to now); a late delivery never moves the thread's last message backward. */
  receivedAt?: Date;
  metadata?: Record<string, unknown>;
}

export interface TStoreInboundResult {
  message: TInboxMessage;
  conversationId: string;
  customerId: string;
  /** false when this provider message was already stored (a retried webhook): nothing changed. */
  created: boolean;
}

/**
 * Stores a message a customer sent (SMS, call, voicemail, email, web chat). Idempotent on
 * (provider, providerMessageId), also under concurrency: the insert is ON CONFLICT DO
 * NOTHING on the unique index, so a duplicate never aborts the transaction. A new message
 * bumps the thread's unread count and last message and emits `message/stored` in the same
 * transaction.
 */
export async function storeInboundMessage(db: TenantDb, input: TStoreInboundInput): Promise<TStoreInboundResult> {
  if (!input.provider.trim() || !input.providerMessageId.trim()) throw Invalid("errors:invalidInput");
  const key = {
    tenantId_provider_providerMessageId: { tenantId: db.tenantId, provider: input.provider, providerMessageId: input.providerMessageId },
  };

  // A retried delivery is the common duplicate: answer it without touching anything.
  const known = await db.message.findUnique({ where: key, select: MESSAGE_SELECT });
  if (known)
    return {
      message: toInboxMessage(known),
      conversationId: known.conversationId,
      customerId: await customerOf(db, known.conversationId),
      created: false,
    };

  const customer = await resolveCustomer(db, input.customer);
  const conversationId = await ensureConversation(db, customer.id);
  const at = input.receivedAt ?? new Date();
  const inserted = await db.message.createManyAndReturn({
    data: [
      {
        tenantId: db.tenantId,
        conversationId,
        channel: input.channel,
        direction: "INBOUND",
        status: "RECEIVED",
        body: input.body,
        subject: input.subject ?? null,
        provider: input.provider,
        providerMessageId: input.providerMessageId,
        metadata: (input.metadata ?? {}) as Prisma.InputJsonValue,
        createdAt: at,
      },
    ],
    skipDuplicates: true,
    select: MESSAGE_SELECT,
  });
  if (inserted.length === 0) {
    // Lost a race with a concurrent delivery of the same message; it is stored now.
    const existing = await db.message.findUniqueOrThrow({ where: key, select: MESSAGE_SELECT });
    return {
      message: toInboxMessage(existing),
      conversationId: existing.conversationId,
      customerId: await customerOf(db, existing.conversationId),
      created: false,
    };
  }
  const message = toInboxMessage(inserted[0]);
  await bumpConversation(db, conversationId, at, messagePreview(input.subject && !input.body.trim() ? input.subject : input.body), 1);
  await emitEvent(db, "message/stored", {
    tenantId: db.tenantId,
    conversationId,
    messageId: message.id,
    customerId: customer.id,
    channel: input.channel,
    direction: "INBOUND",
  });
  await announceInboxEvent(db, {
    kind: "message.stored",
    conversationId,
    messageId: message.id,
    channel: input.channel,
    direction: "INBOUND",
  });
  return { message, conversationId, customerId: customer.id, created: true };
}

async function customerOf(db: TenantDb, conversationId: string): Promise<string> {
  const c = await db.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { customerId: true } });
  return c.customerId;
}
