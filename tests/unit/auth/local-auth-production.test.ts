import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assertLocalAuthAllowed, LocalAuthInProductionError, signInLocal, signUpLocal } from "#server/auth/local-auth.server";
import { resetEnvCache } from "#server/env.server";

/** A production environment that passes validation, so only the sign-in's own guard can refuse. */
const PRODUCTION_ENV = {
  APP_ENV: "production",
  SESSION_SECRET: "a-long-random-session-secret-for-tests",
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  DATABASE_URL: "postgres://nobody@127.0.0.1:1/never-opened",
  APP_URL: "https://app.servicepro.test",
  CLERK_SECRET_KEY: "sk_live_test",
  CLERK_PUBLISHABLE_KEY: `pk_live_${Buffer.from("clerk.servicepro.test$").toString("base64")}`,
};

let saved: Record<string, string | undefined>;

beforeEach(() => {
  saved = Object.fromEntries([...Object.keys(PRODUCTION_ENV), "NODE_ENV"].map((k) => [k, process.env[k]]));
  Object.assign(process.env, PRODUCTION_ENV);
  resetEnvCache();
});

afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
});

describe("the local sign-in in production", () => {
  it("refuses to sign anyone in or up, before touching the database or the rate limiter", async () => {
    await expect(signInLocal({ email: "owner@example.com", password: "whatever-it-is" }, "203.0.113.9")).rejects.toBeInstanceOf(
      LocalAuthInProductionError,
    );
    await expect(
      signUpLocal({ name: "Owner", email: "owner@example.com", password: "whatever-it-is" }, "203.0.113.9"),
    ).rejects.toBeInstanceOf(LocalAuthInProductionError);
    expect(() => assertLocalAuthAllowed()).toThrow(/never runs in a production deployment \(APP_ENV=production\).*CLERK_SECRET_KEY/);
  });

  it("is allowed again outside production", () => {
    process.env.APP_ENV = "local";
    resetEnvCache();
    expect(() => assertLocalAuthAllowed()).not.toThrow();
  });

  it("is allowed under the optimised build on a laptop (NODE_ENV=production, APP_ENV unset)", () => {
    delete process.env.APP_ENV;
    process.env.NODE_ENV = "production";
    resetEnvCache();
    expect(() => assertLocalAuthAllowed()).not.toThrow();
  });
});
