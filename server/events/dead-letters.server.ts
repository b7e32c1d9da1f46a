import { withGlobal, withGlobalThenTenant } from "../db/db.server";
import { wakeRelayAfterCommit } from "./outbox.server";

/**
 * Dead letters: outbox events whose delivery failed maxAttempts times
 * (server/jobs/outbox-relay.server.ts). The relay never tries them again; a platform admin
 * looks at them on /admin/jobs and retries them once the cause is fixed.
 */

export interface DeadLetter {
  id: string;
  name: string;
  tenantId: string;
  tenantName: string;
  tenantSlug: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  deadAt: Date;
}

/** The most recent dead letters (newest death first) and how many there are in all. */
export async function listDeadLetters(params: { limit: number }): Promise<{ deadLetters: DeadLetter[]; total: number }> {
  const limit = Math.min(Math.max(1, Math.floor(params.limit)), 200);
  const where = { deadAt: { not: null }, deliveredAt: null };
  return withGlobal(async (g) => {
    const [rows, total] = await Promise.all([
      g.outboxEvent.findMany({
        where,
        orderBy: [{ deadAt: "desc" }, { id: "desc" }],
        take: limit,
        select: {
          id: true,
          name: true,
          tenantId: true,
          attempts: true,
          lastError: true,
          createdAt: true,
          deadAt: true,
          tenant: { select: { name: true, slug: true } },
        },
      }),
      g.outboxEvent.count({ where }),
    ]);
    return {
      total,
      deadLetters: rows.map(({ tenant, deadAt, ...row }) => ({
        ...row,
        deadAt: deadAt!,
        tenantName: tenant.name,
        tenantSlug: tenant.slug,
      })),
    };
  });
}

/**
 * Puts a dead letter back in line for delivery (attempts start again, at once) and records
 * who did it in the event's tenant audit log. False when the event is not a dead letter
 * (unknown, already delivered, or already retried).
 */
export async function retryDeadLetter(id: string, actorUserId: string): Promise<boolean> {
  const event = await withGlobal((g) =>
    g.outboxEvent.findFirst({ where: { id, deadAt: { not: null }, deliveredAt: null }, select: { tenantId: true } }),
  );
  if (!event) return false;
  return withGlobalThenTenant(
    event.tenantId,
    async (g) => {
      const dead = await g.outboxEvent.findFirst({
        where: { id, deadAt: { not: null }, deliveredAt: null },
        select: { name: true, attempts: true, lastError: true, deadAt: true },
      });
      if (!dead) return null;
      // The same condition again: of two admins pressing Retry at once, one revives it.
      const revived = await g.outboxEvent.updateMany({
        where: { id, deadAt: { not: null }, deliveredAt: null },
        data: { deadAt: null, attempts: 0, nextAttemptAt: null, leaseUntil: null },
      });
      return revived.count === 1 ? dead : null;
    },
    async (db, dead) => {
      if (!dead) return false;
      await db.auditEntry.create({
        data: {
          tenantId: db.tenantId,
          actorUserId,
          action: "outbox.deadLetterRetried",
          targetType: "outbox_event",
          targetId: id,
          data: { name: dead.name, attempts: dead.attempts, lastError: dead.lastError, deadAt: dead.deadAt?.toISOString() ?? null },
        },
      });
      wakeRelayAfterCommit(db);
      return true;
    },
  );
}
