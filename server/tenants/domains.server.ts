import { z } from "zod";
import { withGlobal, type TenantDb } from "../db/db.server";
import { Prisma } from "../db/generated/prisma/client";
import { env } from "../env.server";
import { Conflict, Invalid, NotFound } from "../errors/domain-errors";

/**
 * A tenant's custom domains. The tenant adds and removes them; only the platform marks one
 * verified (the database grants enforce it), and only verified domains serve the site.
 */
const HOSTNAME = /^(?=.{4,253}$)(?!-)([a-z0-9-]{1,63}(?<!-)\.)+[a-z]{2,63}$/;

export const ZHostnameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((h) => h.replace(/^https?:\/\//, "").replace(/\/.*$/, "").replace(/\.$/, ""))
  .refine((h) => HOSTNAME.test(h), { message: "validation.hostname" });

export async function listDomains(db: TenantDb) {
  return db.domain.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, hostname: true, kind: true, verifiedAt: true, createdAt: true } });
}

export async function addCustomDomain(db: TenantDb, rawHostname: string, actorUserId: string) {
  const parsed = ZHostnameSchema.safeParse(rawHostname);
  if (!parsed.success) throw Invalid("errors:validation.hostname", { hostname: "errors:validation.hostname" });
  const hostname = parsed.data;
  const root = env().APP_DOMAIN.toLowerCase();
  if (hostname === root || hostname.endsWith(`.${root}`)) throw Invalid("errors:domains.platformDomain", { hostname: "errors:domains.platformDomain" });
  // Another tenant's domain is invisible here (RLS): the unique index is what says "taken".
  // (Never open withGlobal inside withTenant: on the embedded database that waits forever.)
  const domain = await db.domain
    .create({ data: { tenantId: db.tenantId, hostname, kind: "CUSTOM" }, select: { id: true, hostname: true } })
    .catch((error: unknown) => {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw Conflict("errors:domains.taken", {}, { hostname: "errors:domains.taken" });
      throw error;
    });
  await db.auditEntry.create({ data: { tenantId: db.tenantId, actorUserId, action: "domain.added", targetType: "domain", targetId: domain.id, data: { hostname } } });
  return domain;
}

export async function removeCustomDomain(db: TenantDb, domainId: string, actorUserId: string) {
  const deleted = await db.domain.deleteMany({ where: { id: domainId } });
  if (deleted.count === 0) throw NotFound();
  await db.auditEntry.create({ data: { tenantId: db.tenantId, actorUserId, action: "domain.removed", targetType: "domain", targetId: domainId } });
}

/** Platform side: a domain whose DNS proved ownership starts serving its tenant's site. */
export async function markDomainVerified(domainId: string): Promise<void> {
  const updated = await withGlobal((g) => g.domain.updateMany({ where: { id: domainId }, data: { verifiedAt: new Date() } }));
  if (updated.count === 0) throw NotFound();
}
