import type { TenantDb } from "../db/db.server";
import { NotFound } from "../errors/domain-errors";
import { announceInboxEvent } from "./inbox-events.server";

/**
 * Marks a thread read: unread count to zero and every unread inbound message stamped.
 * The conversation row is updated first (taking its lock), so a message stored at the same
 * moment is either counted after this or stamped by it, never lost in between.
 */
export async function markConversationRead(db: TenantDb, conversationId: string): Promise<{ marked: number }> {
  const found = await db.conversation.findFirst({ where: { id: conversationId, tenantId: db.tenantId }, select: { unreadCount: true } });
  if (!found) throw NotFound("inbox:errors.conversationNotFound");
  const zeroed = await db.conversation.updateMany({ where: { id: conversationId, unreadCount: { gt: 0 } }, data: { unreadCount: 0 } });
  const stamped = await db.message.updateMany({
    where: { conversationId, direction: "INBOUND", readAt: null },
    data: { readAt: new Date() },
  });
  if (zeroed.count || stamped.count) await announceInboxEvent(db, { kind: "conversation.updated", conversationId });
  return { marked: stamped.count };
}
