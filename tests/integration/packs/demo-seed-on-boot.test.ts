import { describe, expect, it } from "vitest";
import { withGlobal } from "#server/db/db.server";
import { parseEnv } from "#server/env.server";
import { CLEANMACHINE_DEMO } from "#server/packs/demo/cleanmachine";
import { DEMO_ADMIN_EMAIL } from "#server/packs/demo/seed-demo.server";
import { seedDemoOnBoot } from "#server/packs/demo/seed-on-boot.server";

/**
 * The demo business comes with well-known logins (its owner and a platform admin, one
 * published password). A production deployment must never get them unless it asks.
 */
const PRODUCTION = {
  APP_ENV: "production",
  SESSION_SECRET: "s".repeat(40),
  ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
  DATABASE_URL: "postgres://app@db:5432/servicepro",
  APP_URL: "https://app.servicepro.test",
  CLERK_SECRET_KEY: "sk_live_x",
  CLERK_PUBLISHABLE_KEY: "pk_live_x",
};

const demoRows = () =>
  withGlobal(async (g) => ({
    tenant: await g.tenant.findUnique({ where: { slug: CLEANMACHINE_DEMO.slug }, select: { id: true } }),
    users: await g.user.count({ where: { email: { in: [DEMO_ADMIN_EMAIL, CLEANMACHINE_DEMO.owner.email] } } }),
  }));

describe("the demo business at boot", () => {
  // In this order: the production cases run on a database the demo has not reached yet.
  it("is not seeded in a production deployment, nor its logins, when nobody asked", async () => {
    const lines: string[] = [];
    expect(await seedDemoOnBoot(parseEnv(PRODUCTION), (l) => lines.push(l))).toBeNull();
    expect(await seedDemoOnBoot(parseEnv({ ...PRODUCTION, SEED_DEMO: "" }))).toBeNull();
    expect(await seedDemoOnBoot(parseEnv({ ...PRODUCTION, SEED_DEMO: "0" }))).toBeNull();
    expect(await demoRows()).toEqual({ tenant: null, users: 0 });
    expect(lines).toEqual(["demo business not seeded (APP_ENV=production; SEED_DEMO=1 seeds it)"]);
  });

  it("is not seeded on a local install that says SEED_DEMO=false", async () => {
    expect(await seedDemoOnBoot(parseEnv({ SEED_DEMO: "false" }))).toBeNull();
    expect(await demoRows()).toEqual({ tenant: null, users: 0 });
  });

  it("is seeded in production when SEED_DEMO=1 asks for it", async () => {
    const login = await seedDemoOnBoot(parseEnv({ ...PRODUCTION, SEED_DEMO: "1" }));
    expect(login).toMatchObject({ slug: CLEANMACHINE_DEMO.slug, email: CLEANMACHINE_DEMO.owner.email });
    expect((await demoRows()).tenant).not.toBeNull();
  });

  it("is seeded (once) on a local install by default", async () => {
    const login = await seedDemoOnBoot(parseEnv({}));
    expect(login?.slug).toBe(CLEANMACHINE_DEMO.slug);
    expect(await demoRows()).toMatchObject({ users: 2 });
  });

  it("refuses a SEED_DEMO it cannot read, by name", () => {
    expect(() => parseEnv({ SEED_DEMO: "maybe" })).toThrow(/SEED_DEMO/);
  });
});
