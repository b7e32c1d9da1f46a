import type { TenantDb } from "../db/db.server";
import { Invalid, NotFound } from "../errors/domain-errors";
import { announceInboxEvent } from "./inbox-events.server";

/** Assigns a thread to a member of this tenant, or unassigns it (null). Anyone else is refused. */
export async function assignConversation(
  db: TenantDb,
  conversationId: string,
  userId: string | null,
): Promise<{ assignedUserId: string | null }> {
  const conversation = await db.conversation.findFirst({
    where: { id: conversationId, tenantId: db.tenantId },
    select: { assignedUserId: true },
  });
  if (!conversation) throw NotFound("inbox:errors.conversationNotFound");
  if (userId) {
    const member = await db.membership.findFirst({ where: { tenantId: db.tenantId, userId }, select: { id: true } });
    if (!member) throw Invalid("inbox:errors.assigneeNotMember", { userId: "inbox:errors.assigneeNotMember" });
  }
  if (conversation.assignedUserId !== userId) {
    await db.conversation.update({ where: { id: conversationId }, data: { assignedUserId: userId } });
    await announceInboxEvent(db, { kind: "conversation.updated", conversationId });
  }
  return { assignedUserId: userId };
}
