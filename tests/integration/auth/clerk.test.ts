import { randomBytes, randomUUID } from "node:crypto";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetClerkClient, userForClerkId } from "#server/auth/clerk.server";
import { clerkRootLoader } from "#server/auth/clerk-root-loader.server";
import { authProvider, getSessionUser } from "#server/auth/identity.server";
import { withGlobal } from "#server/db/db.server";
import { resetEnvCache } from "#server/env.server";
import { createTrpcContext } from "#server/trpc/context.server";
import { appRouter } from "#server/trpc/router.server";
import { createUser } from "#server/users/users.server";
import { setupMockServer } from "#tests/mocks";
import { clerkRequests, clerkUserFetches, registerClerkUser } from "#tests/mocks/clerk";

/**
 * Clerk sign-in without Clerk: session tokens are signed here with our own RSA key and
 * verified networklessly against CLERK_JWT_KEY. The only outside call allowed is the
 * profile fetch on a user's first sight, answered by tests/mocks/clerk.ts; any other
 * request fails the test.
 */
setupMockServer();

const FRONTEND_API = "clerk.servicepro.test";
const CLERK_ENV = ["CLERK_JWT_KEY", "CLERK_SECRET_KEY", "CLERK_PUBLISHABLE_KEY", "APP_URL", "PLATFORM_ADMIN_EMAILS"] as const;
const savedEnv = Object.fromEntries(CLERK_ENV.map((k) => [k, process.env[k]]));

let signingKey: CryptoKey;
let strangerKey: CryptoKey;

function useClerkEnv(overrides: Partial<Record<(typeof CLERK_ENV)[number], string | undefined>> = {}) {
  Object.assign(process.env, { APP_URL: undefined, PLATFORM_ADMIN_EMAILS: undefined, ...overrides });
  for (const k of CLERK_ENV) if (process.env[k] === undefined || process.env[k] === "undefined") delete process.env[k];
  resetEnvCache();
  resetClerkClient();
}

beforeAll(async () => {
  const pair = await generateKeyPair("RS256", { extractable: true });
  signingKey = pair.privateKey;
  strangerKey = (await generateKeyPair("RS256")).privateKey;
  process.env.CLERK_JWT_KEY = await exportSPKI(pair.publicKey);
  process.env.CLERK_SECRET_KEY = `sk_live_${randomBytes(30).toString("base64url")}`;
  // A live-format key (base64 of "<frontend api host>$"): no development-instance handshake.
  process.env.CLERK_PUBLISHABLE_KEY = `pk_live_${Buffer.from(`${FRONTEND_API}$`).toString("base64")}`;
  useClerkEnv();
});

beforeEach(() => useClerkEnv());

afterAll(() => {
  for (const k of CLERK_ENV) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
  resetEnvCache();
  resetClerkClient();
});

interface TokenOptions {
  key?: CryptoKey;
  /** Seconds from now. */
  expiresIn?: number;
  notBeforeIn?: number;
  issuedAgo?: number;
  azp?: string;
}

async function sessionToken(clerkUserId: string, o: TokenOptions = {}): Promise<{ token: string; iat: number }> {
  const now = Math.floor(Date.now() / 1000);
  const iat = now - (o.issuedAgo ?? 2);
  const token = await new SignJWT({ sid: `sess_${randomBytes(12).toString("base64url")}`, ...(o.azp ? { azp: o.azp } : {}) })
    .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: "ins_test" })
    .setIssuer(`https://${FRONTEND_API}`)
    .setSubject(clerkUserId)
    .setIssuedAt(iat)
    .setNotBefore(now + (o.notBeforeIn ?? -10))
    .setExpirationTime(now + (o.expiresIn ?? 60))
    .sign(o.key ?? signingKey);
  return { token, iat };
}

const bearerRequest = (token: string, path = "/dashboard") =>
  new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${token}` } });
const uniqueEmail = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}@clerk.example`;
const userRowByClerkId = (clerkUserId: string) => withGlobal((db) => db.user.findUnique({ where: { clerkUserId } }));

