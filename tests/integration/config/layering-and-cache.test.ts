import { inject, describe, expect, it } from "vitest";
import { configCache } from "../../../server/config/config-cache.server";
import { startConfigListener } from "../../../server/config/config-listener.server";
import { CONFIG_CHANNEL, readAllConfig, readConfig, resetConfig, writeConfig } from "../../../server/config/config-service.server";
import { PLATFORM_CONFIG_DEFAULTS } from "../../../server/config/defaults";
import { getDatabase, withTenant } from "../../../server/db/db.server";
import { getPack } from "../../../server/packs";
import { createTestTenant } from "../../helpers/factories";

const read = <K extends Parameters<typeof readConfig>[1]>(tenantId: string, node: K) => withTenant(tenantId, (db) => readConfig(db, node));

const SUNDAYS = {
  mon: [{ open: "06:00", close: "10:00" }],
  tue: [],
  wed: [],
  thu: [],
  fri: [],
  sat: [],
  sun: [{ open: "12:00", close: "13:00" }],
};

/** Changes the stored override behind the cache's back (as another instance would). */
async function rawSetOverride(tenantId: string, node: string, data: unknown) {
  const n = await withTenant(tenantId, (db) =>
    db.$executeRawUnsafe(
      `UPDATE "config_overrides" SET "data" = $1::jsonb, "version" = "version" + 1 WHERE "node" = $2::"ConfigNodeKey"`,
      JSON.stringify(data),
      node,
    ),
  );
  expect(n).toBe(1);
}

describe("config layering: platform default <- pack <- tenant override", () => {
  it("HOURS comes from the pack, an override wins, reset goes back to the pack", async () => {
    const t = await createTestTenant({ packKey: "hvac" });
    const packHours = getPack("hvac").config.HOURS;
    expect(packHours).not.toEqual(PLATFORM_CONFIG_DEFAULTS.HOURS); // the layers are distinguishable

    await withTenant(t.id, (db) => resetConfig(db, "HOURS", t.owner.id)); // drop onboarding's copy of the pack hours
    expect(await read(t.id, "HOURS")).toEqual(packHours);

    await withTenant(t.id, (db) => writeConfig(db, "HOURS", { weekly: SUNDAYS }, t.owner.id));
    expect(await read(t.id, "HOURS")).toEqual({ weekly: SUNDAYS });

    await withTenant(t.id, (db) => resetConfig(db, "HOURS", t.owner.id));
    expect(await read(t.id, "HOURS")).toEqual(packHours);
    expect(await withTenant(t.id, (db) => db.configOverride.count({ where: { node: "HOURS" } }))).toBe(0);
  });

  it("nodes the pack does not set are the platform default; objects deep-merge, arrays replace", async () => {
    const t = await createTestTenant({ packKey: "lawn-care" });
    const pack = getPack("lawn-care");
    const all = await withTenant(t.id, (db) => readAllConfig(db));
    expect(Object.keys(all).sort()).toEqual(["AI", "BILLING", "BOOKING", "EMAIL", "HOURS", "LOYALTY", "PHONE", "SITE"]);
    expect(all.PHONE).toEqual(PLATFORM_CONFIG_DEFAULTS.PHONE);
    expect(all.BOOKING).toEqual(PLATFORM_CONFIG_DEFAULTS.BOOKING);
    expect(all.BILLING).toEqual(PLATFORM_CONFIG_DEFAULTS.BILLING);
    expect(all.EMAIL).toEqual({ ...PLATFORM_CONFIG_DEFAULTS.EMAIL, fromName: t.name }); // onboarding's override
    expect(all.LOYALTY).toEqual({ ...PLATFORM_CONFIG_DEFAULTS.LOYALTY, ...pack.config.LOYALTY, enabled: true });
    expect(all.SITE).toMatchObject({
      headline: pack.config.SITE.headline,
      blocks: pack.config.SITE.blocks,
      showPrices: PLATFORM_CONFIG_DEFAULTS.SITE.showPrices,
    });

    // An override of one language keeps the pack's other language; an array replaces the pack's.
    const site = await withTenant(t.id, (db) =>
      writeConfig(db, "SITE", { headline: { en: "Greener lawns" }, blocks: ["hero", "contact"] }, t.owner.id),
    );
    expect(site.headline).toEqual({ en: "Greener lawns", es: pack.config.SITE.headline.es });
    expect(site.blocks).toEqual(["hero", "contact"]);
    expect(site.tagline).toEqual(pack.config.SITE.tagline);
    expect(await read(t.id, "SITE")).toEqual(site);
    // Only the patch is stored: a later pack change still reaches the other fields.
    expect(
      await withTenant(t.id, (db) => db.configOverride.findUniqueOrThrow({ where: { tenantId_node: { tenantId: t.id, node: "SITE" } } })),
    ).toMatchObject({
      data: { headline: { en: "Greener lawns" }, blocks: ["hero", "contact"] },
    });
  });

  it("a stored override that no longer validates falls back to the layers below instead of throwing", async () => {
    const t = await createTestTenant({ packKey: "pet-grooming" });
    await rawSetOverride(t.id, "HOURS", { weekly: { mon: [{ open: "9am", close: "5pm" }] }, legacyField: true });
    configCache().evict(t.id, "HOURS");
    expect(await read(t.id, "HOURS")).toEqual(getPack("pet-grooming").config.HOURS);
    await rawSetOverride(t.id, "EMAIL", { fromName: 42 });
    configCache().evict(t.id, "EMAIL");
    expect(await read(t.id, "EMAIL")).toEqual(PLATFORM_CONFIG_DEFAULTS.EMAIL);
  });
});

