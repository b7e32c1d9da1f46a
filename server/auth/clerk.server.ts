import { createClerkClient, type ClerkClient } from "@clerk/backend";
import { withGlobal } from "../db/db.server";
import { Prisma } from "../db/generated/prisma/client";
import { env, isClerkConfigured } from "../env.server";
import { Forbidden } from "../errors/domain-errors";
import { logger } from "../observability/logger.server";
import { SESSION_USER_SELECT, type SessionUser } from "../users/session-user";

/**
 * Clerk sign-in, used when CLERK_SECRET_KEY and CLERK_PUBLISHABLE_KEY are set. Session
 * tokens (the __session cookie or a Bearer header) are verified with CLERK_JWT_KEY when it
 * is set: no network call at all. A Clerk user is linked to a ServicePro user on first
 * sight (by Clerk id, else by verified primary email); only that first sight calls Clerk's API.
 * A PLATFORM_ADMIN_EMAILS address makes a platform admin only once Clerk has verified it.
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

/** Token checks shared by our own verification and Clerk's root loader: our own origin is the only authorized party. */
export function clerkTokenOptions() {
  const e = env();
  return { jwtKey: e.CLERK_JWT_KEY, authorizedParties: e.APP_URL ? [new URL(e.APP_URL).origin] : undefined };
}

/** The Clerk user id of a request, or null when it carries no valid session token. */
export async function clerkUserIdOf(request: Request): Promise<string | null> {
  const state = await clerkClient().authenticateRequest(request, clerkTokenOptions());
  if (!state.isSignedIn) return null;
  const auth = state.toAuth();
  return auth && "userId" in auth && typeof auth.userId === "string" ? auth.userId : null;
}

/** The ServicePro user for a Clerk user id, created or linked on first sight. */
export async function userForClerkId(clerkUserId: string): Promise<SessionUser> {
  const known = await findByClerkId(clerkUserId);
  if (known) return known;
  // Remix runs the root loader and the page loader at once, so a new Clerk user arrives
  // twice in parallel: one profile fetch and one insert per process.
  let pending = firstSight.get(clerkUserId);
  if (!pending) {
    pending = linkOrCreate(clerkUserId).finally(() => firstSight.delete(clerkUserId));
    firstSight.set(clerkUserId, pending);
  }
  return pending;
}

const firstSight = new Map<string, Promise<SessionUser>>();

function findByClerkId(clerkUserId: string): Promise<SessionUser | null> {
  return withGlobal((db) => db.user.findUnique({ where: { clerkUserId }, select: SESSION_USER_SELECT }));
}

async function linkOrCreate(clerkUserId: string): Promise<SessionUser> {
  // A first sight that finished between our read and now has done the work already.
  const linkedMeanwhile = await findByClerkId(clerkUserId);
  if (linkedMeanwhile) return linkedMeanwhile;
  const profile = await clerkClient().users.getUser(clerkUserId);
  const primary = profile.emailAddresses.find((a) => a.id === profile.primaryEmailAddressId) ?? profile.emailAddresses[0];
  if (!primary) throw new Error(`Clerk user ${clerkUserId} has no email address`);
  const email = primary.emailAddress.toLowerCase();
  const name = [profile.firstName, profile.lastName].filter(Boolean).join(" ") || email.split("@")[0];
  const verified = primary.verification?.status === "verified";
  // Anyone can type an admin's address into Clerk; only an address Clerk has verified proves it.
  const isPlatformAdmin = verified && env().PLATFORM_ADMIN_EMAILS.includes(email);
  try {
    return await withGlobal(async (db) => {
      const byEmail = await db.user.findUnique({ where: { email }, select: { id: true, clerkUserId: true } });
      if (byEmail) {
        // Only link an existing account through an email Clerk has verified, and never steal
        // an account another Clerk user already holds.
        if (byEmail.clerkUserId === clerkUserId)
          return db.user.findUniqueOrThrow({ where: { id: byEmail.id }, select: SESSION_USER_SELECT });
        const refusal = !verified
          ? "email not verified by Clerk"
          : byEmail.clerkUserId
            ? "account already linked to another Clerk user"
            : null;
        if (refusal) {
          logger.warn({ userId: byEmail.id, clerkUserId, reason: refusal }, "refusing to link Clerk user to existing account");
          throw Forbidden("errors:forbidden");
        }
        logger.info({ userId: byEmail.id }, "linking existing user to Clerk");
        return db.user.update({ where: { id: byEmail.id }, data: { clerkUserId }, select: SESSION_USER_SELECT });
      }
      return db.user.create({ data: { email, name, clerkUserId, isPlatformAdmin }, select: SESSION_USER_SELECT });
    });
  } catch (error) {
    // Another process linked or created the same person in the meantime.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const linked = await findByClerkId(clerkUserId);
      if (linked) return linked;
    }
    throw error;
  }
}