describe("Clerk session tokens (Bearer)", () => {
  it("runs in Clerk mode with these keys", () => {
    expect(authProvider()).toBe("clerk");
  });

  it("creates the user on first sight from Clerk's profile, then finds it by clerk_user_id with no further Clerk call", async () => {
    const email = uniqueEmail("First.Sight");
    const clerkUser = registerClerkUser({ email, firstName: "Ana", lastName: "López" });
    const { token } = await sessionToken(clerkUser.id);

    const first = await getSessionUser(bearerRequest(token));
    expect(first).toMatchObject({ email: email.toLowerCase(), name: "Ana López", isPlatformAdmin: false });
    expect(clerkUserFetches(clerkUser.id)).toHaveLength(1);
    // The Backend API call is authenticated with the secret key.
    expect(clerkRequests[0]!.authorization).toBe(`Bearer ${process.env.CLERK_SECRET_KEY}`);
    expect((await userRowByClerkId(clerkUser.id))?.id).toBe(first!.id);

    const second = await getSessionUser(bearerRequest((await sessionToken(clerkUser.id)).token));
    expect(second?.id).toBe(first!.id);
    expect(clerkRequests).toHaveLength(1);
  });

  it("fetches the profile once when the same new user arrives twice at once (root and page loaders)", async () => {
    const clerkUser = registerClerkUser({ email: uniqueEmail("parallel") });
    const { token } = await sessionToken(clerkUser.id);
    const [a, b, c] = await Promise.all([userForClerkId(clerkUser.id), userForClerkId(clerkUser.id), getSessionUser(bearerRequest(token))]);
    expect(a.id).toBeDefined();
    expect([b.id, c?.id]).toEqual([a.id, a.id]);
    expect(clerkUserFetches(clerkUser.id)).toHaveLength(1);
  });

  it("links an existing local user whose email Clerk has verified", async () => {
    const email = uniqueEmail("local");
    const local = await createUser({ email, name: "Local Person", passwordHash: "scrypt$x" });
    const clerkUser = registerClerkUser({ email: email.toUpperCase(), verified: true });

    const user = await getSessionUser(bearerRequest((await sessionToken(clerkUser.id)).token));
    expect(user?.id).toBe(local.id);
    expect(user?.name).toBe("Local Person");
    expect((await userRowByClerkId(clerkUser.id))?.id).toBe(local.id);
  });

  it("does not link an existing user through an unverified email", async () => {
    const email = uniqueEmail("unverified");
    const local = await createUser({ email, name: "Victim", passwordHash: "scrypt$x" });
    const clerkUser = registerClerkUser({ email, verified: false });

    await expect(getSessionUser(bearerRequest((await sessionToken(clerkUser.id)).token))).rejects.toMatchObject({ kind: "Forbidden" });
    const row = await withGlobal((db) => db.user.findUnique({ where: { id: local.id } }));
    expect(row?.clerkUserId).toBeNull();
    expect(await userRowByClerkId(clerkUser.id)).toBeNull();
  });

  it("does not move an account already linked to another Clerk user", async () => {
    const email = uniqueEmail("taken");
    const owner = registerClerkUser({ email });
    const linked = await getSessionUser(bearerRequest((await sessionToken(owner.id)).token));
    const impostor = registerClerkUser({ email, verified: true });

    await expect(getSessionUser(bearerRequest((await sessionToken(impostor.id)).token))).rejects.toMatchObject({ kind: "Forbidden" });
    expect((await userRowByClerkId(owner.id))?.id).toBe(linked!.id);
    expect(await userRowByClerkId(impostor.id)).toBeNull();
  });

  it("makes a platform admin of an admin address only once Clerk has verified it", async () => {
    const unverifiedAdmin = uniqueEmail("admin-unverified");
    const verifiedAdmin = uniqueEmail("admin-verified");
    useClerkEnv({ PLATFORM_ADMIN_EMAILS: `${unverifiedAdmin},${verifiedAdmin}` });
    const squatter = registerClerkUser({ email: unverifiedAdmin, verified: false, otherEmails: [uniqueEmail("own")] });
    const staff = registerClerkUser({ email: verifiedAdmin.toUpperCase(), verified: true });

    const notAdmin = await getSessionUser(bearerRequest((await sessionToken(squatter.id)).token));
    expect(notAdmin).toMatchObject({ email: unverifiedAdmin, isPlatformAdmin: false });
    expect((await userRowByClerkId(squatter.id))?.isPlatformAdmin).toBe(false);

    const admin = await getSessionUser(bearerRequest((await sessionToken(staff.id)).token));
    expect(admin).toMatchObject({ email: verifiedAdmin, isPlatformAdmin: true });
  });

  it("resolves to no user for an expired, not-yet-valid or wrongly signed token, without calling Clerk", async () => {
    const clerkUser = registerClerkUser({ email: uniqueEmail("rejected") });
    const expired = await sessionToken(clerkUser.id, { issuedAgo: 120, expiresIn: -60 });
    const early = await sessionToken(clerkUser.id, { notBeforeIn: 120 });
    const forged = await sessionToken(clerkUser.id, { key: strangerKey });

    for (const { token } of [expired, early, forged]) expect(await getSessionUser(bearerRequest(token))).toBeNull();
    expect(await getSessionUser(bearerRequest("not-a-jwt"))).toBeNull();
    expect(await getSessionUser(new Request("http://localhost/dashboard"))).toBeNull();
    expect(clerkRequests).toEqual([]);
    expect(await userRowByClerkId(clerkUser.id)).toBeNull();
  });

  it("accepts only tokens made for APP_URL's origin when APP_URL is set", async () => {
    useClerkEnv({ APP_URL: "https://app.servicepro.test" });
    const clerkUser = registerClerkUser({ email: uniqueEmail("azp") });
    const foreign = await sessionToken(clerkUser.id, { azp: "https://evil.example" });
    expect(await getSessionUser(bearerRequest(foreign.token))).toBeNull();
    const ours = await sessionToken(clerkUser.id, { azp: "https://app.servicepro.test" });
    expect((await getSessionUser(bearerRequest(ours.token)))?.email).toBe(clerkUser.email_addresses[0]!.email_address);
  });
});

