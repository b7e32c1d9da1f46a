import type { TenantDb } from "../db/db.server";
import { Prisma } from "../db/generated/prisma/client";
import { prefixTsQuery, searchWords } from "../conversations/search-query";
import { parseOrInvalid } from "./customer-errors";
import { UPCOMING_STATUSES, VISIT_STATUSES } from "./get-customer.server";
import { ZSearchCustomersSchema, type TCustomerListItem, type TCustomerPage, type TSearchCustomers } from "./customers.types";
import { normalizeTag } from "./tags";

/**
 * The customer list and its search box. Words are matched as prefixes ("mar" finds
 * "María") with PostgreSQL full-text search on the `customers_search_idx` expression;
 * digits find phone numbers wherever they appear ("0142", "(512) 555-01"); an email
 * fragment ("maria.g@") matches the start of an email. Merged records are never listed.
 */

/** The exact expression of customers_search_idx, so the planner can use the GIN index. */
const SEARCH_VECTOR = Prisma.sql`to_tsvector('simple', coalesce(c."name", '') || ' ' || coalesce(c."email", '') || ' ' || coalesce(c."phone", ''))`;

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

function encodeCursor(row: { name: string; id: string }): string {
  return Buffer.from(JSON.stringify([row.name, row.id])).toString("base64url");
}

function decodeCursor(cursor: string | undefined): { name: string; id: string } | null {
  if (!cursor) return null;
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    return typeof name === "string" && typeof id === "string" ? { name, id } : null;
  } catch {
    return null;
  }
}

/** The SQL condition for what a person typed, or null when nothing searchable was typed. */
export function searchCondition(q: string | undefined): Prisma.Sql | null {
  const text = q?.trim() ?? "";
  if (!text) return null;
  const words = searchWords(text);
  const letterWords = words.filter((w) => /\p{L}/u.test(w));
  const digits = words
    .filter((w) => /^\p{N}+$/u.test(w))
    .join("")
    .replace(/\D/g, "");
  const parts: Prisma.Sql[] = [];
  const tsQuery = letterWords.length ? prefixTsQuery(letterWords.join(" ")) : null;
  if (tsQuery) {
    const fts = Prisma.sql`${SEARCH_VECTOR} @@ to_tsquery('simple', ${tsQuery})`;
    parts.push(text.includes("@") ? Prisma.sql`(${fts} OR lower(c."email") LIKE ${`${likeEscape(text.toLowerCase())}%`})` : fts);
  }
  if (digits) {
    // A whole number typed from its start uses the index; part of one ("0142") scans this tenant's phones.
    const phonePrefix = `+1${digits}:* | +${digits}:*`;
    parts.push(Prisma.sql`(${SEARCH_VECTOR} @@ to_tsquery('simple', ${phonePrefix}) OR c."phone" LIKE ${`%${digits}%`})`);
  }
  return parts.length ? Prisma.join(parts, " AND ") : null;
}

/** A page of customers matching `q` and `tag`, by name. */
export async function searchCustomers(db: TenantDb, raw: TSearchCustomers, now = new Date()): Promise<TCustomerPage> {
  const input = parseOrInvalid(ZSearchCustomersSchema, raw);
  const conditions: Prisma.Sql[] = [Prisma.sql`c."tenant_id" = ${db.tenantId}`, Prisma.sql`c."merged_into_id" IS NULL`];
  const search = searchCondition(input.q);
  if (input.q?.trim() && !search) return { items: [], nextCursor: null };
  if (search) conditions.push(search);
  const tag = input.tag ? normalizeTag(input.tag) : "";
  if (tag) conditions.push(Prisma.sql`c."tags" @> ARRAY[${tag}]::text[]`);
  const after = decodeCursor(input.cursor);
  if (after) conditions.push(Prisma.sql`(lower(c."name"), c."id") > (lower(${after.name}), ${after.id})`);
  const found = await db.$queryRaw<Array<{ id: string; name: string }>>`
    SELECT c."id", c."name" FROM "customers" c
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY lower(c."name"), c."id"
    LIMIT ${input.limit + 1}`;
  const page = found.slice(0, input.limit);
  return {
    items: await listItems(
      db,
      page.map((r) => r.id),
      now,
    ),
    nextCursor: found.length > input.limit ? encodeCursor(page[page.length - 1]) : null,
  };
}

/** List rows for these ids (in this order) with their last and next visit. */
export async function listItems(db: TenantDb, ids: string[], now = new Date()): Promise<TCustomerListItem[]> {
  if (!ids.length) return [];
  const rows = await db.customer.findMany({
    where: { tenantId: db.tenantId, id: { in: ids } },
    select: { id: true, name: true, phone: true, email: true, tags: true, smsConsent: true },
  });
  const last = await db.booking.groupBy({
    by: ["customerId"],
    where: { tenantId: db.tenantId, customerId: { in: ids }, status: { in: [...VISIT_STATUSES] }, startsAt: { lte: now } },
    _max: { startsAt: true },
  });
  const next = await db.booking.groupBy({
    by: ["customerId"],
    where: { tenantId: db.tenantId, customerId: { in: ids }, status: { in: [...UPCOMING_STATUSES] }, startsAt: { gt: now } },
    _min: { startsAt: true },
  });
  const lastBy = new Map(last.map((g) => [g.customerId, g._max.startsAt]));
  const nextBy = new Map(next.map((g) => [g.customerId, g._min.startsAt]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ ...r, lastBookingAt: lastBy.get(id) ?? null, nextBookingAt: nextBy.get(id) ?? null }] : [];
  });
}

/** Every tag on an active customer, alphabetically (for the filter). */
export async function listCustomerTags(db: TenantDb): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ tag: string }>>`
    SELECT DISTINCT t AS tag FROM "customers" c, unnest(c."tags") AS t
    WHERE c."tenant_id" = ${db.tenantId} AND c."merged_into_id" IS NULL
    ORDER BY 1 LIMIT 500`;
  return rows.map((r) => r.tag);
}
