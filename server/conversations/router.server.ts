import { router, tenantProcedure } from "../trpc/init.server";
import { assignConversation } from "./assign-conversation.server";
import {
  ZAssignSchema,
  ZConversationIdSchema,
  ZGetConversationSchema,
  ZListConversationsSchema,
  ZReplySchema,
  ZSearchSchema,
  ZSetAiEnabledSchema,
} from "./conversations.types";
import { getConversation } from "./get-conversation.server";
import { listConversations, unreadSummary } from "./list-conversations.server";
import { markConversationRead } from "./mark-read.server";
import { replyToConversation } from "./reply-to-conversation.server";
import { searchMessages } from "./search-messages.server";
import { setConversationAiEnabled } from "./set-ai-enabled.server";

/**
 * The inbox API. Every member may read and answer (capability "inbox.reply"); turning the
 * AI agent off for a thread is the AI settings' capability ("ai.manage": owners and managers).
 */
export const inboxRouter = router({
  list: tenantProcedure("inbox.reply")
    .input(ZListConversationsSchema)
    .query(({ ctx, input }) => ctx.tenant.db((db) => listConversations(db, { ...input, userId: ctx.user.id }))),
  get: tenantProcedure("inbox.reply")
    .input(ZGetConversationSchema)
    .query(({ ctx, input }) => ctx.tenant.db((db) => getConversation(db, input))),
  markRead: tenantProcedure("inbox.reply")
    .input(ZConversationIdSchema)
    .mutation(({ ctx, input }) => ctx.tenant.db((db) => markConversationRead(db, input.conversationId))),
  assign: tenantProcedure("inbox.reply")
    .input(ZAssignSchema)
    .mutation(({ ctx, input }) => ctx.tenant.db((db) => assignConversation(db, input.conversationId, input.userId))),
  setAiEnabled: tenantProcedure("ai.manage")
    .input(ZSetAiEnabledSchema)
    .mutation(({ ctx, input }) => ctx.tenant.db((db) => setConversationAiEnabled(db, input.conversationId, input.enabled))),
  reply: tenantProcedure("inbox.reply")
    .input(ZReplySchema)
    .mutation(({ ctx, input }) => replyToConversation(ctx.tenant.db, { ...input, authorUserId: ctx.user.id })),
  search: tenantProcedure("inbox.reply")
    .input(ZSearchSchema)
    .query(({ ctx, input }) => ctx.tenant.db((db) => searchMessages(db, input))),
  unreadCount: tenantProcedure("inbox.reply").query(({ ctx }) => ctx.tenant.db((db) => unreadSummary(db))),
});
