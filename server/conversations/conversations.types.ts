import { z } from "zod";
import { zId, zText, zToken } from "../validation/text";

/** Inputs and outputs of the inbox (zod schemas `Z…Schema`, inferred types `T…`). */
export const MESSAGE_CHANNELS = ["SMS", "CALL", "VOICEMAIL", "EMAIL", "WEBCHAT", "NOTE"] as const;
export type TMessageChannel = (typeof MESSAGE_CHANNELS)[number];
export type TMessageDirection = "INBOUND" | "OUTBOUND" | "INTERNAL";
export type TMessageStatus = "RECEIVED" | "QUEUED" | "SENDING" | "SENT" | "DELIVERED" | "FAILED" | "BLOCKED";

/** Channels a member can answer on from the inbox (NOTE is internal and never sent). */
export const REPLY_CHANNELS = ["SMS", "EMAIL", "NOTE"] as const;
export type TReplyChannel = (typeof REPLY_CHANNELS)[number];

export const INBOX_FILTERS = ["all", "unread", "mine", "unassigned"] as const;
export type TInboxFilter = (typeof INBOX_FILTERS)[number];

/** Why an outbound message was not sent (i18n: inbox:blocked.<reason>). */
export const BLOCKED_REASONS = ["noSmsConsent", "smsOptedOut", "notCustomerInitiated", "noPhone", "noEmail", "quietHours"] as const;
export type TBlockedReason = (typeof BLOCKED_REASONS)[number];

const ZId = zId();

/** Limits the inbox shows (counters) and the schemas enforce. */
export const INBOX_TEXT_LIMITS = { body: 1600, subject: 200, search: 100 } as const;

export const ZListConversationsSchema = z.object({
  filter: z.enum(INBOX_FILTERS).default("all"),
  q: zText({ max: INBOX_TEXT_LIMITS.search }).optional(),
  cursor: zToken(200).optional(),
  limit: z.number().int().min(1).max(100).default(30),
});
export type TListConversationsInput = z.input<typeof ZListConversationsSchema>;

export const ZGetConversationSchema = z.object({
  conversationId: ZId,
  /** Older page: messages created before this cursor (from a previous answer's `olderCursor`). */
  before: zToken(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type TGetConversationInput = z.input<typeof ZGetConversationSchema>;

export const ZConversationIdSchema = z.object({ conversationId: ZId });
export const ZAssignSchema = z.object({ conversationId: ZId, userId: ZId.nullable() });
export const ZSetAiEnabledSchema = z.object({ conversationId: ZId, enabled: z.boolean() });
export const ZReplySchema = z.object({
  conversationId: ZId,
  channel: z.enum(REPLY_CHANNELS),
  body: zText({ min: 1, max: INBOX_TEXT_LIMITS.body, multiline: true }),
  subject: zText({ max: INBOX_TEXT_LIMITS.subject }).optional(),
});
export const ZSearchSchema = z.object({
  q: zText({ min: 1, max: INBOX_TEXT_LIMITS.search }),
  limit: z.number().int().min(1).max(50).default(20),
});

export interface TConversationSummary {
  id: string;
  customer: { id: string; name: string; phone: string | null };
  assignedUserId: string | null;
  unreadCount: number;
  aiEnabled: boolean;
  lastMessageAt: Date;
  lastMessagePreview: string;
  lastChannel: TMessageChannel | null;
  lastDirection: TMessageDirection | null;
}

export interface TInboxMessage {
  id: string;
  conversationId: string;
  channel: TMessageChannel;
  direction: TMessageDirection;
  status: TMessageStatus;
  body: string;
  subject: string | null;
  provider: string;
  providerMessageId: string;
  blockedReason: string | null;
  authorUserId: string | null;
  metadata: Record<string, unknown>;
  readAt: Date | null;
  createdAt: Date;
}
