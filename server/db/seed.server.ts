import { hashPassword } from "../auth/password.server";
import { writeConfig } from "../config/config-service.server";
import { CLEANMACHINE_DEMO } from "../packs/demo/cleanmachine";
import { getPack } from "../packs";
import { createTenant } from "../tenants/create-tenant.server";
import { SESSION_USER_SELECT } from "../users/session-user";
import { withGlobal, withTenant } from "./db.server";

export interface DemoLogin {
  businessName: string;
  slug: string;
  email: string;
  password: string;
  adminEmail: string | null;
}

export const DEMO_ADMIN_EMAIL = "admin@servicepro.demo";
const STAFF_COLORS = ["#0f766e", "#b45309", "#7c3aed"];

/**
 * The demo business, seeded once on a fresh database: CleanMachine Mobile Detailing with
 * its owner, team, services, hours and customers, plus a platform admin. Idempotent.
 */
export async function seedDemo(options: { log?: (line: string) => void } = {}): Promise<DemoLogin> {
  const demo = CLEANMACHINE_DEMO;
  const login: DemoLogin = { businessName: demo.name, slug: demo.slug, email: demo.owner.email, password: demo.owner.password, adminEmail: DEMO_ADMIN_EMAIL };
  const existing = await withGlobal((g) => g.tenant.findUnique({ where: { slug: demo.slug }, select: { id: true } }));
  if (existing) return login;

  const passwordHash = await hashPassword(demo.owner.password);
  const ensureUser = (email: string, name: string, isPlatformAdmin = false) =>
    withGlobal(async (g) => {
      const found = await g.user.findUnique({ where: { email }, select: SESSION_USER_SELECT });
      return found ?? g.user.create({ data: { email, name, passwordHash, isPlatformAdmin }, select: SESSION_USER_SELECT });
    });

  const owner = await ensureUser(demo.owner.email, demo.owner.name);
  await ensureUser(DEMO_ADMIN_EMAIL, "ServicePro Admin", true);
  const team = await Promise.all(demo.team.map(async (m) => ({ ...m, user: await ensureUser(m.email, m.name) })));

  const pack = getPack("auto-detailing");
  const tenant = await createTenant(
    {
      businessName: demo.name,
      slug: demo.slug,
      packKey: pack.key,
      timeZone: demo.timeZone,
      locale: demo.defaultLocale,
      hours: pack.config.HOURS.weekly,
      services: pack.services.map((s) => ({ packServiceKey: s.key, name: s.name[demo.defaultLocale], durationMinutes: s.durationMinutes, priceCents: s.priceCents })),
    },
    owner,
  );

  await withTenant(tenant.id, async (db) => {
    for (const [i, m] of team.entries()) {
      const membership = await db.membership.create({ data: { tenantId: db.tenantId, userId: m.user.id, role: m.role } });
      await db.staff.create({ data: { tenantId: db.tenantId, membershipId: membership.id, name: m.name, color: STAFF_COLORS[i % STAFF_COLORS.length], sortOrder: i + 1 } });
    }
    await db.customer.createMany({
      data: demo.customers.map((c) => ({
        tenantId: db.tenantId,
        name: c.name,
        phone: c.phone,
        email: c.email ?? null,
        locale: c.locale,
        tags: c.tags ?? [],
        fields: { vehicles: c.vehicles ?? [] },
        notes: c.notes ?? null,
      })),
    });
    await writeConfig(db, "SITE", { contactPhone: demo.contactPhone, contactEmail: demo.contactEmail }, owner.id);
  });
  options.log?.(`seeded demo business ${demo.name} (/s/${demo.slug})`);
  return login;
}
