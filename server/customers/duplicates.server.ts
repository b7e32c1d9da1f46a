import type { TenantDb } from "../db/db.server";
import { Prisma } from "../db/generated/prisma/client";
import { spellingVariants } from "../conversations/search-query";
import { customerNotFound } from "./customer-errors";
import type { TDuplicateCandidate, TDuplicateReason } from "./customers.types";
import { nameWords, namesLookAlike } from "./duplicate-names";
import { listItems } from "./search-customers.server";

const MAX_CANDIDATES = 10;

/**
 * Other active customers who are probably the same person: the same phone or email, or a
 * very similar name. Candidates come from the search index (any name word's first letters),
 * then each is judged by `namesLookAlike`. Strongest matches first.
 */
export async function findDuplicates(db: TenantDb, customerId: string, now = new Date()): Promise<TDuplicateCandidate[]> {
  const target = await db.customer.findFirst({ where: { id: customerId, tenantId: db.tenantId } });
  if (!target) throw customerNotFound();
  if (target.mergedIntoId) return [];
  const email = target.email?.toLowerCase() ?? null;
  const alternatives: Prisma.Sql[] = [];
  if (target.phone) alternatives.push(Prisma.sql`c."phone" = ${target.phone}`);
  if (email) alternatives.push(Prisma.sql`lower(c."email") = ${email}`);
  const stems = [
    ...new Set(
      nameWords(target.name)
        .filter((w) => w.length >= 2)
        .map((w) => w.slice(0, 3)),
    ),
  ].slice(0, 6);
  if (stems.length) {
    const tsQuery = stems
      .map(
        (s) =>
          `(${spellingVariants(s)
            .map((v) => `${v}:*`)
            .join(" | ")})`,
      )
      .join(" | ");
    alternatives.push(
      Prisma.sql`to_tsvector('simple', coalesce(c."name", '') || ' ' || coalesce(c."email", '') || ' ' || coalesce(c."phone", '')) @@ to_tsquery('simple', ${tsQuery})`,
    );
  }
  if (!alternatives.length) return [];
  const found = await db.$queryRaw<Array<{ id: string; name: string; phone: string | null; email: string | null; created_at: Date }>>`
    SELECT c."id", c."name", c."phone", c."email", c."created_at" FROM "customers" c
    WHERE c."tenant_id" = ${db.tenantId} AND c."merged_into_id" IS NULL AND c."id" <> ${target.id}
      AND (${Prisma.join(alternatives, " OR ")})
    ORDER BY c."created_at" LIMIT 200`;
  const judged = found
    .map((c) => {
      const reasons: TDuplicateReason[] = [];
      if (target.phone && c.phone === target.phone) reasons.push("phone");
      if (email && c.email?.toLowerCase() === email) reasons.push("email");
      if (namesLookAlike(target.name, c.name)) reasons.push("name");
      return { id: c.id, createdAt: c.created_at, reasons };
    })
    .filter((c) => c.reasons.length)
    .sort((a, b) => b.reasons.length - a.reasons.length || a.createdAt.getTime() - b.createdAt.getTime())
    .slice(0, MAX_CANDIDATES);
  const items = new Map(
    (
      await listItems(
        db,
        judged.map((j) => j.id),
        now,
      )
    ).map((i) => [i.id, i]),
  );
  return judged.flatMap((j) => {
    const item = items.get(j.id);
    return item ? [{ customer: { ...item, createdAt: j.createdAt }, reasons: j.reasons }] : [];
  });
}
