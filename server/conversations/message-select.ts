import type { TInboxMessage, TMessageChannel, TMessageDirection, TMessageStatus } from "./conversations.types";

/** The columns every inbox answer carries for a message. */
export const MESSAGE_SELECT = {
  id: true,
  conversationId: true,
  channel: true,
  direction: true,
  status: true,
  body: true,
  subject: true,
  provider: true,
  providerMessageId: true,
  blockedReason: true,
  authorUserId: true,
  metadata: true,
  readAt: true,
  createdAt: true,
} as const;

type Row = Omit<TInboxMessage, "metadata" | "channel" | "direction" | "status"> & {
  metadata: unknown;
  channel: string;
  direction: string;
  status: string;
};

export function toInboxMessage(row: Row): TInboxMessage {
  return {
    ...row,
    channel: row.channel as TMessageChannel,
    direction: row.direction as TMessageDirection,
    status: row.status as TMessageStatus,
    metadata:
      row.metadata && typeof row.metadata === "object" && !Array.isArray(row.metadata) ? (row.metadata as Record<string, unknown>) : {},
  };
}
