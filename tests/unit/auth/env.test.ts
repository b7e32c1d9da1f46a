import { describe, expect, it } from "vitest";
import { EnvError, isClerkConfigured, isProductionDeployment, parseEnv } from "#server/env.server";

const problemsOf = (source: Record<string, string | undefined>): string[] => {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  throw new Error("expected parseEnv to refuse this environment");
};

const COMPLETE_PRODUCTION = {
  APP_ENV: "production",
  SESSION_SECRET: "s".repeat(40),
  ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
  DATABASE_URL: "postgres://app@db:5432/servicepro",
  APP_URL: "https://app.servicepro.test",
  CLERK_SECRET_KEY: "sk_live_x",
  CLERK_PUBLISHABLE_KEY: "pk_live_x",
};

describe("environment validation", () => {
  it("needs nothing in development", () => {
    const e = parseEnv({});
    expect(e).toMatchObject({
      NODE_ENV: "development",
      APP_ENV: "local",
      PORT: 3000,
      APP_DOMAIN: "localhost",
      LOG_LEVEL: "info",
      PLATFORM_ADMIN_EMAILS: [],
    });
    expect(isClerkConfigured(e)).toBe(false);
  });

  it("lists every missing production variable, each with what it is for", () => {
    const problems = problemsOf({ APP_ENV: "production" });
    expect(problems).toEqual([
      "SESSION_SECRET: SESSION_SECRET is required in production: signs session and CSRF cookies",
      "ENCRYPTION_KEY: ENCRYPTION_KEY is required in production: encrypts integration secrets at rest (32 bytes, base64)",
      "DATABASE_URL: DATABASE_URL is required in production: the PostgreSQL server; the embedded database is for development",
      "APP_URL: APP_URL is required in production: the public base URL used in links and OAuth callbacks",
      "CLERK_SECRET_KEY: CLERK_SECRET_KEY and CLERK_PUBLISHABLE_KEY are required in production: the local sign-in never runs there",
    ]);
    const message = (() => {
      try {
        parseEnv({ APP_ENV: "production" });
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(/^Invalid environment:\n {2}- SESSION_SECRET: /);
    expect(message?.split("\n")).toHaveLength(6);
  });

  it("names only what is missing, and treats blank values as missing", () => {
    const problems = problemsOf({ ...COMPLETE_PRODUCTION, SESSION_SECRET: "   ", CLERK_PUBLISHABLE_KEY: "" });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^SESSION_SECRET: SESSION_SECRET is required in production/);
    expect(problems[1]).toMatch(/^CLERK_SECRET_KEY: .*CLERK_PUBLISHABLE_KEY are required in production/);
  });

  it("accepts a complete production environment", () => {
    const e = parseEnv(COMPLETE_PRODUCTION);
    expect(e.APP_ENV).toBe("production");
    expect(isClerkConfigured(e)).toBe(true);
  });

  it("keys the strict checks on APP_ENV, not on the build mode: NODE_ENV=production alone is a laptop", () => {
    const e = parseEnv({ NODE_ENV: "production" });
    expect(e).toMatchObject({ NODE_ENV: "production", APP_ENV: "local" });
    expect(isProductionDeployment(e)).toBe(false);
    expect(isProductionDeployment(parseEnv(COMPLETE_PRODUCTION))).toBe(true);
    expect(problemsOf({ APP_ENV: "staging" })[0]).toMatch(/^APP_ENV: /);
  });

  it("rejects malformed values with the variable's name", () => {
    const problems = problemsOf({ DATABASE_URL: "mysql://x", REDIS_URL: "http://cache", PORT: "70000", APP_URL: "not a url" });
    expect(problems.map((p) => p.split(":")[0]).sort()).toEqual(["APP_URL", "DATABASE_URL", "PORT", "REDIS_URL"]);
  });
});