describe("tRPC over HTTP with a Clerk Bearer token", () => {
  const callTrpc = (path: string, init: RequestInit = {}) => {
    const req = new Request(`http://localhost/api/trpc/${path}`, init);
    return fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: () => createTrpcContext(req) });
  };

  it("answers me.get with the signed-in user", async () => {
    const email = uniqueEmail("trpc");
    const clerkUser = registerClerkUser({ email, firstName: "Bea", lastName: null });
    const { token } = await sessionToken(clerkUser.id);

    const res = await callTrpc("me.get", { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { data: { user: { email: string; name: string } | null; tenants: unknown[] } } };
    expect(body.result.data.user).toMatchObject({ email, name: "Bea" });
    expect(body.result.data.tenants).toEqual([]);
  });

  it("answers me.get with no user, and refuses an authed procedure, without a valid token", async () => {
    const anonymous = await callTrpc("me.get");
    expect(((await anonymous.json()) as { result: { data: { user: unknown } } }).result.data.user).toBeNull();

    const forged = await sessionToken(registerClerkUser({ email: uniqueEmail("forged") }).id, { key: strangerKey });
    const refused = await callTrpc("me.updatePreferences", {
      method: "POST",
      headers: { authorization: `Bearer ${forged.token}`, "content-type": "application/json" },
      body: JSON.stringify({ dashboardMode: "ADVANCED" }),
    });
    expect(refused.status).toBe(401);
    expect(clerkRequests).toEqual([]);
  });
});

describe("the root loader in Clerk mode (cookie session)", () => {
  const loaderArgs = (request: Request) => ({ request, params: {}, context: {} });
  const cookieRequest = (cookies: Record<string, string | number>, path = "/") =>
    new Request(`http://localhost${path}`, {
      headers: {
        cookie: Object.entries(cookies)
          .map(([k, v]) => `${k}=${v}`)
          .join("; "),
        accept: "text/html",
        "sec-fetch-dest": "document",
      },
    });

  it("merges our root data with Clerk's clerkState for a signed-in session", async () => {
    const email = uniqueEmail("root");
    const clerkUser = registerClerkUser({ email, firstName: "Carla", lastName: "Díaz" });
    const { token, iat } = await sessionToken(clerkUser.id);
    const { loader } = await import("~/root");

    const response = (await loader(loaderArgs(cookieRequest({ __session: token, __client_uat: iat }, "/?lng=es")))) as Response;
    const body = (await response.json()) as {
      locale: string;
      user: { email: string; name: string } | null;
      authProvider: string;
      clerkState: { __internal_clerk_state: { __clerk_ssr_state: { userId: string }; __publishableKey: string; __signInUrl: string } };
    };
    expect(body).toMatchObject({ locale: "es", authProvider: "clerk", user: { email, name: "Carla Díaz" } });
    expect(body.clerkState.__internal_clerk_state).toMatchObject({
      __clerk_ssr_state: { userId: clerkUser.id },
      __publishableKey: process.env.CLERK_PUBLISHABLE_KEY,
      __signInUrl: "/sign-in",
    });
    // ?lng= is remembered, as in the local mode.
    expect(response.headers.get("set-cookie")).toMatch(/^lng=/);
    expect(clerkUserFetches(clerkUser.id)).toHaveLength(1);
  });

  it("answers a signed-out visitor with clerkState and no user", async () => {
    const { loader } = await import("~/root");
    const body = (await ((await loader(loaderArgs(cookieRequest({})))) as Response).json()) as { user: unknown; clerkState: unknown };
    expect(body.user).toBeNull();
    expect(body.clerkState).toBeDefined();
  });

  it("passes Clerk's handshake redirect through when the session cookie must be refreshed", async () => {
    const response = await clerkRootLoader(
      loaderArgs(cookieRequest({ __client_uat: Math.floor(Date.now() / 1000) })),
      async () => ({}),
    ).catch((e: unknown) => e);
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).status).toBe(307);
    expect((response as Response).headers.get("location")).toContain(`https://${FRONTEND_API}/v1/client/handshake`);
  });
});
