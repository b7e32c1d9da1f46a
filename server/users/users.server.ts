import { z } from "zod";
import { withGlobal } from "../db/db.server";
import { env } from "../env.server";
import { Conflict } from "../errors/domain-errors";
import { ZLocaleSchema } from "../i18n/localized-text";
import { SESSION_USER_SELECT, type SessionUser } from "./session-user";
import { zEmail, zName } from "../validation/text";
import { TEXT_LIMITS } from "../validation/limits";

export const ZEmailSchema = zEmail();
export const ZPersonNameSchema = zName({ min: 1, max: TEXT_LIMITS.personName });

const isPlatformAdminEmail = (email: string) => env().PLATFORM_ADMIN_EMAILS.includes(email.toLowerCase());

export async function getUserById(id: string): Promise<SessionUser | null> {
  return withGlobal((db) => db.user.findUnique({ where: { id }, select: SESSION_USER_SELECT }));
}

export async function getUserByEmail(email: string) {
  return withGlobal((db) => db.user.findUnique({ where: { email: email.toLowerCase() } }));
}

/** Creates a user (local sign-up or first sight of a Clerk user). */
export async function createUser(input: {
  email: string;
  name: string;
  passwordHash?: string;
  clerkUserId?: string;
  locale?: string | null;
  isPlatformAdmin?: boolean;
}): Promise<SessionUser> {
  const email = input.email.toLowerCase();
  return withGlobal(async (db) => {
    const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
    if (existing) throw Conflict("errors:auth.emailTaken", {}, { email: "errors:auth.emailTaken" });
    return db.user.create({
      data: {
        email,
        name: input.name,
        passwordHash: input.passwordHash,
        clerkUserId: input.clerkUserId,
        locale: input.locale ?? null,
        isPlatformAdmin: input.isPlatformAdmin ?? isPlatformAdminEmail(email),
      },
      select: SESSION_USER_SELECT,
    });
  });
}

export const ZUserPreferencesSchema = z
  .object({
    locale: ZLocaleSchema.optional(),
    dashboardMode: z.enum(["SIMPLE", "ADVANCED"]).optional(),
    name: ZPersonNameSchema.optional(),
  })
  .strict();

/** A user's own preferences: language and dashboard mode follow them across devices. */
export async function updateUserPreferences(userId: string, prefs: z.infer<typeof ZUserPreferencesSchema>): Promise<SessionUser> {
  return withGlobal((db) => db.user.update({ where: { id: userId }, data: prefs, select: SESSION_USER_SELECT }));
}

export async function setLastTenant(userId: string, tenantId: string): Promise<void> {
  await withGlobal((db) => db.user.update({ where: { id: userId }, data: { lastTenantId: tenantId } }));
}
