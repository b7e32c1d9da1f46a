import { withGlobal, withGlobalThenTenant } from "../db/db.server";
import { NotFound } from "../errors/domain-errors";
import { emitEvent } from "../events/outbox.server";

/** Platform admins suspend or reactivate a business; its public page answers 404 while suspended. */
export async function setTenantStatus(
  tenantId: string,
  status: "ACTIVE" | "SUSPENDED",
  reason: string | null,
  actorUserId: string,
): Promise<void> {
  // State, audit row and outbox event commit together or not at all.
  await withGlobalThenTenant(
    tenantId,
    async (g) => {
      const updated = await g.tenant.updateMany({ where: { id: tenantId }, data: { status } });
      if (updated.count === 0) throw NotFound();
    },
    async (db) => {
      await db.auditEntry.create({
        data: {
          tenantId,
          actorUserId,
          action: status === "SUSPENDED" ? "tenant.suspended" : "tenant.reactivated",
          targetType: "tenant",
          targetId: tenantId,
          data: { reason },
        },
      });
      await emitEvent(db, "tenant/status-changed", { tenantId, status, reason });
    },
  );
}

export async function listTenantsForAdmin() {
  return withGlobal(async (g) => {
    const tenants = await g.tenant.findMany({
      orderBy: { createdAt: "desc" },
      take: 500,
      select: { id: true, slug: true, name: true, industryPackKey: true, status: true, createdAt: true, timeZone: true },
    });
    const counts = await g.membership.groupBy({ by: ["tenantId"], _count: { _all: true } });
    const members = new Map(counts.map((c) => [c.tenantId, c._count._all]));
    return tenants.map((t) => ({ ...t, members: members.get(t.id) ?? 0 }));
  });
}
