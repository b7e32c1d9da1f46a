import { describe, expect, it } from "vitest";
import { readOAuthState, signOAuthState } from "../../../server/calendar/oauth.server";
import { withTenant } from "../../../server/db/db.server";
import { readGrant } from "../../../server/calendar/tokens.server";
import { callerFor, createMember, createTestTenant } from "../../helpers/factories";
import { googleAuthorizationCode, googleRequestsTo } from "../../mocks/google";
import { setupMockServer } from "../../mocks/index";
import { connectGoogle, firstStaff, withGoogleCredentials } from "./support";

setupMockServer();
withGoogleCredentials();

describe("connecting Google Calendar", () => {
  it("start -> Google -> callback: stores the connection, the grant encrypted, and reads busy times", async () => {
    const t = await createTestTenant();
    const owner = callerFor(t.owner, t.id);
    const { url, nonce } = await owner.calendar.connectUrl({ staffId: null });
    const authorize = new URL(url);
    expect(authorize.origin + authorize.pathname).toBe("https://accounts.google.com/o/oauth2/v2/auth");
    expect(authorize.searchParams.get("redirect_uri")).toBe("http://localhost/oauth/google/callback");
    expect(authorize.searchParams.get("access_type")).toBe("offline");
    expect(authorize.searchParams.get("scope")).toContain("calendar.events");
    const state = authorize.searchParams.get("state")!;
    expect(readOAuthState(state)).toMatchObject({ tid: t.id, uid: t.owner.id, sid: null, n: nonce });

    const result = await owner.calendar.completeConnect({ code: googleAuthorizationCode("shop@example.com"), state, nonce });
    expect(result).toMatchObject({ reconnected: false, staffId: null, accountEmail: "shop@example.com" });

    const { connections, mode, unconnected } = await owner.calendar.connections();
    expect(mode).toBe("google");
    expect(connections).toHaveLength(1);
    expect(connections[0]).toMatchObject({
      id: result.connectionId,
      status: "CONNECTED",
      accountEmail: "shop@example.com",
      calendarId: "shop@example.com",
      consecutiveFailures: 0,
      lastError: null,
    });
    expect(unconnected.some((u) => u.staffId === null)).toBe(false);

    const { grant, secretRow } = await withTenant(t.id, async (db) => ({
      grant: await readGrant(db, result.connectionId),
      secretRow: await db.integrationSecret.findFirstOrThrow({ where: { provider: `google:${result.connectionId}` } }),
    }));
    expect(grant?.refreshToken).toMatch(/^1\/\/refresh\./);
    // Encrypted at rest: the stored row never holds the token in clear.
    expect(secretRow.ciphertext).not.toContain(grant!.refreshToken);
    const audit = await withTenant(t.id, (db) =>
      db.auditEntry.findFirst({ where: { action: "calendar.connected", targetId: result.connectionId } }),
    );
    expect(audit).not.toBeNull();
  });

  it("refuses a tampered, foreign, expired or cookie-less state, and never calls Google for it", async () => {
    const t = await createTestTenant();
    const owner = callerFor(t.owner, t.id);
    const { url, nonce } = await owner.calendar.connectUrl({ staffId: null });
    const state = new URL(url).searchParams.get("state")!;
    const [body, signature] = state.split(".");
    const payload = JSON.parse(Buffer.from(body, "base64url").toString());
    const code = googleAuthorizationCode("shop@example.com");
    const badState = { code: "BAD_REQUEST", message: "calendar:errors.badState" };

    // Payload changed (another staff target), signature kept.
    const forged = `${Buffer.from(JSON.stringify({ ...payload, sid: "someone-else" })).toString("base64url")}.${signature}`;
    await expect(owner.calendar.completeConnect({ code, state: forged, nonce })).rejects.toMatchObject(badState);
    // Signature changed.
    await expect(owner.calendar.completeConnect({ code, state: `${body}.${signature.slice(0, -2)}xx`, nonce })).rejects.toMatchObject(
      badState,
    );
    // Right state, but the browser has no (or another) nonce cookie: a link someone else started.
    await expect(owner.calendar.completeConnect({ code, state, nonce: null })).rejects.toMatchObject(badState);
    await expect(
      owner.calendar.completeConnect({ code, state, nonce: `${nonce.slice(0, -1)}${nonce.endsWith("x") ? "y" : "x"}` }),
    ).rejects.toMatchObject(badState);
    // Expired (validly signed, 11 minutes old).
    const expired = signOAuthState({ ...payload, exp: Math.floor(Date.now() / 1000) - 60 });
    await expect(owner.calendar.completeConnect({ code, state: expired, nonce })).rejects.toMatchObject(badState);
    // Another member of the same business replays the owner's state with the owner's nonce.
    const { user: manager } = await createMember(t.id, "MANAGER");
    await expect(callerFor(manager, t.id).calendar.completeConnect({ code, state, nonce })).rejects.toMatchObject(badState);
    // The same state used against another business the user owns.
    const other = await createTestTenant({ owner: t.owner });
    await expect(callerFor(t.owner, other.id).calendar.completeConnect({ code, state, nonce })).rejects.toMatchObject(badState);

    expect(googleRequestsTo("token")).toHaveLength(0);
    expect((await owner.calendar.connections()).connections).toHaveLength(0);
    // The genuine one still works.
    await expect(owner.calendar.completeConnect({ code, state, nonce })).resolves.toMatchObject({ reconnected: false });
  });

  it("connects a staff member's own calendar; managers may, but only owners touch the business calendar; staff may not manage", async () => {
    const t = await createTestTenant();
    const staff = await firstStaff(t.id);
    const { user: manager } = await createMember(t.id, "MANAGER");
    const { user: staffUser } = await createMember(t.id, "STAFF");
    await expect(callerFor(manager, t.id).calendar.connectUrl({ staffId: null })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(staffUser, t.id).calendar.connections()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await callerFor(staffUser, t.id).calendar.mode()).toEqual({ mode: "google" });
    await expect(callerFor(manager, t.id).calendar.connectUrl({ staffId: "00000000-0000-0000-0000-000000000000" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const result = await connectGoogle(t, "tech@example.com", { staffId: staff.id, user: { ...manager, lastTenantId: t.id } });
    const list = await callerFor(manager, t.id).calendar.connections();
    expect(list.canManageBusiness).toBe(false);
    expect(list.connections[0]).toMatchObject({ id: result.connectionId, staffId: staff.id, staffName: staff.name });
    expect(list.unconnected).toEqual([{ staffId: null, staffName: null }]);
  });

  it("a Google that refuses the code (reused or invalid) gives a plain error and stores nothing", async () => {
    const t = await createTestTenant();
    const owner = callerFor(t.owner, t.id);
    const { url, nonce } = await owner.calendar.connectUrl({ staffId: null });
    const state = new URL(url).searchParams.get("state")!;
    await expect(owner.calendar.completeConnect({ code: "4/not-a-real-code", state, nonce })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "calendar:errors.googleRefused",
    });
    expect((await owner.calendar.connections()).connections).toHaveLength(0);
  });

  it("tenant isolation: another business can neither see nor disconnect nor sync the connection (NOT_FOUND)", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const { connectionId } = await connectGoogle(a, "a-shop@example.com");
    const intruder = callerFor(b.owner, b.id);
    expect((await intruder.calendar.connections()).connections).toHaveLength(0);
    await expect(intruder.calendar.disconnect({ connectionId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(intruder.calendar.syncNow({ connectionId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Even A's own owner, working on another business of theirs, does not reach A's row from there.
    const c = await createTestTenant({ owner: a.owner });
    await expect(callerFor(a.owner, c.id).calendar.disconnect({ connectionId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await callerFor(a.owner, a.id).calendar.connections()).connections).toHaveLength(1);
  });

  it("disconnect removes the connection, its busy times and its grant; bookings stop waiting for it", async () => {
    const t = await createTestTenant();
    const { connectionId } = await connectGoogle(t, "shop@example.com");
    const owner = callerFor(t.owner, t.id);
    await owner.calendar.disconnect({ connectionId });
    const left = await withTenant(t.id, async (db) => ({
      connections: await db.calendarConnection.count(),
      blocks: await db.calendarBusyBlock.count({ where: { connectionId } }),
      secrets: await db.integrationSecret.count({ where: { provider: `google:${connectionId}` } }),
      audit: await db.auditEntry.count({ where: { action: "calendar.disconnected", targetId: connectionId } }),
    }));
    expect(left).toEqual({ connections: 0, blocks: 0, secrets: 0, audit: 1 });
    await expect(owner.calendar.disconnect({ connectionId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
