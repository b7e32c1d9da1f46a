import { getTRPCErrorShape, TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { withGlobal, withTenant } from "../../../server/db/db.server";
import { appRouter } from "../../../server/trpc/router.server";
import { callerFor, createMember, createTestTenant, createTestUser, uid } from "../../helpers/factories";

async function failure(p: Promise<unknown>): Promise<TRPCError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

const messageIn = (error: TRPCError, locale: "en" | "es") =>
  (
    getTRPCErrorShape({
      config: appRouter._def._config,
      error,
      type: "mutation",
      path: undefined,
      input: undefined,
      ctx: { locale } as never,
    }) as { message: string }
  ).message;

const email = () => `${uid("invitee")}@test.example`;

describe("team invitations", () => {
  it("invite -> describe -> accept by the invited email: membership with the role, invitation used, member/joined event", async () => {
    const t = await createTestTenant();
    const owner = callerFor(t.owner, t.id);
    const address = email();
    const { invitationId, token } = await owner.team.invite({ email: `  ${address.toUpperCase()} `, role: "MANAGER" });
    expect(token.length).toBeGreaterThanOrEqual(40);

    const signedOut = callerFor(null);
    expect(await signedOut.team.describeInvitation({ token })).toEqual({
      tenantName: t.name,
      email: address,
      role: "MANAGER",
      status: "valid",
    });
    expect(await signedOut.team.describeInvitation({ token: "not-a-token" })).toBeNull();
    expect((await owner.team.list()).invitations.map((i) => ({ id: i.id, email: i.email, role: i.role }))).toEqual([
      { id: invitationId, email: address, role: "MANAGER" },
    ]);
    // Only a hash of the token is stored.
    const stored = await withTenant(t.id, (db) => db.invitation.findUniqueOrThrow({ where: { id: invitationId } }));
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.invitedByUserId).toBe(t.owner.id);

    expect((await failure(signedOut.team.acceptInvitation({ token }))).code).toBe("UNAUTHORIZED");

    const invitee = await createTestUser({ email: address });
    expect(await callerFor(invitee).team.acceptInvitation({ token })).toEqual({ tenantId: t.id });

    const after = await withTenant(t.id, async (db) => ({
      membership: await db.membership.findUnique({
        where: { tenantId_userId: { tenantId: t.id, userId: invitee.id } },
        select: { role: true },
      }),
      invitation: await db.invitation.findUniqueOrThrow({ where: { id: invitationId }, select: { acceptedAt: true, revokedAt: true } }),
      joined: await db.outboxEvent.findMany({ where: { name: "member/joined" }, select: { data: true } }),
      invited: await db.outboxEvent.count({ where: { name: "member/invited" } }),
      audit: await db.auditEntry.findMany({
        where: { action: { in: ["team.invited", "team.joined"] } },
        select: { action: true, actorUserId: true },
      }),
    }));
    expect(after.membership).toEqual({ role: "MANAGER" });
    expect(after.invitation.acceptedAt).toBeInstanceOf(Date);
    expect(after.invitation.revokedAt).toBeNull();
    expect(after.joined).toEqual([{ data: { tenantId: t.id, userId: invitee.id, role: "MANAGER" } }]);
    expect(after.invited).toBe(1);
    expect(after.audit.map((a) => a.action).sort()).toEqual(["team.invited", "team.joined"]);
    expect(await signedOut.team.describeInvitation({ token })).toMatchObject({ status: "used" });
    expect((await withGlobal((g) => g.user.findUniqueOrThrow({ where: { id: invitee.id } }))).lastTenantId).toBe(t.id);

    // The new manager works on the business at once, and the team page lists them.
    const team = await callerFor({ ...invitee, lastTenantId: t.id }).team.list();
    expect(team.myRole).toBe("MANAGER");
    expect(team.members.map((m) => [m.email, m.role]).sort()).toEqual(
      [
        [address, "MANAGER"],
        [t.owner.email, "OWNER"],
      ].sort(),
    );
    expect(team.invitations).toEqual([]);

    // A second accept is refused (by the same person or anyone else).
    const again = await failure(callerFor(invitee).team.acceptInvitation({ token }));
    expect(again.code).toBe("CONFLICT");
    expect(messageIn(again, "en")).toBe("This invitation was already used.");
    expect(await withTenant(t.id, (db) => db.outboxEvent.count({ where: { name: "member/joined" } }))).toBe(1);
  });

  it("a different email is refused (FORBIDDEN, naming the invited address) and nothing changes", async () => {
    const t = await createTestTenant();
    const address = email();
    const { token, invitationId } = await callerFor(t.owner, t.id).team.invite({ email: address, role: "STAFF" });
    const stranger = await createTestUser();
    const error = await failure(callerFor(stranger).team.acceptInvitation({ token }));
    expect(error.code).toBe("FORBIDDEN");
    expect(messageIn(error, "es")).toBe(`Esta invitación se envió a ${address}. Inicie sesión con ese correo para aceptarla.`);
    const state = await withTenant(t.id, async (db) => ({
      member: await db.membership.count({ where: { userId: stranger.id } }),
      inv: await db.invitation.findUniqueOrThrow({ where: { id: invitationId }, select: { acceptedAt: true } }),
    }));
    expect(state).toEqual({ member: 0, inv: { acceptedAt: null } });
    // The right person still can.
    const invitee = await createTestUser({ email: address });
    expect(await callerFor(invitee).team.acceptInvitation({ token })).toEqual({ tenantId: t.id });
  });

  it("expired and revoked invitations are refused", async () => {
    const t = await createTestTenant();
    const owner = callerFor(t.owner, t.id);
    const [expiredAddress, revokedAddress] = [email(), email()];
    const expired = await owner.team.invite({ email: expiredAddress, role: "STAFF" });
    await withTenant(t.id, (db) =>
      db.invitation.update({ where: { id: expired.invitationId }, data: { expiresAt: new Date(Date.now() - 1_000) } }),
    );
    const revoked = await owner.team.invite({ email: revokedAddress, role: "STAFF" });
    await owner.team.revokeInvitation({ invitationId: revoked.invitationId });

    expect(await callerFor(null).team.describeInvitation({ token: expired.token })).toMatchObject({ status: "expired" });
    expect(await callerFor(null).team.describeInvitation({ token: revoked.token })).toMatchObject({ status: "used" });

    const expiredUser = await createTestUser({ email: expiredAddress });
    const e1 = await failure(callerFor(expiredUser).team.acceptInvitation({ token: expired.token }));
    expect(e1.code).toBe("BAD_REQUEST");
    expect(messageIn(e1, "en")).toBe("This invitation has expired. Ask for a new one.");

    const revokedUser = await createTestUser({ email: revokedAddress });
    const e2 = await failure(callerFor(revokedUser).team.acceptInvitation({ token: revoked.token }));
    expect(e2.code).toBe("NOT_FOUND");

    expect(await withTenant(t.id, (db) => db.membership.count({ where: { userId: { in: [expiredUser.id, revokedUser.id] } } }))).toBe(0);
    // Revoking twice is NOT_FOUND; a new invitation to the same address replaces the pending one.
    expect((await failure(owner.team.revokeInvitation({ invitationId: revoked.invitationId }))).code).toBe("NOT_FOUND");
    const first = await owner.team.invite({ email: revokedAddress, role: "STAFF" });
    const second = await owner.team.invite({ email: revokedAddress, role: "MANAGER" });
    expect((await failure(callerFor(revokedUser).team.acceptInvitation({ token: first.token }))).code).toBe("NOT_FOUND");
    expect(await callerFor(revokedUser).team.acceptInvitation({ token: second.token })).toEqual({ tenantId: t.id });
  });

  it("MANAGER can invite STAFF only; STAFF cannot invite; an existing member cannot be invited", async () => {
    const t = await createTestTenant();
    const [manager, staff] = await Promise.all([createMember(t.id, "MANAGER"), createMember(t.id, "STAFF")]);
    const asManager = callerFor(manager.user, t.id);
    expect((await asManager.team.invite({ email: email(), role: "STAFF" })).token).toBeTruthy();
    const m1 = await failure(asManager.team.invite({ email: email(), role: "MANAGER" }));
    expect(m1.code).toBe("FORBIDDEN");
    expect(messageIn(m1, "en")).toBe("Your role can't give that role.");
    expect((await failure(asManager.team.invite({ email: email(), role: "OWNER" }))).code).toBe("FORBIDDEN");
    expect((await asManager.team.list()).assignableRoles).toEqual(["STAFF"]);

    const s1 = await failure(callerFor(staff.user, t.id).team.invite({ email: email(), role: "STAFF" }));
    expect(s1.code).toBe("FORBIDDEN");
    expect((await callerFor(staff.user, t.id).team.list()).assignableRoles).toEqual([]);

    const dup = await failure(callerFor(t.owner, t.id).team.invite({ email: staff.user.email, role: "STAFF" }));
    expect(dup.code).toBe("CONFLICT");
    expect(messageIn(dup, "en")).toBe("This person is already on your team.");
    // Only the manager's STAFF invitation was written.
    expect(await withTenant(t.id, (db) => db.invitation.count())).toBe(1);
  });
});

