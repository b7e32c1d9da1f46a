import type { TenantDb } from "../db/db.server";
import type { TMessageChannel, TMessageDirection } from "./conversations.types";
import { foldAccents, prefixTsQuery, searchWords } from "./search-query";

export interface TMessageHit {
  messageId: string;
  conversationId: string;
  customer: { id: string; name: string };
  channel: TMessageChannel;
  direction: TMessageDirection;
  createdAt: Date;
  /** The part of the message around the first matching word. */
  snippet: string;
}

/** Full-text search over the tenant's messages (prefix words, accents optional), newest first, on messages_search_idx. */
export async function searchMessages(db: TenantDb, input: { q: string; limit?: number }): Promise<TMessageHit[]> {
  const tsquery = prefixTsQuery(input.q);
  if (!tsquery) return [];
  const rows = await db.$queryRaw<
    Array<{
      id: string;
      conversationId: string;
      customerId: string;
      customerName: string;
      channel: string;
      direction: string;
      createdAt: Date;
      body: string;
      subject: string | null;
    }>
  >`
    SELECT m."id", m."conversation_id" AS "conversationId", cu."id" AS "customerId", cu."name" AS "customerName",
           m."channel"::text AS "channel", m."direction"::text AS "direction", m."created_at" AS "createdAt", m."body", m."subject"
    FROM "messages" m
    JOIN "conversations" c ON c."id" = m."conversation_id"
    JOIN "customers" cu ON cu."id" = c."customer_id"
    WHERE m."tenant_id" = ${db.tenantId}
      AND to_tsvector('simple', coalesce(m."subject", '') || ' ' || m."body") @@ to_tsquery('simple', ${tsquery})
    ORDER BY m."created_at" DESC, m."id" DESC
    LIMIT ${Math.min(Math.max(input.limit ?? 20, 1), 50)}`;
  const words = searchWords(input.q);
  return rows.map((r) => ({
    messageId: r.id,
    conversationId: r.conversationId,
    customer: { id: r.customerId, name: r.customerName },
    channel: r.channel as TMessageChannel,
    direction: r.direction as TMessageDirection,
    createdAt: r.createdAt,
    snippet: matchSnippet(r.subject ? `${r.subject} — ${r.body}` : r.body, words),
  }));
}

/** Up to `size` characters of `text` around the first word that starts with one of `words` (accents ignored). */
export function matchSnippet(text: string, words: string[], size = 120): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= size) return line;
  const folded = foldAccents(line.toLowerCase());
  let hit = -1;
  for (const w of words.map((x) => foldAccents(x))) {
    const re = new RegExp(`(^|[^\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "u");
    const m = re.exec(folded);
    if (m && (hit === -1 || m.index < hit)) hit = m.index + m[1].length;
  }
  if (hit === -1) hit = 0;
  const start = Math.max(0, Math.min(hit - Math.floor(size / 3), line.length - size));
  const end = Math.min(line.length, start + size);
  return `${start > 0 ? "…" : ""}${line.slice(start, end).trim()}${end < line.length ? "…" : ""}`;
}
