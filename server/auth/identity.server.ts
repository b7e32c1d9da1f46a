import { isClerkConfigured } from "../env.server";
import { annotateRequest } from "../observability/request-context.server";
import { getUserById } from "../users/users.server";
import type { SessionUser } from "../users/session-user";
import { clerkUserIdOf, userForClerkId } from "./clerk.server";
import { getSession } from "./session.server";

export type AuthProvider = "clerk" | "local";

/** Which sign-in this process uses: Clerk when its keys are set, else the local development sign-in. */
export function authProvider(): AuthProvider {
  return isClerkConfigured() ? "clerk" : "local";
}

/** The signed-in user of a request, or null. */
export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const user = authProvider() === "clerk" ? await clerkSessionUser(request) : await localSessionUser(request);
  if (user) annotateRequest({ userId: user.id });
  return user;
}

/** The user behind a Clerk user id that Clerk has already verified (the root loader's rootAuthLoader). */
export async function sessionUserOfClerkId(clerkUserId: string | null | undefined): Promise<SessionUser | null> {
  const user = clerkUserId ? await userForClerkId(clerkUserId) : null;
  if (user) annotateRequest({ userId: user.id });
  return user;
}

async function clerkSessionUser(request: Request): Promise<SessionUser | null> {
  const clerkId = await clerkUserIdOf(request);
  return clerkId ? userForClerkId(clerkId) : null;
}

async function localSessionUser(request: Request): Promise<SessionUser | null> {
  const session = await getSession(request);
  const userId = session.get("userId");
  return userId ? getUserById(userId) : null;
}
