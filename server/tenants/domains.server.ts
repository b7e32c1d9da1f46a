import { z } from "zod";
import { withGlobal, withGlobalThenTenant, withTenant, type GlobalDb, type TenantDb } from "../db/db.server";
import { emitEvent } from "../events/outbox.server";
import { Prisma } from "../db/generated/prisma/client";
import { env } from "../env.server";
import { Conflict, Invalid, NotFound } from "../errors/domain-errors";
import { dns, type DnsPort } from "../integrations/dns";

/**
 * A tenant's custom domains. The tenant adds and removes them; only the platform marks one
 * verified (the database grants enforce it), and only verified domains serve the site.
 */
const HOSTNAME = /^(?=.{4,253}$)(?!-)([a-z0-9-]{1,63}(?<!-)\.)+[a-z]{2,63}$/;

export const ZHostnameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((h) =>
    h
      .replace(/^https?:\/\//, "")
      .replace(/\/.*$/, "")
      .replace(/\.$/, ""),
  )
  .refine((h) => HOSTNAME.test(h), { message: "validation.hostname" });

export async function listDomains(db: TenantDb) {
  return db.domain.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, hostname: true, kind: true, verifiedAt: true, createdAt: true },
  });
}

/**
 * Claims a hostname for the tenant. A claim holds nothing until its TXT record is verified:
 * only a hostname another tenant already verified is refused, and the refusal never says who.
 */
export async function addCustomDomain(tenantId: string, rawHostname: string, actorUserId: string) {
  const parsed = ZHostnameSchema.safeParse(rawHostname);
  if (!parsed.success) throw Invalid("errors:validation.hostname", { hostname: "errors:validation.hostname" });
  const hostname = parsed.data;
  const root = env().APP_DOMAIN.toLowerCase();
  if (hostname === root || hostname.endsWith(`.${root}`))
    throw Invalid("errors:domains.platformDomain", { hostname: "errors:domains.platformDomain" });
  // Another tenant's rows are invisible to the tenant role (RLS): the global role looks first,
  // in the same transaction. (Never open withGlobal inside withTenant: on the embedded database that waits forever.)
  return withGlobalThenTenant(
    tenantId,
    async (g) => {
      if (await connectedElsewhere(g, hostname, tenantId)) throw taken();
    },
    async (db) => {
      const domain = await db.domain
        .create({ data: { tenantId: db.tenantId, hostname, kind: "CUSTOM" }, select: { id: true, hostname: true } })
        .catch((error: unknown) => {
          if (isUniqueViolation(error)) throw Conflict("errors:domains.alreadyAdded", {}, { hostname: "errors:domains.alreadyAdded" });
          throw error;
        });
      await db.auditEntry.create({
        data: { tenantId: db.tenantId, actorUserId, action: "domain.added", targetType: "domain", targetId: domain.id, data: { hostname } },
      });
      return domain;
    },
    { userId: actorUserId },
  );
}

/** Refusal of a hostname another tenant verified: no name, slug or id of that tenant. */
const taken = () => Conflict("errors:domains.taken", {}, { hostname: "errors:domains.taken" });

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

async function connectedElsewhere(g: GlobalDb, hostname: string, tenantId: string): Promise<boolean> {
  const verified = await g.domain.findFirst({ where: { hostname, verifiedAt: { not: null } }, select: { tenantId: true } });
  return verified !== null && verified.tenantId !== tenantId;
}

export async function removeCustomDomain(db: TenantDb, domainId: string, actorUserId: string) {
  const deleted = await db.domain.deleteMany({ where: { id: domainId } });
  if (deleted.count === 0) throw NotFound();
  await db.auditEntry.create({
    data: { tenantId: db.tenantId, actorUserId, action: "domain.removed", targetType: "domain", targetId: domainId },
  });
}

/** Platform side: a domain whose DNS proved ownership starts serving its tenant's site. */
export async function markDomainVerified(domainId: string): Promise<void> {
  await withGlobal((g) => setDomainVerified(g, domainId));
}

/**
 * The first verification of a hostname wins it: refused when another tenant verified it
 * first (the partial unique index settles two at once), and the other tenants' pending
 * claims of it are removed. Returns false when it was already verified.
 */
async function setDomainVerified(g: GlobalDb, domainId: string): Promise<boolean> {
  const domain = await g.domain.findUnique({ where: { id: domainId }, select: { tenantId: true, hostname: true } });
  if (!domain) throw NotFound();
  if (await connectedElsewhere(g, domain.hostname, domain.tenantId)) throw taken();
  const updated = await g.domain
    .updateMany({ where: { id: domainId, verifiedAt: null }, data: { verifiedAt: new Date() } })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw taken();
      throw error;
    });
  if (updated.count === 0) return false; // verified a moment ago by its own tenant (a second click)
  await g.domain.deleteMany({ where: { hostname: domain.hostname, verifiedAt: null, tenantId: { not: domain.tenantId } } });
  return true;
}

/** Where the owner proves control of a domain, and what the record must say. */
export function verificationRecord(domain: { id: string; hostname: string }) {
  return { name: `_servicepro.${domain.hostname}`, value: `servicepro-verify=${domain.id}` };
}

/**
 * Checks the domain's TXT record and, when it proves ownership, starts serving the site on
 * it. The DNS lookup happens outside any transaction. Returns whether it is verified now.
 */
export async function verifyCustomDomain(
  tenantId: string,
  domainId: string,
  actorUserId: string,
  resolver: DnsPort = dns(),
): Promise<boolean> {
  const domain = await withTenant(tenantId, (db) =>
    db.domain.findUnique({ where: { id: domainId }, select: { id: true, hostname: true, verifiedAt: true } }),
  );
  if (!domain) throw NotFound();
  if (domain.verifiedAt) return true;
  const record = verificationRecord(domain);
  const values = await resolver.txt(record.name);
  if (!values.some((v) => v.trim() === record.value)) return false;
  // The verification (and the removal of other tenants' pending claims), its audit row and
  // its event commit together or not at all.
  await withGlobalThenTenant(
    tenantId,
    (g) => setDomainVerified(g, domain.id),
    async (db, newlyVerified) => {
      if (!newlyVerified) return;
      await db.auditEntry.create({
        data: {
          tenantId,
          actorUserId,
          action: "domain.verified",
          targetType: "domain",
          targetId: domain.id,
          data: { hostname: domain.hostname },
        },
      });
      await emitEvent(db, "domain/verified", { tenantId, domainId: domain.id, hostname: domain.hostname });
    },
  );
  return true;
}
