import type { TenantDb } from "../db/db.server";

/**
 * The two writes every stored message makes to its thread. Lock order matters under
 * concurrency: the message row is inserted first, the conversation row updated last, so
 * two transactions never wait on each other in opposite orders.
 */

/** The customer's thread (one per customer per tenant), created on first contact; safe when two first messages race. */
export async function ensureConversation(db: TenantDb, customerId: string): Promise<string> {
  const found = await db.conversation.findUnique({
    where: { tenantId_customerId: { tenantId: db.tenantId, customerId } },
    select: { id: true },
  });
  if (found) return found.id;
  await db.conversation.createMany({ data: [{ tenantId: db.tenantId, customerId }], skipDuplicates: true });
  const created = await db.conversation.findUniqueOrThrow({
    where: { tenantId_customerId: { tenantId: db.tenantId, customerId } },
    select: { id: true },
  });
  return created.id;
}

/** Moves the thread's "last message" forward (never backward for a late delivery) and adds to its unread count. */
export async function bumpConversation(
  db: TenantDb,
  conversationId: string,
  at: Date,
  preview: string,
  unreadIncrement: number,
): Promise<void> {
  await db.$executeRaw`
    UPDATE "conversations" SET
      "unread_count" = "unread_count" + ${unreadIncrement},
      "last_message_preview" = CASE WHEN "last_message_at" IS NULL OR "last_message_at" <= ${at} THEN ${preview} ELSE "last_message_preview" END,
      "last_message_at" = GREATEST(COALESCE("last_message_at", ${at}), ${at}),
      "updated_at" = now()
    WHERE "id" = ${conversationId} AND "tenant_id" = ${db.tenantId}`;
}
