import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type Database } from "../../server/db/database.server";

/**
 * A brand-new empty database of the same kind the suite runs on (for migration tests).
 * The caller closes it with the returned dispose().
 */
export async function openScratchDatabase(): Promise<{ db: Database; dispose(): Promise<void> }> {
  const target = inject("testDatabase");
  if (target.kind === "pglite") {
    const db = await openDatabase({ kind: "pglite" });
    return { db, dispose: () => db.close() };
  }
  const name = `sp_scratch_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: target.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(target.url);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: "postgres", url: url.toString(), poolSize: 2 });
  return {
    db,
    async dispose() {
      await db.close();
      const drop = new pg.Client({ connectionString: target.url });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}
