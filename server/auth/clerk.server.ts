import { createClerkClient, type ClerkClient } from "@clerk/backend";
import { withGlobal } from "../db/db.server";
import { env, isClerkConfigured } from "../env.server";
import { logger } from "../observability/logger.server";
import { SESSION_USER_SELECT, type SessionUser } from "../users/session-user";

/**
 * Clerk sign-in, used when CLERK_SECRET_KEY and CLERK_PUBLISHABLE_KEY are set. Session
 * tokens (the __session cookie or a Bearer header) are verified with CLERK_JWT_KEY when it
 * is set: no network call at all. A Clerk user is linked to a ServicePro user on first
 * sight (by Clerk id, else by verified primary email).
 */
let client: ClerkClient | undefined;

export function clerkClient(): ClerkClient {
  const e = env();
  if (!isClerkConfigured(e)) throw new Error("Clerk is not configured");
  client ??= createClerkClient({ secretKey: e.CLERK_SECRET_KEY, publishableKey: e.CLERK_PUBLISHABLE_KEY, jwtKey: e.CLERK_JWT_KEY });
  return client;
}

/** Forget the cached client (tests change keys between cases). */
export function resetClerkClient(): void {
  client = undefined;
}

/** The Clerk user id of a request, or null when it carries no valid session token. */
export async function clerkUserIdOf(request: Request): Promise<string | null> {
  const e = env();
  const state = await clerkClient().authenticateRequest(request, {
    jwtKey: e.CLERK_JWT_KEY,
    authorizedParties: e.APP_URL ? [new URL(e.APP_URL).origin] : undefined,
  });
  if (!state.isSignedIn) return null;
  const auth = state.toAuth();
  return auth && "userId" in auth && typeof auth.userId === "string" ? auth.userId : null;
}

/** The ServicePro user for a Clerk user id, created or linked on first sight. */
export async function userForClerkId(clerkUserId: string): Promise<SessionUser> {
  const known = await withGlobal((db) => db.user.findUnique({ where: { clerkUserId }, select: SESSION_USER_SELECT }));
  if (known) return known;
  const profile = await clerkClient().users.getUser(clerkUserId);
  const primary = profile.emailAddresses.find((a) => a.id === profile.primaryEmailAddressId) ?? profile.emailAddresses[0];
  if (!primary) throw new Error(`Clerk user ${clerkUserId} has no email address`);
  const email = primary.emailAddress.toLowerCase();
  const name = [profile.firstName, profile.lastName].filter(Boolean).join(" ") || email.split("@")[0];
  const admins = env().PLATFORM_ADMIN_EMAILS;
  return withGlobal(async (db) => {
    const byEmail = await db.user.findUnique({ where: { email }, select: { id: true, clerkUserId: true } });
    if (byEmail) {
      // Only link an existing account through an email Clerk has verified.
      if (primary.verification?.status !== "verified") throw new Error(`Clerk email ${email} is not verified; refusing to link`);
      logger.info({ userId: byEmail.id }, "linking existing user to Clerk");
      return db.user.update({ where: { id: byEmail.id }, data: { clerkUserId }, select: SESSION_USER_SELECT });
    }
    return db.user.create({ data: { email, name, clerkUserId, isPlatformAdmin: admins.includes(email) }, select: SESSION_USER_SELECT });
  });
}
