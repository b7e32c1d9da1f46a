import type { TenantDb } from "../db/db.server";
import { NotFound } from "../errors/domain-errors";
import { announceInboxEvent } from "./inbox-events.server";

/** Turns the AI agent on or off for one thread (the agent reads this before answering). */
export async function setConversationAiEnabled(db: TenantDb, conversationId: string, enabled: boolean): Promise<{ aiEnabled: boolean }> {
  const updated = await db.conversation.updateMany({ where: { id: conversationId, tenantId: db.tenantId }, data: { aiEnabled: enabled } });
  if (!updated.count) throw NotFound("inbox:errors.conversationNotFound");
  await announceInboxEvent(db, { kind: "conversation.updated", conversationId });
  return { aiEnabled: enabled };
}
