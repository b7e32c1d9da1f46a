import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { withGlobal, withTenant, type TenantDb } from "../db/db.server";
import { Conflict, Forbidden, Invalid, NotFound } from "../errors/domain-errors";
import { emitEvent } from "../events/outbox.server";
import type { SessionUser } from "../users/session-user";
import { setLastTenant, ZEmailSchema } from "../users/users.server";
import { takeOffSchedule } from "../scheduling/working-staff.server";
import { assignableRoles, can, ROLES, type TRole } from "./roles";

/** Invitations live 7 days; the token is shown once and stored only as a hash. */
const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const ZRoleSchema = z.enum(ROLES);
export const ZInviteMemberSchema = z.object({ email: ZEmailSchema, role: ZRoleSchema }).strict();

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export interface TeamMember {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: TRole;
  joinedAt: Date;
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: TRole;
  expiresAt: Date;
  createdAt: Date;
}

export async function listTeam(db: TenantDb): Promise<{ members: TeamMember[]; invitations: PendingInvitation[] }> {
  const [memberships, invitations] = await Promise.all([
    db.membership.findMany({ include: { user: { select: { name: true, email: true } } }, orderBy: { createdAt: "asc" } }),
    db.invitation.findMany({
      where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  return {
    members: memberships.map((m) => ({
      membershipId: m.id,
      userId: m.userId,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      joinedAt: m.createdAt,
    })),
    invitations,
  };
}

/** Invites a person by email. Returns the one-time token for the accept link. */
export async function inviteMember(
  db: TenantDb,
  input: z.infer<typeof ZInviteMemberSchema>,
  actor: { userId: string; role: TRole },
): Promise<{ invitationId: string; token: string }> {
  if (!assignableRoles(actor.role).includes(input.role)) throw Forbidden("errors:team.cannotAssignRole");
  const existingMember = await db.membership.findFirst({ where: { user: { email: input.email } }, select: { id: true } });
  if (existingMember) throw Conflict("errors:team.alreadyMember", {}, { email: "errors:team.alreadyMember" });
  // A new invitation to the same address replaces the pending one.
  await db.invitation.updateMany({ where: { email: input.email, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  const token = randomBytes(32).toString("base64url");
  const invitation = await db.invitation.create({
    data: {
      tenantId: db.tenantId,
      email: input.email,
      role: input.role,
      tokenHash: hashToken(token),
      invitedByUserId: actor.userId,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    },
  });
  await db.auditEntry.create({
    data: {
      tenantId: db.tenantId,
      actorUserId: actor.userId,
      action: "team.invited",
      targetType: "invitation",
      targetId: invitation.id,
      data: { email: input.email, role: input.role },
    },
  });
  await emitEvent(db, "member/invited", { tenantId: db.tenantId, invitationId: invitation.id, email: input.email, role: input.role });
  return { invitationId: invitation.id, token };
}

export async function revokeInvitation(db: TenantDb, invitationId: string, actor: { userId: string; role: TRole }): Promise<void> {
  const inv = await db.invitation.findUnique({ where: { id: invitationId } });
  if (!inv || inv.acceptedAt || inv.revokedAt) throw NotFound("errors:team.invitationNotFound");
  if (!assignableRoles(actor.role).includes(inv.role)) throw Forbidden("errors:team.cannotAssignRole");
  await db.invitation.update({ where: { id: inv.id }, data: { revokedAt: new Date() } });
  await db.auditEntry.create({
    data: {
      tenantId: db.tenantId,
      actorUserId: actor.userId,
      action: "team.invitationRevoked",
      targetType: "invitation",
      targetId: inv.id,
    },
  });
}

/** What the accept page shows before the person accepts. */
export async function describeInvitation(
  token: string,
): Promise<{ tenantName: string; email: string; role: TRole; status: "valid" | "expired" | "used" } | null> {
  if (!token || token.length > 200) return null;
  return withGlobal(async (g) => {
    const inv = await g.invitation.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!inv) return null;
    const tenant = await g.tenant.findUnique({ where: { id: inv.tenantId }, select: { name: true } });
    if (!tenant) return null;
    const status = inv.acceptedAt || inv.revokedAt ? "used" : inv.expiresAt <= new Date() ? "expired" : "valid";
    return { tenantName: tenant.name, email: inv.email, role: inv.role, status };
  });
}

/** The signed-in user accepts an invitation sent to their email address. */
export async function acceptInvitation(token: string, user: SessionUser): Promise<{ tenantId: string }> {
  const inv = await withGlobal((g) => g.invitation.findUnique({ where: { tokenHash: hashToken(token) } }));
  if (!inv || inv.revokedAt) throw NotFound("errors:team.invitationNotFound");
  if (inv.acceptedAt) throw Conflict("errors:team.invitationUsed");
  if (inv.expiresAt <= new Date()) throw Invalid("errors:team.invitationExpired");
  if (inv.email.toLowerCase() !== user.email.toLowerCase()) throw Forbidden("errors:team.invitationOtherEmail", { email: inv.email });
  await withTenant(
    inv.tenantId,
    async (db) => {
      const claimed = await db.invitation.updateMany({
        where: { id: inv.id, acceptedAt: null, revokedAt: null },
        data: { acceptedAt: new Date() },
      });
      if (claimed.count !== 1) throw Conflict("errors:team.invitationUsed");
      const existing = await db.membership.findUnique({ where: { tenantId_userId: { tenantId: db.tenantId, userId: user.id } } });
      if (!existing) await db.membership.create({ data: { tenantId: db.tenantId, userId: user.id, role: inv.role } });
      await db.auditEntry.create({
        data: {
          tenantId: db.tenantId,
          actorUserId: user.id,
          action: "team.joined",
          targetType: "membership",
          targetId: user.id,
          data: { role: inv.role },
        },
      });
      await emitEvent(db, "member/joined", { tenantId: db.tenantId, userId: user.id, role: inv.role });
    },
    { userId: user.id },
  );
  await setLastTenant(user.id, inv.tenantId);
  return { tenantId: inv.tenantId };
}

export async function changeMemberRole(
  db: TenantDb,
  membershipId: string,
  role: TRole,
  actor: { userId: string; role: TRole },
): Promise<void> {
  if (!can(actor.role, "team.manage")) throw Forbidden("errors:team.cannotAssignRole");
  const owners = await lockOwners(db, actor);
  const m = await db.membership.findUnique({ where: { id: membershipId } });
  if (!m) throw NotFound("errors:team.memberNotFound");
  if (m.role === "OWNER" && role !== "OWNER") assertAnotherOwner(owners, m.id);
  await db.membership.update({ where: { id: m.id }, data: { role } });
  await db.auditEntry.create({
    data: {
      tenantId: db.tenantId,
      actorUserId: actor.userId,
      action: "team.roleChanged",
      targetType: "membership",
      targetId: m.id,
      data: { from: m.role, to: role },
    },
  });
}

export async function removeMember(db: TenantDb, membershipId: string, actor: { userId: string; role: TRole }): Promise<void> {
  const owners = await lockOwners(db, actor);
  const m = await db.membership.findUnique({ where: { id: membershipId } });
  if (!m) throw NotFound("errors:team.memberNotFound");
  const removingSelf = m.userId === actor.userId;
  if (!removingSelf && !assignableRoles(actor.role).includes(m.role)) throw Forbidden("errors:team.cannotRemove");
  if (m.role === "OWNER") assertAnotherOwner(owners, m.id);
  // Before the delete: its ON DELETE SET NULL would unlink the staff row from the member.
  const { staffId } = await takeOffSchedule(db, m.id);
  await db.membership.delete({ where: { id: m.id } });
  await db.auditEntry.create({
    data: {
      tenantId: db.tenantId,
      actorUserId: actor.userId,
      action: "team.removed",
      targetType: "membership",
      targetId: m.id,
      data: { userId: m.userId, role: m.role, staffId },
    },
  });
}

/**
 * Locks the tenant's owner memberships until the transaction ends and returns them. Two owners
 * demoting or removing each other at once would each count the other as "another owner" and
 * leave the business with none; with the lock the second waits and counts again after the first
 * committed. An actor who was an owner when the request began but no longer is acts as nobody.
 */
async function lockOwners(db: TenantDb, actor: { userId: string; role: TRole }): Promise<Array<{ id: string; userId: string }>> {
  const owners = await db.$queryRaw<Array<{ id: string; userId: string }>>`
    SELECT id, user_id AS "userId" FROM memberships
    WHERE tenant_id = ${db.tenantId} AND role = 'OWNER'
    ORDER BY id
    FOR UPDATE`;
  if (actor.role === "OWNER" && !owners.some((o) => o.userId === actor.userId)) throw Forbidden("errors:forbidden");
  return owners;
}

function assertAnotherOwner(owners: Array<{ id: string }>, exceptMembershipId: string) {
  if (!owners.some((o) => o.id !== exceptMembershipId)) throw Conflict("errors:team.lastOwner");
}
