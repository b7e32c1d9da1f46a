import { getConfig } from "../../config/config-service.server";
import { deliverOutboundMessage } from "../../conversations/deliver-outbound-message.server";
import { recordOutboundMessage } from "../../conversations/record-outbound-message.server";
import { setConversationAiEnabled } from "../../conversations/set-ai-enabled.server";
import { withTenant } from "../../db/db.server";
import { isSupportedLocale } from "../../i18n/localized-text";
import { translateNow } from "../../i18n/translate.server";
import { agentTurn } from "./agent-turn.server";
import { detectLanguage } from "./language";

/**
 * The AI agent answers one stored inbound SMS (called by the inbound-SMS job after the
 * message is stored). Skips unless the message is an inbound SMS, its thread has the agent
 * on and the AI node is enabled. The reply is recorded with the key `agent:<messageId>`
 * and then sent, outside any transaction: a retry after success sends nothing new, and a
 * retry after a failed send only sends the recorded reply. AiUnavailableError propagates
 * (the job step retries); the inbound message is already stored.
 */
export interface TAnswerInboundSmsResult {
  status: "replied" | "skipped";
  reason?: "notFound" | "notInboundSms" | "aiDisabledForThread" | "agentOff" | "emptyMessage";
  replyMessageId?: string;
  handoff: boolean;
}

/** How many earlier messages of the thread the agent reads. */
const HISTORY_SIZE = 12;

export const agentReplyKey = (inboundMessageId: string) => `agent:${inboundMessageId}`;
const agentNoteKey = (inboundMessageId: string) => `agent-note:${inboundMessageId}`;

export async function answerInboundSms(tenantId: string, inboundMessageId: string): Promise<TAnswerInboundSmsResult> {
  const run = <T>(fn: Parameters<typeof withTenant<T>>[1]) => withTenant(tenantId, fn);
  const loaded = await run(async (db) => {
    const message = await db.message.findFirst({
      where: { id: inboundMessageId, tenantId: db.tenantId },
      select: {
        id: true,
        channel: true,
        direction: true,
        body: true,
        createdAt: true,
        conversationId: true,
        conversation: { select: { aiEnabled: true, customer: { select: { id: true, phone: true, locale: true } } } },
      },
    });
    if (!message) return null;
    const existing = await db.message.findUnique({
      where: { tenantId_idempotencyKey: { tenantId: db.tenantId, idempotencyKey: agentReplyKey(inboundMessageId) } },
      select: { id: true, metadata: true },
    });
    const earlier = await db.message.findMany({
      where: {
        conversationId: message.conversationId,
        channel: { in: ["SMS", "CALL", "VOICEMAIL", "WEBCHAT"] },
        direction: { in: ["INBOUND", "OUTBOUND"] },
        createdAt: { lte: message.createdAt },
        id: { not: message.id },
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: HISTORY_SIZE,
      select: { direction: true, body: true },
    });
    const tenant = await db.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { defaultLocale: true } });
    return {
      message,
      existing,
      earlier: earlier.reverse(),
      ownerLocale: isSupportedLocale(tenant.defaultLocale) ? tenant.defaultLocale : "en",
    };
  });
  if (!loaded) return { status: "skipped", reason: "notFound", handoff: false };
  const { message, existing, earlier, ownerLocale } = loaded;

  if (existing) {
    // Recorded by an earlier run: only (re)send it (a no-op once SENT).
    await deliverOutboundMessage(run, existing.id);
    return {
      status: "replied",
      replyMessageId: existing.id,
      handoff: (existing.metadata as { handoff?: boolean } | null)?.handoff === true,
    };
  }
  if (message.channel !== "SMS" || message.direction !== "INBOUND") return { status: "skipped", reason: "notInboundSms", handoff: false };
  if (!message.conversation.aiEnabled) return { status: "skipped", reason: "aiDisabledForThread", handoff: false };
  if (!(await getConfig(tenantId, "AI")).enabled) return { status: "skipped", reason: "agentOff", handoff: false };
  if (!message.body.trim()) return { status: "skipped", reason: "emptyMessage", handoff: false };

  const { customer } = message.conversation;
  const storedLocale = isSupportedLocale(customer.locale) ? customer.locale : "en";
  const locale = detectLanguage(message.body, storedLocale);
  const turn = await agentTurn(tenantId, {
    channel: "SMS",
    customerId: customer.id,
    callerPhone: customer.phone,
    locale,
    history: earlier.map((m) => ({ role: m.direction === "INBOUND" ? "customer" : "agent", text: m.body })),
    text: message.body,
  });

  const reply = turn.handoff ? translateNow(locale, "agent:handoff.reply") : turn.reply;
  const recorded = await run(async (db) => {
    const out = await recordOutboundMessage(db, {
      target: { conversationId: message.conversationId },
      channel: "SMS",
      body: reply,
      authorUserId: null,
      idempotencyKey: agentReplyKey(inboundMessageId),
      metadata: {
        agent: true,
        toolCalls: turn.toolCalls,
        offline: turn.offline,
        handoff: turn.handoff,
        inReplyTo: inboundMessageId,
        ...(turn.bookingId ? { bookingId: turn.bookingId } : {}),
      },
    });
    if (turn.handoff && out.created) {
      await setConversationAiEnabled(db, message.conversationId, false);
      await recordOutboundMessage(db, {
        target: { conversationId: message.conversationId },
        channel: "NOTE",
        body: translateNow(ownerLocale, "agent:handoff.note", { reason: turn.handoffReason ?? "" }),
        authorUserId: null,
        idempotencyKey: agentNoteKey(inboundMessageId),
        metadata: { agent: true, handoff: true, inReplyTo: inboundMessageId },
      });
    }
    return out;
  });
  await deliverOutboundMessage(run, recorded.message.id);
  return { status: "replied", replyMessageId: recorded.message.id, handoff: turn.handoff };
}