describe("team roles and removal", () => {
  it("the last OWNER cannot be demoted or removed; with a second owner they can", async () => {
    const t = await createTestTenant();
    const owner = callerFor(t.owner, t.id);
    const ownerMembership = (await owner.team.list()).members.find((m) => m.userId === t.owner.id)!;
    const demote = await failure(owner.team.changeRole({ membershipId: ownerMembership.membershipId, role: "MANAGER" }));
    expect(demote.code).toBe("CONFLICT");
    expect(messageIn(demote, "es")).toBe("Un negocio necesita al menos un dueño. Primero nombre dueño a otra persona.");
    expect((await failure(owner.team.remove({ membershipId: ownerMembership.membershipId }))).code).toBe("CONFLICT");
    expect(
      await withTenant(t.id, (db) =>
        db.membership.findUniqueOrThrow({ where: { id: ownerMembership.membershipId }, select: { role: true } }),
      ),
    ).toEqual({ role: "OWNER" });

    const second = await createMember(t.id, "MANAGER");
    await owner.team.changeRole({ membershipId: second.membershipId, role: "OWNER" });
    await owner.team.changeRole({ membershipId: ownerMembership.membershipId, role: "MANAGER" });
    const roles = await withTenant(t.id, (db) => db.membership.findMany({ select: { userId: true, role: true } }));
    expect(Object.fromEntries(roles.map((r) => [r.userId, r.role]))).toEqual({ [t.owner.id]: "MANAGER", [second.user.id]: "OWNER" });
    // Now the new owner is the last one: they cannot leave.
    expect((await failure(callerFor(second.user, t.id).team.remove({ membershipId: second.membershipId }))).code).toBe("CONFLICT");
    const audit = await withTenant(t.id, (db) => db.auditEntry.count({ where: { action: "team.roleChanged" } }));
    expect(audit).toBe(2);
  });

  it("only the OWNER changes roles; MANAGER removes STAFF but not a MANAGER; anyone may leave", async () => {
    const t = await createTestTenant();
    const [m1, m2, s1, s2] = await Promise.all([
      createMember(t.id, "MANAGER"),
      createMember(t.id, "MANAGER"),
      createMember(t.id, "STAFF"),
      createMember(t.id, "STAFF"),
    ]);
    expect((await failure(callerFor(m1.user, t.id).team.changeRole({ membershipId: s1.membershipId, role: "MANAGER" }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await failure(callerFor(m1.user, t.id).team.remove({ membershipId: m2.membershipId }))).code).toBe("FORBIDDEN");
    expect((await failure(callerFor(s1.user, t.id).team.remove({ membershipId: s2.membershipId }))).code).toBe("FORBIDDEN");
    await callerFor(m1.user, t.id).team.remove({ membershipId: s1.membershipId });
    await callerFor(s2.user, t.id).team.remove({ membershipId: s2.membershipId }); // leaving
    const left = await withTenant(t.id, (db) => db.membership.findMany({ select: { userId: true } }));
    expect(left.map((m) => m.userId).sort()).toEqual([t.owner.id, m1.user.id, m2.user.id].sort());
    // A removed member is no longer let in.
    expect((await failure(callerFor(s1.user, t.id).team.list())).code).toBe("FORBIDDEN");
  });

  it("cross-tenant: B's owner cannot change, remove or revoke anything of A's (NOT_FOUND)", async () => {
    const [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
    const staffA = await createMember(a.id, "STAFF");
    const invA = await callerFor(a.owner, a.id).team.invite({ email: email(), role: "STAFF" });
    const ownerAMembership = (await callerFor(a.owner, a.id).team.list()).members.find((m) => m.role === "OWNER")!.membershipId;
    const asB = callerFor(b.owner, b.id);

    for (const membershipId of [staffA.membershipId, ownerAMembership]) {
      const change = await failure(asB.team.changeRole({ membershipId, role: "OWNER" }));
      expect(change.code).toBe("NOT_FOUND");
      expect(messageIn(change, "en")).toBe("That team member wasn't found.");
      expect((await failure(asB.team.remove({ membershipId }))).code).toBe("NOT_FOUND");
    }
    expect((await failure(asB.team.revokeInvitation({ invitationId: invA.invitationId }))).code).toBe("NOT_FOUND");
    // Pointing the caller at A is refused outright for B's owner.
    expect((await failure(callerFor(b.owner, a.id).team.changeRole({ membershipId: staffA.membershipId, role: "OWNER" }))).code).toBe(
      "FORBIDDEN",
    );

    const aRows = await withTenant(a.id, async (db) => ({
      members: (await db.membership.findMany({ select: { id: true, role: true }, orderBy: { role: "asc" } })).map((m) => [m.id, m.role]),
      inv: await db.invitation.findUniqueOrThrow({ where: { id: invA.invitationId }, select: { revokedAt: true } }),
    }));
    expect(aRows.members).toEqual(
      expect.arrayContaining([
        [staffA.membershipId, "STAFF"],
        [ownerAMembership, "OWNER"],
      ]),
    );
    expect(aRows.members).toHaveLength(2);
    expect(aRows.inv.revokedAt).toBeNull();
  });
});
