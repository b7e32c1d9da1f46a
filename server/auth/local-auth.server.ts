import { z } from "zod";
import { withGlobal } from "../db/db.server";
import { isProductionDeployment } from "../env.server";
import { Invalid, RateLimited } from "../errors/domain-errors";
import { rateLimiter } from "../security/rate-limit.server";
import { SESSION_USER_SELECT, type SessionUser } from "../users/session-user";
import { createUser, ZEmailSchema, ZPersonNameSchema } from "../users/users.server";
import { hashPassword, verifyPassword } from "./password.server";

/**
 * The local development sign-in: email and password, scrypt-hashed, in a signed cookie.
 * It exists so the product runs with no Clerk keys; it refuses to run in production.
 */
export class LocalAuthInProductionError extends Error {
  constructor() {
    super(
      "The local sign-in is for development only and never runs in a production deployment (APP_ENV=production). Configure Clerk (CLERK_SECRET_KEY, CLERK_PUBLISHABLE_KEY).",
    );
    this.name = "LocalAuthInProductionError";
  }
}

export function assertLocalAuthAllowed(): void {
  // A real deployment is APP_ENV=production (ADR 0011); NODE_ENV only picks the React/Remix build.
  if (isProductionDeployment()) throw new LocalAuthInProductionError();
}

export const ZPasswordSchema = z.string().min(8, { message: "validation.passwordTooShort" }).max(200, { message: "validation.tooLong" });

export const ZLocalSignUpSchema = z.object({
  name: ZPersonNameSchema,
  email: ZEmailSchema,
  password: ZPasswordSchema,
  locale: z.enum(["en", "es"]).optional(),
});

export const ZLocalSignInSchema = z.object({
  email: ZEmailSchema,
  password: z.string().min(1, { message: "validation.required" }).max(200),
});

export async function signUpLocal(input: z.infer<typeof ZLocalSignUpSchema>, ip: string): Promise<SessionUser> {
  assertLocalAuthAllowed();
  const limit = await rateLimiter().consume("signUpIp", ip);
  if (!limit.allowed) throw RateLimited(limit.retryAfterSeconds);
  return createUser({ email: input.email, name: input.name, passwordHash: await hashPassword(input.password), locale: input.locale });
}

export async function signInLocal(input: z.infer<typeof ZLocalSignInSchema>, ip: string): Promise<SessionUser> {
  assertLocalAuthAllowed();
  const limiter = rateLimiter();
  const [byIp, byAccount] = await Promise.all([limiter.consume("signInIp", ip), limiter.consume("signInAccount", `${ip}:${input.email}`)]);
  if (!byIp.allowed || !byAccount.allowed) throw RateLimited(Math.max(byIp.retryAfterSeconds, byAccount.retryAfterSeconds));
  const user = await withGlobal((db) =>
    db.user.findUnique({ where: { email: input.email }, select: { ...SESSION_USER_SELECT, passwordHash: true } }),
  );
  // Same work and the same answer whether the email exists or not.
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.passwordHash || !ok) throw Invalid("errors:auth.badCredentials");
  await limiter.reset("signInAccount", `${ip}:${input.email}`);
  const { passwordHash: _omit, ...sessionUser } = user;
  return sessionUser;
}

const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
