import { randomInt, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { authProvider } from "#server/auth/identity.server";
import { signInLocal, signUpLocal } from "#server/auth/local-auth.server";
import { withGlobal } from "#server/db/db.server";
import type { DomainError } from "#server/errors/domain-errors";
import { resetEnvCache } from "#server/env.server";

/**
 * The local development sign-in on a real database. Emails and client IPs are unique per
 * run: the PostgreSQL suite shares one database, and the rate limiter may be Redis.
 */
const runIp = () => `198.51.${randomInt(0, 255)}.${randomInt(1, 254)}-${randomUUID().slice(0, 6)}`;
const uniqueEmail = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}@local.example`;
const PASSWORD = "correct horse battery";

async function errorOf(p: Promise<unknown>): Promise<DomainError> {
  const outcome = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!outcome) throw new Error("expected a rejection");
  return outcome as DomainError;
}

beforeAll(() => {
  for (const k of ["CLERK_SECRET_KEY", "CLERK_PUBLISHABLE_KEY"]) delete process.env[k];
  resetEnvCache();
});

describe("local sign-in", () => {
  it("is the sign-in when no Clerk keys are set", () => {
    expect(authProvider()).toBe("local");
  });

  it("signs up, then signs in with the same email and password", async () => {
    const ip = runIp();
    const email = uniqueEmail("new");
    const created = await signUpLocal({ name: "Dana Ruiz", email, password: PASSWORD, locale: "es" }, ip);
    expect(created).toMatchObject({ email, name: "Dana Ruiz", locale: "es" });
    expect(created).not.toHaveProperty("passwordHash");

    const row = await withGlobal((db) => db.user.findUnique({ where: { id: created.id } }));
    expect(row?.passwordHash).toMatch(/^scrypt\$/);
    expect(row?.passwordHash).not.toContain(PASSWORD);

    const signedIn = await signInLocal({ email, password: PASSWORD }, ip);
    expect(signedIn).toEqual(created);
    expect(signedIn).not.toHaveProperty("passwordHash");
  });

  it("refuses a second account with the same email", async () => {
    const email = uniqueEmail("twice");
    await signUpLocal({ name: "First", email, password: PASSWORD }, runIp());
    const error = await errorOf(signUpLocal({ name: "Second", email, password: PASSWORD }, runIp()));
    expect(error).toMatchObject({ kind: "Conflict", key: "errors:auth.emailTaken" });
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const ip = runIp();
    const email = uniqueEmail("known");
    await signUpLocal({ name: "Known", email, password: PASSWORD }, ip);

    const wrongPassword = await errorOf(signInLocal({ email, password: "not the password" }, ip));
    const unknownEmail = await errorOf(signInLocal({ email: uniqueEmail("nobody"), password: "not the password" }, ip));
    for (const error of [wrongPassword, unknownEmail]) expect(error).toMatchObject({ kind: "Invalid", key: "errors:auth.badCredentials" });
    expect({ ...unknownEmail, stack: undefined }).toEqual({ ...wrongPassword, stack: undefined });
    expect(unknownEmail.message).toBe(wrongPassword.message);
  });

  it("blocks the 6th wrong attempt on one account, even with the right password, and says when to retry", async () => {
    const ip = runIp();
    const email = uniqueEmail("guessed");
    await signUpLocal({ name: "Target", email, password: PASSWORD }, ip);

    for (let attempt = 1; attempt <= 5; attempt++) {
      expect(await errorOf(signInLocal({ email, password: `guess-${attempt}` }, ip))).toMatchObject({ key: "errors:auth.badCredentials" });
    }
    const blocked = await errorOf(signInLocal({ email, password: PASSWORD }, ip));
    expect(blocked).toMatchObject({ kind: "RateLimited", key: "errors:rateLimited" });
    expect(blocked.params.seconds).toBeGreaterThan(14 * 60);
    expect(blocked.params.seconds).toBeLessThanOrEqual(15 * 60);

    // The limit is per IP and account: the same person from another network still gets in.
    expect((await signInLocal({ email, password: PASSWORD }, runIp())).email).toBe(email);
  });

  it("clears the account's counter after a successful sign-in", async () => {
    const ip = runIp();
    const email = uniqueEmail("forgetful");
    await signUpLocal({ name: "Forgetful", email, password: PASSWORD }, ip);
    for (let i = 0; i < 4; i++) await errorOf(signInLocal({ email, password: "nope-nope" }, ip));
    await signInLocal({ email, password: PASSWORD }, ip);
    for (let i = 0; i < 5; i++) expect(await errorOf(signInLocal({ email, password: "nope-nope" }, ip))).toMatchObject({ kind: "Invalid" });
    expect(await errorOf(signInLocal({ email, password: "nope-nope" }, ip))).toMatchObject({ kind: "RateLimited" });
  });
});
