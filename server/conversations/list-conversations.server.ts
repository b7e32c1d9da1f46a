import type { TenantDb } from "../db/db.server";
import { Prisma } from "../db/generated/prisma/client";
import { Invalid } from "../errors/domain-errors";
import {
  ZListConversationsSchema,
  type TConversationSummary,
  type TListConversationsInput,
  type TMessageChannel,
  type TMessageDirection,
} from "./conversations.types";
import { foldAccents, prefixTsQuery } from "./search-query";

export interface TConversationPage {
  conversations: TConversationSummary[];
  nextCursor: string | null;
  /** Across the whole inbox, whatever the filter: unread messages and threads with any. */
  unread: TUnreadSummary;
  /** The tenant's time zone: list times are shown in it. */
  timeZone: string;
  /** The tenant's members by user id (names of assignees). */
  members: Record<string, string>;
}

export interface TUnreadSummary {
  messages: number;
  conversations: number;
}

type Row = {
  id: string;
  customerId: string;
  customerName: string;
  customerPhone: string | null;
  assignedUserId: string | null;
  unreadCount: number;
  aiEnabled: boolean;
  lastMessageAt: Date;
  lastMessagePreview: string;
  lastChannel: string | null;
  lastDirection: string | null;
};

/**
 * The inbox list, newest activity first: all threads, unread ones, mine (assigned to
 * `userId`) or unassigned; `q` matches the customer's name (accents optional) or phone
 * digits, or any message in the thread (full-text, prefix, on messages_search_idx).
 * Keyset pagination on (last message time, id).
 */
export async function listConversations(db: TenantDb, rawInput: TListConversationsInput & { userId: string }): Promise<TConversationPage> {
  const input = ZListConversationsSchema.parse(rawInput);
  const filter = {
    all: Prisma.empty,
    unread: Prisma.sql`AND c."unread_count" > 0`,
    mine: Prisma.sql`AND c."assigned_user_id" = ${rawInput.userId}`,
    unassigned: Prisma.sql`AND c."assigned_user_id" IS NULL`,
  }[input.filter];
  const cursor = input.cursor ? decodeCursor(input.cursor) : null;
  const after = cursor ? Prisma.sql`AND (c."last_message_at", c."id") < (${cursor.at}::timestamptz, ${cursor.id})` : Prisma.empty;
  const search = input.q ? searchCondition(input.q) : Prisma.empty;

  const rows = await db.$queryRaw<Row[]>`
    SELECT c."id", c."customer_id" AS "customerId", cu."name" AS "customerName", cu."phone" AS "customerPhone",
           c."assigned_user_id" AS "assignedUserId", c."unread_count" AS "unreadCount", c."ai_enabled" AS "aiEnabled",
           c."last_message_at" AS "lastMessageAt", COALESCE(c."last_message_preview", '') AS "lastMessagePreview",
           lm."channel"::text AS "lastChannel", lm."direction"::text AS "lastDirection"
    FROM "conversations" c
    JOIN "customers" cu ON cu."id" = c."customer_id"
    LEFT JOIN LATERAL (
      SELECT m."channel", m."direction" FROM "messages" m
      WHERE m."tenant_id" = c."tenant_id" AND m."conversation_id" = c."id"
      ORDER BY m."created_at" DESC, m."id" DESC LIMIT 1
    ) lm ON true
    WHERE c."tenant_id" = ${db.tenantId} AND c."last_message_at" IS NOT NULL
      ${filter} ${search} ${after}
    ORDER BY c."last_message_at" DESC, c."id" DESC
    LIMIT ${input.limit + 1}`;

  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    conversations: page.map((r) => ({
      id: r.id,
      customer: { id: r.customerId, name: r.customerName, phone: r.customerPhone },
      assignedUserId: r.assignedUserId,
      unreadCount: r.unreadCount,
      aiEnabled: r.aiEnabled,
      lastMessageAt: r.lastMessageAt,
      lastMessagePreview: r.lastMessagePreview,
      lastChannel: r.lastChannel as TMessageChannel | null,
      lastDirection: r.lastDirection as TMessageDirection | null,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.lastMessageAt, last.id) : null,
    unread: await unreadSummary(db),
    timeZone: (await db.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { timeZone: true } })).timeZone,
    members: Object.fromEntries(
      (await db.membership.findMany({ where: { tenantId: db.tenantId }, select: { userId: true, user: { select: { name: true } } } })).map(
        (m) => [m.userId, m.user.name],
      ),
    ),
  };
}

/** Unread messages and threads with unread messages, across the tenant's inbox. */
export async function unreadSummary(db: TenantDb): Promise<TUnreadSummary> {
  const [row] = await db.$queryRaw<Array<{ messages: number; conversations: number }>>`
    SELECT COALESCE(SUM("unread_count"), 0)::int AS "messages", COUNT(*) FILTER (WHERE "unread_count" > 0)::int AS "conversations"
    FROM "conversations" WHERE "tenant_id" = ${db.tenantId} AND "unread_count" > 0`;
  return { messages: row?.messages ?? 0, conversations: row?.conversations ?? 0 };
}

function searchCondition(q: string): Prisma.Sql {
  const folded = foldAccents(q.trim().toLowerCase());
  const like = `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const digits = q.replace(/\D/g, "");
  const tsquery = prefixTsQuery(q);
  const byName = Prisma.sql`translate(lower(cu."name"), 'áàäâéèëêíìïîóòöôúùüûñç', 'aaaaeeeeiiiioooouuuunc') LIKE ${like}`;
  const byPhone = digits.length >= 3 ? Prisma.sql`OR cu."phone" LIKE ${`%${digits}%`}` : Prisma.empty;
  const byMessage = tsquery
    ? Prisma.sql`OR EXISTS (
        SELECT 1 FROM "messages" m
        WHERE m."tenant_id" = c."tenant_id" AND m."conversation_id" = c."id"
          AND to_tsvector('simple', coalesce(m."subject", '') || ' ' || m."body") @@ to_tsquery('simple', ${tsquery}))`
    : Prisma.empty;
  return Prisma.sql`AND (${byName} ${byPhone} ${byMessage})`;
}

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString("base64url");
}

function decodeCursor(cursor: string): { at: string; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, string];
    if (typeof at !== "string" || typeof id !== "string" || Number.isNaN(Date.parse(at))) throw new Error("bad cursor");
    return { at, id };
  } catch {
    throw Invalid("errors:invalidInput", { cursor: "errors:validation.invalid" });
  }
}
