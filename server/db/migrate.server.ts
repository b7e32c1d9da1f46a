import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Database } from "./database.server";

/**
 * The project's migration runner. Prisma's migrate commands need a schema-engine binary
 * this project cannot download, so SQL migrations (Prisma's folder format) are applied
 * here, recording each in Prisma's own `_prisma_migrations` table so the Prisma CLI
 * (where it works) sees the same history. Used by start-up, tests and deploys.
 */
export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

/** Same number Prisma uses for its migrate lock, so the two never run at once. */
const MIGRATION_LOCK_ID = 72707369;

export const defaultMigrationsDir = () => path.resolve(process.cwd(), "prisma/migrations");

export function readMigrations(dir = defaultMigrationsDir()): MigrationFile[] {
  if (!existsSync(dir)) throw new Error(`Migrations folder not found: ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MigrationError";
  }
}

/** Applies every pending migration, each in its own transaction under an advisory lock. */
export async function migrate(
  db: Database,
  options: { migrations?: MigrationFile[]; log?: (line: string) => void } = {},
): Promise<MigrateResult> {
  const migrations = options.migrations ?? readMigrations();
  const log = options.log ?? (() => {});
  await db.admin.exec(CREATE_MIGRATIONS_TABLE);

  const applied: string[] = [];
  let alreadyApplied = 0;
  for (const migration of migrations) {
    const done = await db.admin.transaction(async (sql) => {
      await sql.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_ID]);
      const rows = await sql.query<{ checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
        `SELECT checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE migration_name = $1`,
        [migration.name],
      );
      const finished = rows.find((r) => r.finished_at && !r.rolled_back_at);
      if (finished) {
        if (finished.checksum !== migration.checksum) {
          throw new MigrationError(
            `Migration ${migration.name} was changed after it was applied. Never edit an applied migration: add a new one. ` +
              `(For a disposable development database, delete the data folder and start again.)`,
          );
        }
        return false;
      }
      const startedAt = new Date();
      try {
        await sql.exec(migration.sql);
      } catch (error) {
        throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
      await sql.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
         VALUES ($1, $2, now(), $3, $4, 1)`,
        [randomUUID(), migration.checksum, migration.name, startedAt],
      );
      return true;
    });
    if (done) {
      applied.push(migration.name);
      log(`applied migration ${migration.name}`);
    } else {
      alreadyApplied++;
    }
  }
  return { applied, alreadyApplied };
}
