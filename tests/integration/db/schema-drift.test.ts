import { describe, expect, it } from "vitest";
import { getDatabase } from "../../../server/db/db.server";
import { migrate, readMigrations } from "../../../server/db/migrate.server";
import { schemaDrift } from "../../helpers/schema-drift";
import { openScratchDatabase } from "../../helpers/scratch-db";

describe("schema drift: migrations vs schema.prisma", () => {
  it("the migrated database matches schema.prisma (tables, columns, types, nullability, enums)", async () => {
    const db = await getDatabase();
    expect(await db.admin.transaction((sql) => schemaDrift(sql))).toEqual([]);
  });

  it("detects a column removed from a migration, a changed type and a loosened NOT NULL", async () => {
    // Break the first migration only (later ones may refer to what it creates).
    const migrations = readMigrations().map((m, i) => ({
      ...m,
      sql:
        i > 0
          ? m.sql
          : m.sql
              .replace(/^\s*"price_cents" INTEGER NOT NULL,\n/m, "")
              .replace(/CONSTRAINT "services_price_cents_check" CHECK \("price_cents" >= 0\),\n\s*/m, "")
              .replace(`"default_locale" TEXT NOT NULL,`, `"default_locale" TEXT,`)
              .replace(`"attempts" INTEGER NOT NULL DEFAULT 0,`, `"attempts" BIGINT NOT NULL DEFAULT 0,`),
    }));
    expect(migrations[0].sql).not.toContain(`"price_cents" INTEGER`);
    const scratch = await openScratchDatabase();
    try {
      await migrate(scratch.db, { migrations });
      const problems = await scratch.db.admin.transaction((sql) => schemaDrift(sql));
      expect(problems).toContain("column services.price_cents is in schema.prisma but not in the database");
      expect(problems).toContain("column tenants.default_locale is nullable in the database, required in schema.prisma");
      expect(problems).toContain("column outbox_events.attempts has type bigint in the database, integer in schema.prisma");
    } finally {
      await scratch.dispose();
    }
    // A fresh embedded database migrated from scratch: a minute or more on a loaded 2-core machine.
  }, 180_000);
});