describe("config cache", () => {
  it("a write is seen at once: read, write, read again", async () => {
    const t = await createTestTenant();
    const before = await read(t.id, "HOURS");
    expect(configCache().get(t.id, "HOURS")?.value).toEqual(before); // the read populated the cache
    await withTenant(t.id, (db) => writeConfig(db, "HOURS", { weekly: SUNDAYS }, t.owner.id));
    expect(configCache().get(t.id, "HOURS")).toBeUndefined();
    expect(await read(t.id, "HOURS")).toEqual({ weekly: SUNDAYS });
    expect(configCache().get(t.id, "HOURS")?.version).toBe(2);
  });

  it("reads really are cached: a change behind the cache's back is not seen until writeConfig or evict", async () => {
    const t = await createTestTenant();
    const cached = await read(t.id, "HOURS");
    await rawSetOverride(t.id, "HOURS", { weekly: SUNDAYS });
    expect(await read(t.id, "HOURS")).toEqual(cached); // stale, from the cache
    configCache().evict(t.id, "HOURS");
    expect(await read(t.id, "HOURS")).toEqual({ weekly: SUNDAYS });

    // Behind the cache's back again, then a writeConfig of another field evicts: the stored row is the base.
    await rawSetOverride(t.id, "EMAIL", { fromName: "Behind" });
    expect((await read(t.id, "EMAIL")).fromName).toBe("Behind"); // first read of EMAIL in this file
    await rawSetOverride(t.id, "EMAIL", { fromName: "Behind again" });
    expect((await read(t.id, "EMAIL")).fromName).toBe("Behind");
    await withTenant(t.id, (db) => writeConfig(db, "EMAIL", { notifyChannel: "SMS" }, t.owner.id));
    expect(await read(t.id, "EMAIL")).toMatchObject({ fromName: "Behind again", notifyChannel: "SMS" });
  });

  it("a rolled-back write leaves the cache and the stored value as they were", async () => {
    const t = await createTestTenant();
    const before = await read(t.id, "HOURS");
    await expect(
      withTenant(t.id, async (db) => {
        await writeConfig(db, "HOURS", { weekly: SUNDAYS }, t.owner.id);
        throw new Error("boom after the write");
      }),
    ).rejects.toThrow("boom");
    expect(await read(t.id, "HOURS")).toEqual(before);
  });

  // Regression: readConfig inside the unit of work that had just called writeConfig used to
  // store the uncommitted value in the process-wide cache, and nothing evicted it on rollback.
  it("a read inside a write transaction that rolls back does not leave the uncommitted value in the cache", async () => {
    const t = await createTestTenant();
    const before = await read(t.id, "PHONE");
    await expect(
      withTenant(t.id, async (db) => {
        await writeConfig(db, "PHONE", { ringSeconds: 45 }, t.owner.id);
        expect((await readConfig(db, "PHONE")).ringSeconds).toBe(45); // the writer sees its own write
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await withTenant(t.id, (db) => db.configOverride.count({ where: { node: "PHONE" } }))).toBe(0); // nothing was committed
    expect(await read(t.id, "PHONE")).toEqual(before);
  });

  it("cross-instance invalidation: a NOTIFY from another connection evicts this instance's entry (PostgreSQL server only)", async () => {
    const target = inject("testDatabase");
    const db = await getDatabase();
    if (target.kind !== "postgres") {
      // Embedded PGlite is one process: the writer evicts its own cache, so no listener is needed.
      expect(db.kind).toBe("pglite");
      return;
    }
    const t = await createTestTenant();
    const listener = await startConfigListener(target.url);
    try {
      await read(t.id, "HOURS");
      await read(t.id, "PHONE");
      expect(configCache().get(t.id, "HOURS")).toBeDefined();
      // Another instance's notifications: one for another tenant, then ours.
      await db.admin.query(`SELECT pg_notify($1, $2)`, [CONFIG_CHANNEL, `00000000-0000-0000-0000-000000000000:HOURS`]);
      await db.admin.query(`SELECT pg_notify($1, $2)`, [CONFIG_CHANNEL, `${t.id}:HOURS`]);
      await expect.poll(() => configCache().get(t.id, "HOURS"), { timeout: 5_000, interval: 20 }).toBeUndefined();
      expect(configCache().get(t.id, "PHONE")).toBeDefined(); // only the named node is evicted
      // The literal channel name other instances use.
      await db.admin.query(`SELECT pg_notify('servicepro_config', $1)`, [`${t.id}:PHONE`]);
      await expect.poll(() => configCache().get(t.id, "PHONE"), { timeout: 5_000, interval: 20 }).toBeUndefined();
    } finally {
      await listener.stop();
    }
  });
});
