import { withGlobal } from "../db/db.server";
import type { TRole } from "./roles";

export interface UserTenant {
  tenantId: string;
  slug: string;
  name: string;
  role: TRole;
  status: "ACTIVE" | "SUSPENDED";
}

/** The businesses a user belongs to, with their role in each. */
export async function listUserTenants(userId: string): Promise<UserTenant[]> {
  return withGlobal(async (db) => {
    const memberships = await db.membership.findMany({
      where: { userId },
      select: { tenantId: true, role: true },
      orderBy: { createdAt: "asc" },
    });
    if (memberships.length === 0) return [];
    const tenants = await db.tenant.findMany({
      where: { id: { in: memberships.map((m) => m.tenantId) } },
      select: { id: true, slug: true, name: true, status: true },
    });
    const byId = new Map(tenants.map((t) => [t.id, t]));
    return memberships.flatMap((m) => {
      const t = byId.get(m.tenantId);
      return t ? [{ tenantId: t.id, slug: t.slug, name: t.name, role: m.role, status: t.status }] : [];
    });
  });
}
