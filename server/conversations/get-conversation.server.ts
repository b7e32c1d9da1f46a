import type { TenantDb } from "../db/db.server";
import { Invalid, NotFound } from "../errors/domain-errors";
import { ZGetConversationSchema, type TGetConversationInput, type TInboxMessage } from "./conversations.types";
import { MESSAGE_SELECT, toInboxMessage } from "./message-select";

export interface TConversationThread {
  conversation: {
    id: string;
    status: "OPEN" | "CLOSED";
    assignedUserId: string | null;
    aiEnabled: boolean;
    unreadCount: number;
    lastMessageAt: Date | null;
    customer: { id: string; name: string; phone: string | null; email: string | null; locale: string; smsConsent: boolean };
  };
  /** Oldest first (newest last); `olderCursor` fetches the page before the first one. */
  messages: Array<TInboxMessage & { authorName: string | null }>;
  olderCursor: string | null;
  /** Who the thread can be assigned to. */
  members: Array<{ userId: string; name: string; role: "OWNER" | "MANAGER" | "STAFF" }>;
  /** The tenant's time zone: times and day groups are shown in it. */
  timeZone: string;
}

/** One thread with a page of its messages (the newest `limit`, or those before `before`). */
export async function getConversation(db: TenantDb, rawInput: TGetConversationInput): Promise<TConversationThread> {
  const input = ZGetConversationSchema.parse(rawInput);
  const conversation = await db.conversation.findFirst({
    where: { id: input.conversationId, tenantId: db.tenantId },
    select: {
      id: true,
      status: true,
      assignedUserId: true,
      aiEnabled: true,
      unreadCount: true,
      lastMessageAt: true,
      customer: { select: { id: true, name: true, phone: true, email: true, locale: true, smsConsent: true } },
    },
  });
  if (!conversation) throw NotFound("inbox:errors.conversationNotFound");

  const before = input.before ? decodeCursor(input.before) : null;
  const rows = await db.message.findMany({
    where: {
      conversationId: conversation.id,
      ...(before ? { OR: [{ createdAt: { lt: before.at } }, { createdAt: before.at, id: { lt: before.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: MESSAGE_SELECT,
  });
  const page = rows.slice(0, input.limit).reverse();
  const oldest = page[0];

  const [memberships, tenant] = await Promise.all([
    db.membership.findMany({
      where: { tenantId: db.tenantId },
      select: { userId: true, role: true, user: { select: { name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { timeZone: true } }),
  ]);
  const authorIds = [...new Set(page.map((m) => m.authorUserId).filter((id): id is string => Boolean(id)))];
  const names = new Map(memberships.map((m) => [m.userId, m.user.name]));
  const missing = authorIds.filter((id) => !names.has(id));
  if (missing.length) {
    // Former members still sign what they wrote.
    for (const u of await db.user.findMany({ where: { id: { in: missing } }, select: { id: true, name: true } })) names.set(u.id, u.name);
  }

  return {
    conversation,
    messages: page.map((m) => ({ ...toInboxMessage(m), authorName: m.authorUserId ? (names.get(m.authorUserId) ?? null) : null })),
    olderCursor:
      rows.length > input.limit && oldest
        ? Buffer.from(JSON.stringify([oldest.createdAt.toISOString(), oldest.id])).toString("base64url")
        : null,
    members: memberships.map((m) => ({ userId: m.userId, name: m.user.name, role: m.role })),
    timeZone: tenant.timeZone,
  };
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, string];
    const date = new Date(at);
    if (typeof id !== "string" || Number.isNaN(date.getTime())) throw new Error("bad cursor");
    return { at: date, id };
  } catch {
    throw Invalid("errors:invalidInput", { before: "errors:validation.invalid" });
  }
}
