import type { LoaderFunctionArgs } from "@remix-run/node";
import { env } from "../env.server";
import type { SessionUser } from "../users/session-user";
import { clerkTokenOptions } from "./clerk.server";
import { sessionUserOfClerkId } from "./identity.server";

/**
 * The root loader in Clerk mode. Clerk's rootAuthLoader verifies the session once (or
 * throws its handshake redirect) and adds the `clerkState` that <ClerkApp> reads;
 * `load` builds our own root data from the user it found. @clerk/remix is imported here
 * on demand so a process in local mode never loads it.
 *
 * The answer is a JSON Response (what rootAuthLoader makes); with single fetch Remix
 * decodes it into loader data and keeps its Set-Cookie headers.
 */
export async function clerkRootLoader<T extends Record<string, unknown>>(
  args: LoaderFunctionArgs,
  load: (user: SessionUser | null) => Promise<T>,
): Promise<Response> {
  const { rootAuthLoader } = await import("@clerk/remix/ssr.server");
  const e = env();
  const response: unknown = await rootAuthLoader(args, async ({ request }) => load(await sessionUserOfClerkId(request.auth.userId)), {
    secretKey: e.CLERK_SECRET_KEY,
    publishableKey: e.CLERK_PUBLISHABLE_KEY,
    ...clerkTokenOptions(),
    signInUrl: "/sign-in",
    signUpUrl: "/sign-up",
  });
  return response as Response;
}
